import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { formToInput, hasForbiddenCharacters } from '../../platform/validation.js';
import { formErrors, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getRepresentativeness } from './get-representativeness.js';
import { importMargins } from './import-margins.js';
import { recruitMissing } from './recruit-missing.js';
import { representativenessRules } from './representativeness.policy.js';
import { saveTargetPopulation } from './save-target-population.js';
import { RepresentativenessPage } from './views/representativeness-page.js';

type Params = { Params: { id: string }; Querystring: Record<string, unknown> };
type AttributeParams = { Params: { id: string; attributeId: string } };

function text(value: unknown, max = 200): string {
  // Control characters never belong in these fields (and NUL cannot reach PostgreSQL).
  return typeof value === 'string' && !hasForbiddenCharacters(value) ? value.trim().slice(0, max) : '';
}

/** Staff pages of representativeness: the live "who is missing" view and the target population forms. */
export async function representativenessRoutes(app: FastifyInstance): Promise<void> {
  const { db, config, i18n } = app.deps;

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    initiativeId: string,
    options: {
      surveyId?: string;
      threshold?: string;
      forms?: Record<string, FormState>;
      importForm?: FormState;
      notice?: string;
    },
    status = 200,
  ): Promise<FastifyReply> {
    const threshold = Number(options.threshold);
    const view = await getRepresentativeness(db, req.staff, initiativeId, {
      surveyId: options.surveyId || undefined,
      thresholdPoints: options.threshold && Number.isFinite(threshold) ? threshold : undefined,
    });
    const forms: Record<string, FormState> = {};
    for (const attribute of view.attributes) {
      const population = view.populations.find((p) => p.attributeId === attribute.id);
      forms[attribute.id] = options.forms?.[attribute.id] ?? {
        values: population
          ? {
              source: population.source,
              asOf: population.asOf ?? '',
              ...Object.fromEntries(
                attribute.categories.map((c) => [
                  `share_${c.id}`,
                  String(Math.round((population.shares[c.id] ?? 0) * 100000) / 1000),
                ]),
              ),
              ...Object.fromEntries(
                Object.entries(population.quotas).map(([c, q]) => [`quota_${c}`, String(q)]),
              ),
            }
          : {},
        errors: {},
      };
    }
    return sendPage(
      reply,
      RepresentativenessPage({
        ctx: pageContext(req, reply),
        view,
        forms,
        importForm: options.importForm ?? { values: {}, errors: {} },
        canManage: can(req.staff, representativenessRules.manage),
        notice: options.notice,
      }),
      status,
    );
  }

  app.get<Params>('/staff/initiatives/:id/representativeness', async (req, reply) => {
    const notice = text(req.query.notice);
    try {
      return await show(req, reply, req.params.id, {
        surveyId: text(req.query.survey, 64),
        threshold: text(req.query.threshold, 10),
        notice: ['saved', 'imported', 'invited'].includes(notice)
          ? req.t(`representativeness:notices.${notice}`, { count: Number(text(req.query.count, 6)) || 0 })
          : undefined,
      });
    } catch (error) {
      // A stale survey link: show the participants instead of failing.
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return show(req, reply, req.params.id, {}, 422);
    }
  });

  app.post<AttributeParams>('/staff/initiatives/:id/population/:attributeId', async (req, reply) => {
    try {
      await db
        .transaction()
        .execute((trx) =>
          saveTargetPopulation(trx, req.staff, req.params.id, req.params.attributeId, req.body),
        );
      return reply.redirect(
        `/staff/initiatives/${req.params.id}/representativeness?notice=saved#a-${req.params.attributeId}`,
        303,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      const form = { values: formToInput(req.body), errors: formErrors(error.fields, req.t) };
      return show(req, reply, req.params.id, { forms: { [req.params.attributeId]: form } }, 422);
    }
  });

  app.post<{ Params: { id: string } }>('/staff/initiatives/:id/recruit', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const input = {
      surveyId: text(body.surveyId, 64),
      attributeId: text(body.attributeId, 64),
      categoryId: text(body.categoryId, 64),
    };
    try {
      const invited = await db.transaction().execute((trx) =>
        recruitMissing(trx, req.staff, req.params.id, input, {
          publicUrl: config.publicUrl,
          translatorFor: (locale) => i18n.getFixedT(locale),
        }),
      );
      return reply.redirect(
        `/staff/initiatives/${req.params.id}/representativeness?survey=${encodeURIComponent(input.surveyId)}&notice=invited&count=${invited}`,
        303,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return show(
        req,
        reply,
        req.params.id,
        {
          surveyId: input.surveyId,
          notice: formErrors(error.fields, req.t).categoryId ?? formErrors(error.fields, req.t).surveyId,
        },
        422,
      );
    }
  });

  app.post<{ Params: { id: string } }>('/staff/initiatives/:id/population/import', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      await db.transaction().execute((trx) =>
        importMargins(trx, req.staff, req.params.id, {
          csv: typeof body.csv === 'string' ? body.csv.slice(0, 200_000) : '',
          source: text(body.source, 301),
          asOf: text(body.asOf, 20) || null,
        }),
      );
      return reply.redirect(`/staff/initiatives/${req.params.id}/representativeness?notice=imported`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      const importForm = { values: formToInput(req.body), errors: formErrors(error.fields, req.t) };
      return show(req, reply, req.params.id, { importForm }, 422);
    }
  });
}
