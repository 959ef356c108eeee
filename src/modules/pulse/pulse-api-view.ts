import { Type, type Static } from '@sinclair/typebox';
import type { PulseGroup, QuestionResult } from '../../analysis/pulse/index.js';
import type { Guarded } from '../../analysis/survey-results/index.js';
import type { PulseReportView } from './get-pulse-report.js';

// The report as the JSON API gives it. A suppressed group or question is `{suppressed: true, k}` and
// nothing else; the other fields appear only when shown. Inside a shown question, a hidden point is
// `null` and a mean hidden because of it is `{suppressed: true, k}`.

const Mean = Type.Object({
  mean: Type.Number(),
  n: Type.Integer(),
  ci95: Type.Union([Type.Object({ lower: Type.Number(), upper: Type.Number() }), Type.Null()]),
});

const QuestionView = Type.Object({
  suppressed: Type.Boolean(),
  k: Type.Integer(),
  respondents: Type.Optional(Type.Integer()),
  counts: Type.Optional(
    Type.Array(Type.Union([Type.Integer(), Type.Null()]), {
      description:
        'respondents per point, 1 to 5; null where fewer than k (or hidden so it cannot be worked out)',
    }),
  ),
  mean: Type.Optional(
    Type.Union([
      Mean,
      Type.Object(
        { suppressed: Type.Literal(true), k: Type.Integer() },
        { description: 'hidden because a point is hidden' },
      ),
      Type.Null(),
    ]),
  ),
});

const GroupView = Type.Object({
  suppressed: Type.Boolean(),
  k: Type.Integer(),
  respondents: Type.Optional(Type.Integer()),
  questions: Type.Optional(Type.Object({ heard: QuestionView, easy: QuestionView, again: QuestionView })),
  comments: Type.Optional(Type.Array(Type.String())),
});

/** The pulse report of an initiative in the API. */
export const PulseReportSchema = Type.Object({
  initiativeId: Type.String(),
  k: Type.Integer(),
  respondents: Type.Integer({
    description: 'all pulses of the initiative (a count only, never broken down)',
  }),
  overall: GroupView,
  byKind: Type.Array(Type.Object({ kind: Type.String(), group: GroupView })),
  byAttribute: Type.Array(
    Type.Object({
      attributeId: Type.String(),
      attributeKey: Type.String(),
      segments: Type.Array(
        Type.Object({
          key: Type.String({ description: 'category id, prefer_not_to_say or not_answered' }),
          group: GroupView,
        }),
      ),
    }),
  ),
});
export type PulseReportSchema = Static<typeof PulseReportSchema>;

function questionView(q: Guarded<QuestionResult>, k: number): Static<typeof QuestionView> {
  if (q.suppressed) return { suppressed: true, k: q.k };
  const mean = !q.mean
    ? null
    : q.mean.suppressed
      ? { suppressed: true as const, k: q.mean.k }
      : {
          mean: q.mean.mean,
          n: q.mean.n,
          ci95: q.mean.ci ? { lower: q.mean.ci.lower, upper: q.mean.ci.upper } : null,
        };
  return { suppressed: false, k, respondents: q.respondents, counts: [...q.counts], mean };
}

function groupView(g: PulseGroup, k: number): Static<typeof GroupView> {
  if (g.suppressed) return { suppressed: true, k: g.k };
  return {
    suppressed: false,
    k,
    respondents: g.respondents,
    questions: {
      heard: questionView(g.questions.heard, k),
      easy: questionView(g.questions.easy, k),
      again: questionView(g.questions.again, k),
    },
    comments: [...g.comments],
  };
}

/** Maps the report to its API shape. */
export function pulseReportView(view: PulseReportView): PulseReportSchema {
  const { report } = view;
  const k = report.k;
  return {
    initiativeId: view.initiative.id,
    k,
    respondents: report.respondents,
    overall: groupView(report.overall, k),
    byKind: report.byKind.map((r) => ({ kind: r.kind, group: groupView(r.group, k) })),
    byAttribute: report.byAttribute.map((a) => ({
      attributeId: a.attributeId,
      attributeKey: view.attributes.find((x) => x.id === a.attributeId)?.key ?? '',
      segments: a.segments.map((s) => ({ key: s.key, group: groupView(s.group, k) })),
    })),
  };
}
