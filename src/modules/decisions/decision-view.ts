import { Type, type Static } from '@sinclair/typebox';
import { deciders, inputKinds, statuses } from './decisions.table.js';
import type { InputHit } from './search-inputs.js';
import type { LinkedInput } from './show-decision.js';

// What the JSON API answers about decisions, links and input (the OpenAPI document shows these).

/** One of a list of strings, typed as that union. */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });

/** A decision. */
export const DecisionView = Type.Object(
  {
    id: Type.String(),
    initiativeId: Type.String(),
    title: Type.String(),
    rationale: Type.String(),
    decidedBy: Type.String({ enum: [...deciders] }),
    decidedOn: Type.String({ format: 'date' }),
    status: oneOf(statuses),
    notAdoptedReason: Type.String({
      description: 'Shown publicly; set only when `status` is `not_adopted`.',
    }),
    topic: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { description: 'A decision' },
);

/** A decision in a list, with how many inputs it links. */
export const DecisionSummaryView = Type.Intersect([DecisionView, Type.Object({ linkCount: Type.Integer() })]);

/** A piece of input of any kind, as its module's input source describes it. */
export const InputView = Type.Object(
  {
    kind: oneOf(inputKinds),
    id: Type.String(),
    initiativeId: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    label: Type.String(),
    text: Type.String(),
    href: Type.String({ description: 'The staff page that shows it; empty when there is none.' }),
  },
  { description: 'A piece of input' },
);
export type InputView = Static<typeof InputView>;

/** A link of a decision to an input, with the input (null when it is no longer available). */
export const LinkView = Type.Object(
  {
    id: Type.String(),
    decisionId: Type.String(),
    inputKind: oneOf(inputKinds),
    inputId: Type.String(),
    linkedAt: Type.String({ format: 'date-time' }),
    reviewedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    input: Type.Union([InputView, Type.Null()]),
  },
  { description: 'A link of a decision to an input' },
);
export type LinkView = Static<typeof LinkView>;

/** A search hit: the input, when it was marked reviewed, and the decisions that link it. */
export const InputHitView = Type.Object({
  input: InputView,
  reviewedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  linkedTo: Type.Array(
    Type.Object({ linkId: Type.String(), decisionId: Type.String(), title: Type.String() }),
  ),
});

/** The input as the API shows it: the contributor's id stays inside (staff see people on their own pages). */
export function inputView(item: {
  kind: InputView['kind'];
  id: string;
  initiativeId: string;
  createdAt: string;
  label: string;
  text: string;
  href: string;
}): InputView {
  const { kind, id, initiativeId, createdAt, label, text, href } = item;
  return { kind, id, initiativeId, createdAt, label, text, href };
}

/** A linked input as the API shows it. */
export function linkView({ link, input, reviewedAt }: LinkedInput): LinkView {
  return { ...link, reviewedAt, input: input ? inputView(input) : null };
}

/** A search hit as the API shows it. */
export function hitView(hit: InputHit): Static<typeof InputHitView> {
  return { input: inputView(hit.item), reviewedAt: hit.reviewedAt, linkedTo: hit.linkedTo };
}
