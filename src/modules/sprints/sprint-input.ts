import { Type, type Static } from '@sinclair/typebox';
import { externalKinds, itemKinds, memberRoles, stages, warningCodes } from './sprints.table.js';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const Id = Type.String({ minLength: 1, maxLength: 64 });

/** A sprint: the challenge, what is in and out of scope, the timebox. */
export const SprintInput = Type.Object(
  {
    challenge: Type.String({ minLength: 1, maxLength: 2000, description: 'the delimited challenge' }),
    inScope: Type.String({ minLength: 1, maxLength: 2000 }),
    outOfScope: Type.String({ minLength: 1, maxLength: 2000 }),
    startsOn: Type.String({ format: 'date' }),
    endsOn: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export type SprintInput = Static<typeof SprintInput>;

/**
 * A team member: staff roles name a colleague (`staffId`) and optionally a department (default:
 * theirs); a user or an external stakeholder has a name, an external stakeholder also a kind.
 */
export const MemberInput = Type.Object(
  {
    role: literals(memberRoles),
    staffId: Type.Optional(Id),
    departmentId: Type.Optional(Id),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    externalKind: Type.Optional(literals(externalKinds)),
  },
  { additionalProperties: false },
);
export type MemberInput = Static<typeof MemberInput>;

/** An idea, prototype or experiment placed on the board at a stage. */
export const ItemInput = Type.Object(
  { kind: literals(itemKinds), itemId: Id, stage: literals(stages) },
  { additionalProperties: false },
);

/** The sprint's current stage. */
export const StageInput = Type.Object({ stage: literals(stages) }, { additionalProperties: false });

/** A composition warning consciously dismissed. */
export const DismissInput = Type.Object({ warning: literals(warningCodes) }, { additionalProperties: false });
