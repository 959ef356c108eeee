import { Type, type Static } from '@sinclair/typebox';
import { decisions, methods } from './experiments.table.js';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Ids = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50, default: [] });

/** An experiment as planned: "we believe that … for … will result in …", measure, method, dates, links. */
export const ExperimentInput = Type.Object(
  {
    title: Text(200),
    weBelieve: Type.String({ minLength: 1, maxLength: 1000, description: 'we believe that …' }),
    forWhom: Type.String({ minLength: 1, maxLength: 500, description: 'for …' }),
    willResultIn: Type.String({ minLength: 1, maxLength: 1000, description: 'will result in …' }),
    measure: Text(1000),
    successCriterion: Text(1000),
    method: literals(methods),
    pilotSite: Type.String({ maxLength: 200, default: '' }),
    startsOn: Type.String({ format: 'date' }),
    endsOn: Type.String({ format: 'date' }),
    departmentId: Type.Optional(Type.String({ maxLength: 64 })),
    ideaIds: Ids,
    prototypeIds: Ids,
  },
  { additionalProperties: false },
);
export type ExperimentInput = Static<typeof ExperimentInput>;

/** What the test with users showed: how many took part, who, the results and what was learned. */
export const ResultsInput = Type.Object(
  {
    usersTested: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    userSegments: Type.String({ maxLength: 1000, default: '' }),
    results: Type.String({ maxLength: 10_000, default: '' }),
    learnings: Type.String({ maxLength: 10_000, default: '' }),
  },
  { additionalProperties: false },
);

/** The decision gate. */
export const DecisionInput = Type.Object(
  { decision: literals(decisions), reason: Type.String({ maxLength: 2000, default: '' }) },
  { additionalProperties: false },
);
