import { Type, type Static } from '@sinclair/typebox';
import type { Prototype, PrototypeVersion } from './prototypes.table.js';

// The shape pages and the API see of prototypes: the record and its rounds, each marked open or
// closed at the moment of reading.

const FileView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
});

/** One version (feedback round) as shown. */
export const VersionView = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  body: Type.String(),
  questions: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })),
  closesAt: Type.String(),
  open: Type.Boolean({ description: 'whether the round still takes feedback' }),
  files: Type.Array(FileView),
  createdAt: Type.String(),
});
export type VersionView = Static<typeof VersionView>;

/** A prototype with every version, oldest first. */
export const PrototypeView = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  title: Type.String(),
  versions: Type.Array(VersionView),
  createdAt: Type.String(),
});
export type PrototypeView = Static<typeof PrototypeView>;

/** Feedback as staff see it (no names: who gave it is not shown). */
export const FeedbackView = Type.Object({
  id: Type.String(),
  versionId: Type.String(),
  works: Type.String(),
  doesNotWork: Type.String(),
  missing: Type.String(),
  rating: Type.Integer(),
  answers: Type.Record(Type.String(), Type.String()),
  createdAt: Type.String(),
});
export type FeedbackView = Static<typeof FeedbackView>;

/** A version as shown at `now`. */
export function toVersionView(v: PrototypeVersion, now: string): VersionView {
  return { ...v, open: now <= v.closesAt };
}

/** A prototype as shown at `now`. */
export function toPrototypeView(p: Prototype, now: string): PrototypeView {
  return {
    id: p.id,
    initiativeId: p.initiativeId,
    title: p.title,
    versions: p.versions.map((v) => toVersionView(v, now)),
    createdAt: p.createdAt,
  };
}
