import { Type, type Static } from '@sinclair/typebox';
import { deciders, inputKinds, statuses } from './decisions.table.js';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

/** A decision as recorded or edited by staff. */
export const DecisionInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    rationale: Type.String({ maxLength: 5000, default: '' }),
    decidedBy: literals(deciders),
    decidedOn: Type.String({ format: 'date' }),
    status: literals(statuses),
    notAdoptedReason: Type.String({ maxLength: 2000, default: '' }),
    topic: Type.String({ maxLength: 100, default: '' }),
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionInput>;

/** One input to link to a decision. */
export const LinkInput = Type.Object(
  { inputKind: literals(inputKinds), inputId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type LinkInput = Static<typeof LinkInput>;

/** A search across an initiative's input: words to look for, optionally one kind only. */
export const InputSearch = Type.Object(
  {
    q: Type.String({ maxLength: 200, default: '' }),
    kind: Type.Optional(literals(inputKinds)),
  },
  { additionalProperties: false },
);
export type InputSearch = Static<typeof InputSearch>;
