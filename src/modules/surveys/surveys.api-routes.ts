import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { committerFor } from '../../platform/group-commit.js';
import { commonErrors, ProblemSchema } from '../../platform/http/api-schemas.js';
import { getSurveyOverview, listSurveys } from './get-survey.js';
import { getSurveyResults } from './get-survey-results.js';
import { SubmitResponseInput, submitResponse } from './submit-response.js';
import { surveyRules } from './surveys.policy.js';
import type { Survey, SurveyVersion } from './surveys.repository.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const tags = ['surveys'];
const nullableString = Type.Union([Type.String(), Type.Null()]);

const SurveyOut = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  titleEn: Type.String(),
  titleDa: Type.String(),
  status: Type.String(),
  layout: Type.String(),
  allowMultiple: Type.Boolean(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  publishedAt: nullableString,
  closedAt: nullableString,
});

function present(survey: Survey, version?: SurveyVersion) {
  return {
    id: survey.id,
    initiativeId: survey.initiativeId,
    titleEn: survey.titleEn,
    titleDa: survey.titleDa,
    status: survey.status,
    layout: survey.layout,
    allowMultiple: survey.allowMultiple,
    version: version?.version ?? null,
    publishedAt: survey.publishedAt,
    closedAt: survey.closedAt,
  };
}

/** JSON API for surveys: list, read the current version, submit a response, read suppressed results. */
export async function surveyApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;
  // Submissions arriving together share one commit (SQLite); each still succeeds or fails alone.
  const committer = committerFor(db, app.deps.engine);

  app.get(
    '/api/v1/initiatives/:id/surveys',
    {
      config: { rule: surveyRules.view },
      schema: {
        tags,
        summary: 'List the surveys of an initiative',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(SurveyOut) }), ...commonErrors },
      },
    },
    async (req) => ({ items: (await listSurveys(db, req.staff, req.params.id)).map((s) => present(s)) }),
  );

  app.get(
    '/api/v1/surveys/:id',
    {
      config: { rule: surveyRules.view },
      schema: {
        tags,
        summary: 'A survey and the questions of its current version',
        params: IdParams,
        response: {
          200: Type.Object({ survey: SurveyOut, definition: Type.Union([Type.Unknown(), Type.Null()]) }),
          ...commonErrors,
        },
      },
    },
    async (req) => {
      const { survey, current } = await getSurveyOverview(db, req.staff, req.params.id);
      return { survey: present(survey, current), definition: current?.definition ?? null };
    },
  );

  app.post(
    '/api/v1/surveys/:id/responses',
    {
      config: { rule: surveyRules.collect },
      schema: {
        tags,
        summary: 'Submit a complete, anonymous response (channel "api")',
        description:
          'Answers are checked against the current version; errors name the field `answers.<question id>`. Nothing is stored unless every answer is valid.',
        params: IdParams,
        body: SubmitResponseInput,
        response: {
          201: Type.Object({ id: Type.String(), version: Type.Integer() }),
          409: ProblemSchema,
          ...commonErrors,
        },
      },
    },
    async (req, reply) => {
      const created = await committer.run((trx) => submitResponse(trx, req.staff, req.params.id, req.body));
      return reply.status(201).send({ id: created.id, version: created.version });
    },
  );

  app.get(
    '/api/v1/surveys/:id/results',
    {
      config: { rule: surveyRules.view },
      schema: {
        tags,
        summary: 'Results with small-cell suppression (a suppressed cell is {"suppressed": true, "k": k})',
        params: IdParams,
        querystring: Type.Object({
          filter: Type.Optional(Type.String({ maxLength: 200, description: '<attribute id>:<category id>' })),
          breakdownBy: Type.Optional(Type.String({ maxLength: 64, description: 'attribute id' })),
          search: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: {
          200: Type.Object({
            surveyId: Type.String(),
            version: Type.Union([Type.Integer(), Type.Null()]),
            k: Type.Integer(),
            questions: Type.Array(
              Type.Object({
                id: Type.String(),
                code: Type.String(),
                kind: Type.String(),
                text: Type.Object({ en: Type.String(), da: Type.String() }),
                summary: Type.Unknown(),
                breakdown: Type.Unknown(),
                texts: Type.Unknown(),
              }),
            ),
          }),
          ...commonErrors,
        },
      },
    },
    async (req) => {
      const results = await getSurveyResults(db, req.staff, req.params.id, req.query);
      return {
        surveyId: results.survey.id,
        version: results.version?.version ?? null,
        k: results.k,
        questions: results.questions.map((r) => ({
          id: r.question.id,
          code: r.question.code,
          kind: r.question.kind,
          text: r.question.text,
          summary: r.summary,
          breakdown: r.breakdown ?? null,
          texts: r.texts ?? null,
        })),
      };
    },
  );
}
