import { Type, type Static } from '@sinclair/typebox';
import { ideaStatuses } from './ideas.table.js';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

/** Longest texts an idea holds. */
export const LIMITS = { title: 200, description: 5000, problem: 2000, comment: 2000, reason: 1000 } as const;

/** An idea as posted: title, description and the problem or need it addresses; the image comes apart. */
export const IdeaInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: LIMITS.title }),
    description: Type.String({ minLength: 1, maxLength: LIMITS.description }),
    problem: Type.String({ minLength: 1, maxLength: LIMITS.problem }),
    imageAlt: Type.Optional(Type.String({ maxLength: 300, description: 'what the image shows' })),
  },
  { additionalProperties: false },
);
export type IdeaInput = Static<typeof IdeaInput>;

/** A comment. */
export const CommentInput = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: LIMITS.comment }) },
  { additionalProperties: false },
);

/** A move to another status; a reason is shown publicly and required for "not adopted". */
export const StatusInput = Type.Object(
  {
    status: literals(ideaStatuses),
    reason: Type.String({ maxLength: LIMITS.reason, default: '' }),
  },
  { additionalProperties: false },
);
export type StatusInput = Static<typeof StatusInput>;

/** Which idea a duplicate is merged into. */
export const MergeInput = Type.Object(
  { targetId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

/** Why an idea or comment is hidden (shown to its author). */
export const HideInput = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: LIMITS.reason }) },
  { additionalProperties: false },
);

/** Images accepted, recognised by their first bytes rather than by what the browser claims. */
const SIGNATURES: { type: string; test: (b: Buffer) => boolean }[] = [
  {
    type: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    type: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** Largest image accepted: plenty for a photo of a sketch, small enough for old phones. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** The image type of some bytes, or undefined when they are not an accepted image. */
export function imageTypeOf(bytes: Buffer): string | undefined {
  return SIGNATURES.find((s) => s.test(bytes))?.type;
}
