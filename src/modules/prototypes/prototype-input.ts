import { Type, type Static } from '@sinclair/typebox';
import type { FieldError } from '../../platform/errors.js';

/** Most questions one round asks, and most files one version carries. */
export const MAX_QUESTIONS = 10;
export const MAX_FILES = 5;
/** Largest file of a version: a photo of a paper prototype, or a PDF mock-up. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const round = {
  body: Type.String({
    minLength: 1,
    maxLength: 20_000,
    description: 'the draft: what it is and how it works',
  }),
  questions: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), {
    minItems: 1,
    maxItems: MAX_QUESTIONS,
    description: 'what staff want feedback on',
  }),
  closesOn: Type.String({ format: 'date', description: 'the last day of the feedback round (UTC)' }),
};

/** A new prototype with its first version. */
export const PrototypeInput = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 200 }), ...round },
  { additionalProperties: false },
);
export type PrototypeInput = Static<typeof PrototypeInput>;

/** A new version: a new feedback round of the same prototype. */
export const VersionInput = Type.Object(round, { additionalProperties: false });
export type VersionInput = Static<typeof VersionInput>;

/** Structured feedback on a version, with answers to its questions by question id. */
export const FeedbackInput = Type.Object(
  {
    works: Type.String({ maxLength: 2000, default: '' }),
    doesNotWork: Type.String({ maxLength: 2000, default: '' }),
    missing: Type.String({ maxLength: 2000, default: '' }),
    rating: Type.Integer({ minimum: 1, maximum: 5, description: '1 (poor) to 5 (very good)' }),
    answers: Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 2000 }), { default: {} }),
  },
  { additionalProperties: false },
);
export type FeedbackInput = Static<typeof FeedbackInput>;

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
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** The type of a prototype file (images or PDF), recognised by its first bytes, or undefined. */
export function fileTypeOf(bytes: Buffer): string | undefined {
  return SIGNATURES.find((s) => s.test(bytes))?.type;
}

/** Problems with the files of a version: too many, too large, or of a type not accepted. */
export function fileErrors(files: { bytes: Buffer; truncated?: boolean }[]): FieldError[] {
  if (files.length > MAX_FILES) return [{ field: 'files', code: 'tooMany', params: { max: MAX_FILES } }];
  for (const f of files) {
    if (f.truncated || f.bytes.length > MAX_FILE_BYTES)
      return [
        { field: 'files', code: 'prototypes.fileTooLarge', params: { max: MAX_FILE_BYTES / 1024 / 1024 } },
      ];
    if (!fileTypeOf(f.bytes)) return [{ field: 'files', code: 'prototypes.fileType' }];
  }
  return [];
}

/** The end of the round's last day, UTC. */
export function closingMoment(closesOn: string): string {
  return `${closesOn}T23:59:59.999Z`;
}
