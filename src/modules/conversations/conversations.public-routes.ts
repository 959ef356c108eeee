import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { publicPostLimit } from '../../platform/http/security.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { participantIdFrom } from '../participants/participant-cookie.js';
import { joinPagePath } from '../participants/paths.js';
import { requestAnalysis } from './analysis-scheduler.js';
import { castVote } from './cast-vote.js';
import { formErrors } from '../../ui/page-context.js';
import { participantAccess } from './participant-conversation.js';
import { submitStatement } from './submit-statement.js';
import { visitConversation } from './visit-conversation.js';
import { whereYouStand } from './where-you-stand.js';
import {
  AddStatementPage,
  conversationPath,
  VoteCard,
  VotePage,
  WhereYouStandPage,
} from './views/participant-pages.js';
import { pulseInvitation } from '../pulse/pulse-invitation.js';

type Params = {
  Params: { org: string; slug: string; conversationId: string };
  Querystring: { notice?: string };
};

const notices = ['statementWaiting', 'statementAdded'];

/** Participant pages of conversations: vote one statement at a time, add statements, see where you stand. */
export async function conversationPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;
  const limit = publicPostLimit(config.rateLimitPerMinute);
  // A vote is one click and people vote quickly (several a minute, many behind one library's network),
  // and each participant votes once per statement: votes get a higher limit per address than forms.
  const voteLimit = publicPostLimit(config.rateLimitPerMinute * 5);
  const url = '/o/:org/i/:slug/c/:conversationId';

  async function showVoting(
    req: FastifyRequest<Params>,
    reply: FastifyReply,
    fragment: boolean,
  ): Promise<FastifyReply> {
    const org = await getOrganizationBySlug(db, req.params.org);
    const visit = await visitConversation(
      db,
      org.id,
      req.params.slug,
      req.params.conversationId,
      participantIdFrom(req),
    );
    if (visit.kind === 'needs_consent') return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(req, reply);
    const base = conversationPath(org.slug, req.params.slug, visit.conversation.id);
    // Once every statement is voted on, the participant is invited to the experience pulse.
    const pulseHref =
      !visit.next && visit.voted > 0 && visit.conversation.status === 'open'
        ? await pulseInvitation(db, {
            organizationId: org.id,
            orgSlug: org.slug,
            initiativeId: visit.conversation.initiativeId,
            initiativeSlug: req.params.slug,
            kind: 'conversation',
            activityId: visit.conversation.id,
            participantId: participantIdFrom(req),
          })
        : null;
    const card = {
      ctx,
      base,
      conversation: visit.conversation,
      next: visit.next,
      voted: visit.voted,
      total: visit.statements,
      canSeeMap: visit.canSeeMap,
      pulseHref,
    };
    if (fragment) return sendPage(reply, VoteCard(card));
    const key = req.query.notice;
    const notice =
      typeof key === 'string' && notices.includes(key) ? ctx.t(`conversations:notices.${key}`) : undefined;
    return sendPage(reply, VotePage({ ...card, org, waiting: visit.waiting, notice }));
  }

  app.get<Params>(url, async (req, reply) => showVoting(req, reply, false));

  app.post<Params>(`${url}/vote`, { config: voteLimit }, async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const { conversation } = await db
      .transaction()
      .execute((trx) =>
        castVote(trx, org.id, req.params.slug, req.params.conversationId, participantIdFrom(req), req.body),
      );
    requestAnalysis(db, org.id, conversation.id);
    // With JavaScript the island asks for the next card alone; without, the browser follows the redirect.
    if (req.headers['x-fragment'] === 'card') return showVoting(req, reply, true);
    return reply.redirect(conversationPath(org.slug, req.params.slug, conversation.id), 303);
  });

  async function showAdd(
    req: FastifyRequest<Params>,
    reply: FastifyReply,
    form: FormState,
  ): Promise<FastifyReply> {
    const org = await getOrganizationBySlug(db, req.params.org);
    const access = await participantAccess(
      db,
      org.id,
      req.params.slug,
      req.params.conversationId,
      participantIdFrom(req),
    );
    if (!access.ok) return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
    if (access.conversation.status !== 'open') throw new AppError('conversation_closed');
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      AddStatementPage({
        ctx: pageContext(req, reply),
        org,
        base: conversationPath(org.slug, req.params.slug, access.conversation.id),
        conversation: access.conversation,
        form,
      }),
      Object.keys(form.errors).length > 0 ? 422 : 200,
    );
  }

  app.get<Params>(`${url}/statements/new`, async (req, reply) => showAdd(req, reply, emptyForm()));

  app.post<Params>(`${url}/statements`, { config: limit }, async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      const { conversation, statement } = await db.transaction().execute((trx) =>
        submitStatement(trx, org.id, req.params.slug, req.params.conversationId, participantIdFrom(req), {
          body: body.body,
        }),
      );
      const notice = statement.status === 'pending' ? 'statementWaiting' : 'statementAdded';
      return reply.redirect(
        `${conversationPath(org.slug, req.params.slug, conversation.id)}?notice=${notice}`,
        303,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return showAdd(req, reply, { values: { body: body.body }, errors: formErrors(error.fields, req.t) });
    }
  });

  app.get<Params>(`${url}/map`, async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const seen = await whereYouStand(
      db,
      db,
      org.id,
      req.params.slug,
      req.params.conversationId,
      participantIdFrom(req),
    );
    if (seen.kind === 'needs_consent') return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(req, reply);
    const base = conversationPath(org.slug, req.params.slug, seen.conversation.id);
    return sendPage(
      reply,
      seen.kind === 'vote_more'
        ? WhereYouStandPage({
            ctx,
            org,
            base,
            conversation: seen.conversation,
            voteMore: { voted: seen.voted, needed: seen.needed },
          })
        : WhereYouStandPage({
            ctx,
            org,
            base,
            conversation: seen.conversation,
            results: seen.results,
            you: seen.you,
          }),
    );
  });
}
