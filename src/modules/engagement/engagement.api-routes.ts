import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors } from '../../platform/http/api-schemas.js';
import { engagementRules } from './engagement.policy.js';
import { getCampaign, listCampaigns, type CampaignSummary } from './get-campaign.js';
import { getSegments } from './get-segments.js';

const tags = ['engagement'];
const Count = Type.Object({ recipients: Type.Integer(), cameBack: Type.Integer() });

const SegmentsView = Type.Object({
  lapsedAfterDays: Type.Integer({ description: 'Days without activity after which someone has lapsed (N).' }),
  activeWindowDays: Type.Integer({ description: 'Activity within this many days makes someone active.' }),
  total: Type.Integer({ description: 'Participants judged (erased ones are in no segment).' }),
  at: Type.String({ format: 'date-time' }),
  counts: Type.Object({
    active: Type.Integer(),
    quiet: Type.Integer({ description: 'Only when N > 90: no longer active, not yet lapsed.' }),
    lapsed: Type.Integer(),
    never_active: Type.Integer(),
  }),
});

const CampaignView = Type.Object({
  id: Type.String(),
  subject: Type.Object({ en: Type.String(), da: Type.String() }),
  message: Type.Object({ en: Type.String(), da: Type.String() }),
  lapsedAfterDays: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  report: Type.Union([
    Type.Object({
      recipients: Type.Integer(),
      cameBack: Type.Integer({
        description: 'Recipients with any activity after the send and within 30 days.',
      }),
      erased: Type.Integer({ description: 'Recipients who erased their data since (not followed).' }),
      windowOpen: Type.Boolean(),
      byLanguage: Type.Record(Type.String(), Count),
      bySegment: Type.Record(Type.String(), Count),
    }),
    Type.Null(),
  ]),
});

function toView({ campaign: c, report }: CampaignSummary) {
  return {
    id: c.id,
    subject: { en: c.subjectEn, da: c.subjectDa },
    message: { en: c.bodyEn, da: c.bodyDa },
    lapsedAfterDays: c.lapsedAfterDays,
    createdAt: c.createdAt,
    sentAt: c.sentAt,
    report: report
      ? {
          recipients: report.total.recipients,
          cameBack: report.total.cameBack,
          erased: report.erased,
          windowOpen: report.windowOpen,
          byLanguage: report.byLocale,
          bySegment: report.bySegment,
        }
      : null,
  };
}

/** JSON API for engagement segments and campaign reports (Bearer tokens; the pages' use cases and rules). */
export async function engagementApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    '/api/v1/engagement/segments',
    {
      config: { rule: engagementRules.view },
      schema: {
        tags,
        summary: 'How many participants are active, quiet, lapsed or never active',
        description:
          'Activity is the latest contribution of any kind (or joining an initiative, for someone who contributed before). Active: under min(90, N) days ago; lapsed: N days ago or more; quiet: in between when N > 90; never active: registered but never contributed. Erased participants are in no segment.',
        response: { 200: SegmentsView, ...commonErrors },
      },
    },
    async (req) => ({ ...(await getSegments(db, req.staff)), activeWindowDays: 90 }),
  );

  app.get(
    '/api/v1/engagement/campaigns',
    {
      config: { rule: engagementRules.view },
      schema: {
        tags,
        summary: '"We miss you" campaigns, newest first, with how many recipients came back',
        response: { 200: Type.Object({ items: Type.Array(CampaignView) }), ...commonErrors },
      },
    },
    async (req) => ({ items: (await listCampaigns(db, req.staff)).map(toView) }),
  );

  app.get(
    '/api/v1/engagement/campaigns/:id',
    {
      config: { rule: engagementRules.view },
      schema: {
        tags,
        summary: 'One campaign with its report by language and segment',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: CampaignView, ...commonErrors },
      },
    },
    async (req) => toView(await getCampaign(db, req.staff, req.params.id)),
  );
}
