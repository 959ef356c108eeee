import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { publicPostLimit } from '../../platform/http/security.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { eraseMyData } from './erase-my-data.js';
import { exportMyData } from './export-my-data.js';
import { answersAsForm, failedForm, nestPrefixed, noticeText } from './form-input.js';
import { getMyData } from './get-my-data.js';
import { getMyDemographics } from './get-my-demographics.js';
import { joinInitiative } from './join-initiative.js';
import { clearParticipantCookie, participantIdFrom, setParticipantCookie } from './participant-cookie.js';
import type { Participant } from './participants.table.js';
import { joinPagePath, myDataPath } from './paths.js';
import { requireCurrentConsent } from './require-current-consent.js';
import { saveMyDemographics } from './save-my-demographics.js';
import { updateMyDetails } from './update-my-details.js';
import { JoinPage, type JoinState } from './views/join-page.js';
import { MyDataPage } from './views/my-data-page.js';
import { MyDemographicsPage } from './views/my-demographics-page.js';

type OrgParams = { Params: { org: string }; Querystring: { notice?: string } };
type JoinParams = { Params: { org: string; slug: string }; Querystring: { notice?: string } };

const JOIN_NOTICES = ['joined', 'already_joined', 'consent_renewed'] as const;
const ME_NOTICES = ['detailsSaved', 'demographicsSaved', 'erased'] as const;

function detailsValues(p: Participant): Record<string, unknown> {
  return {
    email: p.email ?? '',
    followUp: p.followUp,
    quoteConsent: p.quoteConsent,
    locale: p.locale,
    accessibilityNeeds: p.accessibilityNeeds,
  };
}

/** Personal pages must not linger in shared caches or the back-forward cache of a library PC. */
function privatePage(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

/** Participant pages: joining with consent, "My data", demographics, download and erasure. */
export async function participantPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;
  const limit = publicPostLimit(config.rateLimitPerMinute);

  async function renderJoin(
    req: FastifyRequest<JoinParams>,
    reply: FastifyReply,
    form: FormState,
    status: number,
  ): Promise<FastifyReply> {
    const org = await getOrganizationBySlug(db, req.params.org);
    const check = await requireCurrentConsent(db, org.id, req.params.slug, participantIdFrom(req));
    const state: JoinState = check.ok
      ? { kind: 'member', pseudonym: check.participant.pseudonym }
      : check.reason === 'consent_outdated'
        ? { kind: 'outdated' }
        : check.participant
          ? { kind: 'known' }
          : { kind: 'newcomer' };
    privatePage(reply);
    return sendPage(
      reply,
      JoinPage({
        ctx: pageContext(req, reply),
        org,
        initiative: check.initiative,
        state,
        form,
        notice: noticeText(req.t, req.query.notice, JOIN_NOTICES),
      }),
      status,
    );
  }

  app.get<JoinParams>('/o/:org/i/:slug/join', async (req, reply) =>
    renderJoin(req, reply, emptyForm({ locale: req.locale }), 200),
  );

  app.post<JoinParams>('/o/:org/i/:slug/join', { config: limit }, async (req, reply) => {
    const input = formToInput(req.body);
    const org = await getOrganizationBySlug(db, req.params.org);
    try {
      const result = await db
        .transaction()
        .execute(async (trx) =>
          joinInitiative(trx, org.id, req.params.slug, participantIdFrom(req), input, req.locale),
        );
      setParticipantCookie(reply, config, org.slug, result.participant.id);
      return reply.redirect(`${joinPagePath(org.slug, req.params.slug)}?notice=${result.outcome}`, 303);
    } catch (error) {
      return renderJoin(req, reply, failedForm(error, input, req), 422);
    }
  });

  async function renderMe(
    req: FastifyRequest<OrgParams>,
    reply: FastifyReply,
    forms: { details?: FormState; erase?: FormState },
    status: number,
  ): Promise<FastifyReply> {
    const org = await getOrganizationBySlug(db, req.params.org);
    const data = await getMyData(db, org.id, participantIdFrom(req), req.locale);
    privatePage(reply);
    return sendPage(
      reply,
      MyDataPage({
        ctx: pageContext(req, reply),
        org,
        data,
        detailsForm: forms.details ?? emptyForm(data ? detailsValues(data.participant) : {}),
        eraseForm: forms.erase ?? emptyForm(),
        notice: noticeText(req.t, req.query.notice, ME_NOTICES),
      }),
      status,
    );
  }

  app.get<OrgParams>('/o/:org/me', async (req, reply) => renderMe(req, reply, {}, 200));

  app.post<OrgParams>('/o/:org/me', { config: limit }, async (req, reply) => {
    const input = formToInput(req.body);
    const org = await getOrganizationBySlug(db, req.params.org);
    try {
      await db
        .transaction()
        .execute(async (trx) => updateMyDetails(trx, org.id, participantIdFrom(req), input));
    } catch (error) {
      return renderMe(req, reply, { details: failedForm(error, input, req) }, 422);
    }
    return reply.redirect(`${myDataPath(org.slug)}?notice=detailsSaved`, 303);
  });

  app.get<OrgParams>('/o/:org/me/data.json', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const data = await exportMyData(db, org, participantIdFrom(req));
    if (!data) throw new AppError('not_found');
    privatePage(reply);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="my-data-${org.slug}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  app.post<OrgParams>('/o/:org/me/erase', { config: limit }, async (req, reply) => {
    const input = formToInput(req.body);
    const org = await getOrganizationBySlug(db, req.params.org);
    try {
      await db.transaction().execute(async (trx) => eraseMyData(trx, org.id, participantIdFrom(req), input));
    } catch (error) {
      return renderMe(req, reply, { erase: failedForm(error, input, req) }, 422);
    }
    clearParticipantCookie(reply, config, org.slug);
    return reply.redirect(`${myDataPath(org.slug)}?notice=erased`, 303);
  });

  async function renderDemographics(
    req: FastifyRequest<OrgParams>,
    reply: FastifyReply,
    form: FormState | undefined,
    status: number,
  ): Promise<FastifyReply> {
    const org = await getOrganizationBySlug(db, req.params.org);
    const mine = await getMyDemographics(db, org.id, participantIdFrom(req));
    // Without a participant there is nothing to answer for; "My data" explains that.
    if (!mine) return reply.redirect(myDataPath(org.slug), 303);
    privatePage(reply);
    return sendPage(
      reply,
      MyDemographicsPage({
        ctx: pageContext(req, reply),
        org,
        attributes: mine.attributes,
        form: form ?? emptyForm(answersAsForm(mine.answers, 'answers')),
      }),
      status,
    );
  }

  app.get<OrgParams>('/o/:org/me/demographics', async (req, reply) =>
    renderDemographics(req, reply, undefined, 200),
  );

  app.post<OrgParams>('/o/:org/me/demographics', { config: limit }, async (req, reply) => {
    const input = formToInput(req.body);
    const org = await getOrganizationBySlug(db, req.params.org);
    try {
      await db
        .transaction()
        .execute(async (trx) =>
          saveMyDemographics(trx, org.id, participantIdFrom(req), nestPrefixed(input, 'answers')),
        );
    } catch (error) {
      return renderDemographics(req, reply, failedForm(error, input, req), 422);
    }
    return reply.redirect(`${myDataPath(org.slug)}?notice=demographicsSaved`, 303);
  });
}
