import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { fieldMessage } from '../../platform/field-messages.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, formErrors, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { decisionRules } from './decisions.policy.js';
import { inputKinds } from './decisions.table.js';
import { linkInput, unlinkInput } from './link-input.js';
import { getDecision, listDecisions } from './list-decisions.js';
import { markInputReviewed, unmarkInputReviewed } from './mark-input-reviewed.js';
import { editDecision, recordDecision } from './record-decision.js';
import { searchInputs } from './search-inputs.js';
import { showDecision } from './show-decision.js';
import { DecisionFormPage, DecisionListPage, DecisionPage } from './views/decision-pages.js';
import { LinkingPage } from './views/linking-page.js';
import { decisionPath, linkingPath } from './views/parts.js';

type Notice = { notice?: string };
type ListParams = { Params: { id: string }; Querystring: Notice };
type OneParams = { Params: { id: string; decisionId: string }; Querystring: Notice };
type LinkingParams = {
  Params: { id: string; decisionId: string };
  Querystring: Notice & { q?: unknown; kind?: unknown };
};
type LinkParams = { Params: { id: string; decisionId: string; linkId: string } };

const NOTICES = ['recorded', 'edited', 'linked', 'unlinked', 'reviewed', 'unreviewed'];
const isCode = (error: unknown, codes: string[]): error is AppError =>
  error instanceof AppError && codes.includes(error.code);

/** The search a form sends back (`q`, `within`), kept only when it is a plausible search. */
function searchOf(input: Record<string, unknown>): { q?: string; kind?: string } {
  const q = typeof input.q === 'string' ? input.q.slice(0, 200) : undefined;
  const within = input.within;
  const kind =
    typeof within === 'string' && (inputKinds as readonly string[]).includes(within) ? within : undefined;
  return { ...(q ? { q } : {}), ...(kind ? { kind } : {}) };
}

/** Only the fields that name an input (the rest of a row form is where to go back to). */
const inputRef = (input: Record<string, unknown>) => ({ inputKind: input.inputKind, inputId: input.inputId });

/** Staff pages of decisions: the list, recording and editing, one decision with its input, and the linking screen. */
export async function decisionStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const noticeOf = (req: FastifyRequest<{ Querystring: Notice }>) => {
    const key = req.query.notice ?? '';
    return NOTICES.includes(key) ? req.t(`decisions:notices.${key}`) : undefined;
  };
  /** The message of a refused action, in the reader's language. */
  const problemOf = (req: FastifyRequest, error: AppError) =>
    error.code === 'validation_failed' && error.fields.length > 0
      ? error.fields.map((f) => fieldMessage(req.t, f)).join(' ')
      : req.t(`errors:${error.code}.detail`);

  app.get<ListParams>(
    '/staff/initiatives/:id/decisions',
    { config: { rule: decisionRules.view } },
    async (req, reply) => {
      const found = await listDecisions(db, req.staff, req.params.id);
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        DecisionListPage({ ctx: pageContext(req, reply), ...found, notice: noticeOf(req) }),
      );
    },
  );

  async function showNew(req: FastifyRequest<ListParams>, reply: FastifyReply, form: FormState) {
    const initiative = await getInitiative(db, req.staff, req.params.id);
    reply.header('cache-control', 'no-store');
    const status = Object.keys(form.errors).length > 0 ? 422 : 200;
    return sendPage(reply, DecisionFormPage({ ctx: pageContext(req, reply), initiative, form }), status);
  }

  app.get<ListParams>(
    '/staff/initiatives/:id/decisions/new',
    { config: { rule: decisionRules.manage } },
    (req, reply) =>
      showNew(
        req,
        reply,
        emptyForm({ decidedOn: new Date().toISOString().slice(0, 10), status: 'under_consideration' }),
      ),
  );

  app.post<ListParams>(
    '/staff/initiatives/:id/decisions',
    { config: { rule: decisionRules.manage } },
    async (req, reply) => {
      const input = formToInput(req.body);
      try {
        const decision = await db
          .transaction()
          .execute((trx) => recordDecision(trx, req.staff, req.params.id, input));
        return reply.redirect(`${decisionPath(decision.initiativeId, decision.id)}?notice=recorded`, 303);
      } catch (error) {
        if (!isCode(error, ['validation_failed'])) throw error;
        return showNew(req, reply, { values: input, errors: formErrors(error.fields, req.t) });
      }
    },
  );

  async function showDecisionPage(req: FastifyRequest<OneParams>, reply: FastifyReply, problem?: AppError) {
    const found = await showDecision(db, req.staff, req.params.id, req.params.decisionId);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      DecisionPage({
        ctx: pageContext(req, reply),
        ...found,
        notice: noticeOf(req),
        problem: problem ? problemOf(req, problem) : undefined,
      }),
      problem?.status ?? 200,
    );
  }

  app.get<OneParams>(
    '/staff/initiatives/:id/decisions/:decisionId',
    { config: { rule: decisionRules.view } },
    (req, reply) => showDecisionPage(req, reply),
  );

  async function showEdit(req: FastifyRequest<OneParams>, reply: FastifyReply, form?: FormState) {
    const { initiative, decision } = await getDecision(db, req.staff, req.params.id, req.params.decisionId);
    reply.header('cache-control', 'no-store');
    const shown = form ?? emptyForm({ ...decision });
    const status = Object.keys(shown.errors).length > 0 ? 422 : 200;
    return sendPage(
      reply,
      DecisionFormPage({ ctx: pageContext(req, reply), initiative, decision, form: shown }),
      status,
    );
  }

  app.get<OneParams>(
    '/staff/initiatives/:id/decisions/:decisionId/edit',
    { config: { rule: decisionRules.manage } },
    (req, reply) => showEdit(req, reply),
  );

  app.post<OneParams>(
    '/staff/initiatives/:id/decisions/:decisionId/edit',
    { config: { rule: decisionRules.manage } },
    async (req, reply) => {
      const input = formToInput(req.body);
      try {
        const decision = await db
          .transaction()
          .execute((trx) => editDecision(trx, req.staff, req.params.id, req.params.decisionId, input));
        return reply.redirect(`${decisionPath(decision.initiativeId, decision.id)}?notice=edited`, 303);
      } catch (error) {
        if (!isCode(error, ['validation_failed'])) throw error;
        return showEdit(req, reply, { values: input, errors: formErrors(error.fields, req.t) });
      }
    },
  );

  async function showLinking(
    req: FastifyRequest<LinkingParams>,
    reply: FastifyReply,
    search: { q?: unknown; kind?: unknown },
    problem?: AppError,
  ) {
    const { initiative, decision } = await getDecision(db, req.staff, req.params.id, req.params.decisionId);
    const raw = {
      ...(typeof search.q === 'string' && search.q !== '' ? { q: search.q } : {}),
      ...(typeof search.kind === 'string' && search.kind !== '' ? { kind: search.kind } : {}),
    };
    let found;
    try {
      found = await searchInputs(db, req.staff, initiative.id, raw);
    } catch (error) {
      // A malformed search (unknown kind, control characters) shows the newest input and says why.
      if (!isCode(error, ['validation_failed'])) throw error;
      problem ??= error;
      found = await searchInputs(db, req.staff, initiative.id, {});
    }
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      LinkingPage({
        ctx: pageContext(req, reply),
        initiative,
        decision,
        search: found.search,
        kinds: found.kinds,
        hits: found.hits,
        canManage: found.canManage,
        notice: noticeOf(req),
        problem: problem ? problemOf(req, problem) : undefined,
      }),
      problem?.status ?? 200,
    );
  }

  app.get<LinkingParams>(
    '/staff/initiatives/:id/decisions/:decisionId/link',
    { config: { rule: decisionRules.view } },
    (req, reply) => showLinking(req, reply, req.query),
  );

  app.post<LinkingParams>(
    '/staff/initiatives/:id/decisions/:decisionId/links',
    { config: { rule: decisionRules.manage } },
    async (req, reply) => {
      const input = formToInput(req.body);
      const search = searchOf(input);
      try {
        await db
          .transaction()
          .execute((trx) => linkInput(trx, req.staff, req.params.id, req.params.decisionId, inputRef(input)));
        return reply.redirect(
          linkingPath(req.params.id, req.params.decisionId, { ...search, notice: 'linked' }),
          303,
        );
      } catch (error) {
        if (!isCode(error, ['validation_failed', 'already_linked'])) throw error;
        return showLinking(req, reply, search, error);
      }
    },
  );

  app.post<LinkParams>(
    '/staff/initiatives/:id/decisions/:decisionId/links/:linkId/delete',
    { config: { rule: decisionRules.manage } },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) =>
          unlinkInput(trx, req.staff, req.params.id, req.params.decisionId, req.params.linkId),
        );
      return reply.redirect(`${decisionPath(req.params.id, req.params.decisionId)}?notice=unlinked`, 303);
    },
  );

  app.post<LinkingParams>(
    '/staff/initiatives/:id/decisions/:decisionId/review',
    { config: { rule: decisionRules.manage } },
    async (req, reply) => {
      const input = formToInput(req.body);
      const search = searchOf(input);
      const unmark = input.reviewed === 'no';
      // The decision must be one of the initiative's, as on every page under it.
      await getDecision(db, req.staff, req.params.id, req.params.decisionId);
      try {
        await db.transaction().execute(async (trx) => {
          if (unmark) await unmarkInputReviewed(trx, req.staff, req.params.id, inputRef(input));
          else await markInputReviewed(trx, req.staff, req.params.id, inputRef(input));
        });
      } catch (error) {
        if (!isCode(error, ['validation_failed'])) throw error;
        return showLinking(req, reply, search, error);
      }
      const notice = unmark ? 'unreviewed' : 'reviewed';
      return reply.redirect(
        input.from === 'link'
          ? linkingPath(req.params.id, req.params.decisionId, { ...search, notice })
          : `${decisionPath(req.params.id, req.params.decisionId)}?notice=${notice}`,
        303,
      );
    },
  );
}
