import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { errorDetail } from '../../platform/problem.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, formErrors, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { getOrganization } from '../organizations/get-organization.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import { labelIn } from '../participants/participants.table.js';
import { createSurvey, updateSurveySettings } from './create-survey.js';
import {
  addQuestion,
  deleteQuestion,
  deleteSection,
  moveQuestion,
  saveSection,
  updateQuestion,
} from './edit-survey-questions.js';
import { getSurveyOverview, listSurveys } from './get-survey.js';
import { getSurveyResults } from './get-survey-results.js';
import { ResultsPage } from './views/results-page.js';
import { closeSurvey, publishSurvey } from './publish-survey.js';
import { allQuestions } from './survey-definition.js';
import { surveyRules } from './surveys.policy.js';
import { BuilderPage, EditQuestionPage, NewSurveyPage, settingsValues } from './views/builder-page.js';
import { questionFormValues } from './views/question-form.js';
import { SurveyPage } from './views/respond-pages.js';
import { SurveyListPage } from './views/survey-list-page.js';

type IdParams = { Params: { id: string }; Querystring: { notice?: string } };
type QuestionParams = { Params: { id: string; questionId: string } };

const NOTICES = [
  'created',
  'saved',
  'published',
  'closed',
  'questionAdded',
  'questionSaved',
  'questionDeleted',
  'sectionAdded',
];

/** Staff pages of surveys: list, builder, question editing, preview, publish and close. */
export async function surveyStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  async function attributesFor(req: FastifyRequest) {
    const attributes = await listDemographicAttributes(db, req.staff!.organizationId);
    return attributes.map((a) => ({ id: a.id, label: labelIn(a, req.locale) }));
  }

  async function showBuilder(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    forms: { settings?: FormState; question?: FormState; section?: FormState; problem?: string } = {},
    status = 200,
  ): Promise<FastifyReply> {
    const overview = await getSurveyOverview(db, req.staff, id);
    const org = await getOrganization(db, overview.survey.organizationId);
    const ctx = pageContext(req, reply);
    const noticeKey = (req.query as Record<string, unknown>).notice;
    const notice =
      typeof noticeKey === 'string' && NOTICES.includes(noticeKey)
        ? ctx.t(`surveys:notices.${noticeKey}`)
        : undefined;
    const { survey, current } = overview;
    return sendPage(
      reply,
      BuilderPage({
        ctx,
        survey,
        state: {
          initiative: overview.initiative,
          orgSlug: org.slug,
          current,
          currentResponses: overview.currentResponses,
          attributes: await attributesFor(req),
          canManage: can(req.staff, surveyRules.manage),
          canExport: can(req.staff, surveyRules.rawData),
          notice,
          problem: forms.problem,
          settingsForm: forms.settings ?? emptyForm(settingsValues(survey)),
          questionForm: forms.question ?? emptyForm({ kind: 'single_choice' }),
          sectionForm: forms.section ?? emptyForm(),
          unpublishedChanges:
            !current ||
            JSON.stringify(current.definition.sections.map((s) => s.questions)) !==
              JSON.stringify(
                survey.draft.sections.filter((s) => s.questions.length > 0).map((s) => s.questions),
              ),
        },
      }),
      status,
    );
  }

  const validationFailed = (error: unknown): error is AppError =>
    error instanceof AppError && error.code === 'validation_failed';

  app.get<IdParams>('/staff/initiatives/:id/surveys', async (req, reply) => {
    const initiative = await getInitiative(db, req.staff, req.params.id);
    const surveys = await listSurveys(db, req.staff, initiative.id);
    return sendPage(
      reply,
      SurveyListPage({
        ctx: pageContext(req, reply),
        initiative,
        surveys,
        canManage: can(req.staff, surveyRules.manage),
      }),
    );
  });

  app.get<IdParams>('/staff/initiatives/:id/surveys/new', async (req, reply) => {
    const initiative = await getInitiative(db, req.staff, req.params.id);
    if (!can(req.staff, surveyRules.manage)) throw new AppError('forbidden');
    return sendPage(
      reply,
      NewSurveyPage({
        ctx: pageContext(req, reply),
        initiative,
        form: emptyForm({ layout: 'all_on_one_page' }),
      }),
    );
  });

  app.post<IdParams>('/staff/initiatives/:id/surveys', async (req, reply) => {
    try {
      const survey = await db
        .transaction()
        .execute((trx) => createSurvey(trx, req.staff, req.params.id, formToInput(req.body)));
      return reply.redirect(`/staff/surveys/${survey.id}?notice=created`, 303);
    } catch (error) {
      if (!validationFailed(error)) throw error;
      const initiative = await getInitiative(db, req.staff, req.params.id);
      return sendPage(
        reply,
        NewSurveyPage({
          ctx: pageContext(req, reply),
          initiative,
          form: { values: formToInput(req.body), errors: formErrors(error.fields, req.t) },
        }),
        422,
      );
    }
  });

  app.get<IdParams>('/staff/surveys/:id', async (req, reply) => showBuilder(req, reply, req.params.id));

  app.post<IdParams>('/staff/surveys/:id/settings', async (req, reply) => {
    try {
      await db
        .transaction()
        .execute((trx) => updateSurveySettings(trx, req.staff, req.params.id, formToInput(req.body)));
      return reply.redirect(`/staff/surveys/${req.params.id}?notice=saved`, 303);
    } catch (error) {
      if (!validationFailed(error)) throw error;
      const settings = { values: formToInput(req.body), errors: formErrors(error.fields, req.t) };
      return showBuilder(req, reply, req.params.id, { settings }, 422);
    }
  });

  app.post<IdParams>('/staff/surveys/:id/questions', async (req, reply) => {
    try {
      await db
        .transaction()
        .execute((trx) => addQuestion(trx, req.staff, req.params.id, formToInput(req.body)));
      return reply.redirect(`/staff/surveys/${req.params.id}?notice=questionAdded#add-question`, 303);
    } catch (error) {
      if (!validationFailed(error)) throw error;
      const question = { values: formToInput(req.body), errors: formErrors(error.fields, req.t) };
      return showBuilder(req, reply, req.params.id, { question }, 422);
    }
  });

  app.post<IdParams>('/staff/surveys/:id/sections', async (req, reply) => {
    try {
      await db
        .transaction()
        .execute((trx) => saveSection(trx, req.staff, req.params.id, undefined, formToInput(req.body)));
      return reply.redirect(`/staff/surveys/${req.params.id}?notice=sectionAdded`, 303);
    } catch (error) {
      if (!validationFailed(error)) throw error;
      const section = { values: formToInput(req.body), errors: formErrors(error.fields, req.t) };
      return showBuilder(req, reply, req.params.id, { section }, 422);
    }
  });

  app.post<{ Params: { id: string; sectionId: string } }>(
    '/staff/surveys/:id/sections/:sectionId',
    async (req, reply) => {
      try {
        await db
          .transaction()
          .execute((trx) =>
            saveSection(trx, req.staff, req.params.id, req.params.sectionId, formToInput(req.body)),
          );
        return reply.redirect(`/staff/surveys/${req.params.id}?notice=saved`, 303);
      } catch (error) {
        if (!validationFailed(error)) throw error;
        return showBuilder(
          req,
          reply,
          req.params.id,
          { problem: Object.values(formErrors(error.fields, req.t)).join(' ') },
          422,
        );
      }
    },
  );

  app.post<{ Params: { id: string; sectionId: string } }>(
    '/staff/surveys/:id/sections/:sectionId/delete',
    async (req, reply) => {
      try {
        await db
          .transaction()
          .execute((trx) => deleteSection(trx, req.staff, req.params.id, req.params.sectionId));
        return reply.redirect(`/staff/surveys/${req.params.id}?notice=saved`, 303);
      } catch (error) {
        if (!validationFailed(error)) throw error;
        return showBuilder(
          req,
          reply,
          req.params.id,
          { problem: formErrors(error.fields, req.t).section },
          422,
        );
      }
    },
  );

  async function showQuestion(
    req: FastifyRequest<QuestionParams>,
    reply: FastifyReply,
    form: FormState | undefined,
    status = 200,
  ): Promise<FastifyReply> {
    const overview = await getSurveyOverview(db, req.staff, req.params.id);
    if (!can(req.staff, surveyRules.manage)) throw new AppError('forbidden');
    const question = allQuestions(overview.survey.draft).find((q) => q.id === req.params.questionId);
    if (!question) throw new AppError('not_found');
    return sendPage(
      reply,
      EditQuestionPage({
        ctx: pageContext(req, reply),
        survey: overview.survey,
        questionId: question.id,
        code: question.code,
        form: form ?? emptyForm(questionFormValues(question)),
        attributes: await attributesFor(req),
      }),
      status,
    );
  }

  app.get<QuestionParams>('/staff/surveys/:id/questions/:questionId', async (req, reply) =>
    showQuestion(req, reply, undefined),
  );

  app.post<QuestionParams>('/staff/surveys/:id/questions/:questionId', async (req, reply) => {
    try {
      await db
        .transaction()
        .execute((trx) =>
          updateQuestion(trx, req.staff, req.params.id, req.params.questionId, formToInput(req.body)),
        );
      return reply.redirect(`/staff/surveys/${req.params.id}?notice=questionSaved`, 303);
    } catch (error) {
      if (!validationFailed(error)) throw error;
      return showQuestion(
        req,
        reply,
        { values: formToInput(req.body), errors: formErrors(error.fields, req.t) },
        422,
      );
    }
  });

  app.post<QuestionParams>('/staff/surveys/:id/questions/:questionId/delete', async (req, reply) => {
    try {
      await db
        .transaction()
        .execute((trx) => deleteQuestion(trx, req.staff, req.params.id, req.params.questionId));
      return reply.redirect(`/staff/surveys/${req.params.id}?notice=questionDeleted`, 303);
    } catch (error) {
      if (!validationFailed(error)) throw error;
      return showBuilder(
        req,
        reply,
        req.params.id,
        { problem: formErrors(error.fields, req.t).question },
        422,
      );
    }
  });

  app.post<QuestionParams>('/staff/surveys/:id/questions/:questionId/move', async (req, reply) => {
    const direction = (req.body as Record<string, unknown> | undefined)?.direction;
    if (direction !== 'up' && direction !== 'down')
      throw new AppError('validation_failed', { fields: [{ field: 'direction', code: 'invalidChoice' }] });
    try {
      await db
        .transaction()
        .execute((trx) => moveQuestion(trx, req.staff, req.params.id, req.params.questionId, direction));
      return reply.redirect(`/staff/surveys/${req.params.id}?notice=saved`, 303);
    } catch (error) {
      if (!validationFailed(error)) throw error;
      return showBuilder(
        req,
        reply,
        req.params.id,
        { problem: formErrors(error.fields, req.t).question },
        422,
      );
    }
  });

  app.post<IdParams>('/staff/surveys/:id/publish', async (req, reply) => {
    try {
      await db.transaction().execute((trx) => publishSurvey(trx, req.staff, req.params.id));
      return reply.redirect(`/staff/surveys/${req.params.id}?notice=published`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || !['validation_failed', 'initiative_not_open'].includes(error.code))
        throw error;
      const messages =
        error.code === 'validation_failed'
          ? [...new Set(Object.values(formErrors(error.fields, req.t)))].join(' ')
          : errorDetail(error, req.t);
      return showBuilder(req, reply, req.params.id, { problem: messages }, error.status);
    }
  });

  app.post<IdParams>('/staff/surveys/:id/close', async (req, reply) => {
    try {
      await db.transaction().execute((trx) => closeSurvey(trx, req.staff, req.params.id));
      return reply.redirect(`/staff/surveys/${req.params.id}?notice=closed`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid_transition') throw error;
      return showBuilder(req, reply, req.params.id, { problem: errorDetail(error, req.t) }, error.status);
    }
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/staff/surveys/:id/results',
    async (req, reply) => {
      const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : '');
      const query = {
        filter: text(req.query.filter),
        breakdownBy: text(req.query.breakdownBy),
        search: text(req.query.search),
        weighted: req.query.weighted === '1',
      };
      let results;
      let error: string | undefined;
      try {
        results = await getSurveyResults(db, req.staff, req.params.id, query);
      } catch (e) {
        if (!validationFailed(e)) throw e;
        // An unknown filter or attribute (a stale link): show everyone, and say so.
        error = req.t('surveys:results.unknownSegmentChoice');
        results = await getSurveyResults(db, req.staff, req.params.id, {
          search: query.search,
          weighted: query.weighted,
        });
      }
      return sendPage(
        reply,
        ResultsPage({
          ctx: pageContext(req, reply),
          results,
          query,
          canExport: can(req.staff, surveyRules.rawData),
          error,
        }),
        error ? 422 : 200,
      );
    },
  );

  app.get<IdParams>('/staff/surveys/:id/preview', async (req, reply) => {
    const overview = await getSurveyOverview(db, req.staff, req.params.id);
    const org = await getOrganization(db, overview.survey.organizationId);
    const definition = overview.survey.draft;
    return sendPage(
      reply,
      SurveyPage({
        ctx: pageContext(req, reply),
        org,
        survey: { ...overview.survey, layout: 'all_on_one_page' },
        definition,
        questions: allQuestions(definition),
        answers: {},
        page: 0,
        pageCount: 1,
        action: '',
        form: emptyForm(),
        preview: true,
      }),
    );
  });
}
