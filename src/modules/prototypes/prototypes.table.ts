// Prototypes shared while unfinished. A prototype is a series of versions; each version is one
// feedback round (its text, files, questions and closing time). Feedback belongs to a version, so
// rounds can be compared side by side and nothing said about an earlier draft is lost.

/** A prototype: the thing being drafted. */
export interface PrototypesTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  title: string;
  created_by: string | null;
  created_at: string;
}

/** One version of a prototype: one feedback round. */
export interface PrototypeVersionsTable {
  id: string;
  organization_id: string;
  prototype_id: string;
  number: number;
  body: string;
  questions: string;
  closes_at: string;
  created_by: string | null;
  created_at: string;
}

/** A file (an image or a PDF) of a version, base64 encoded. */
export interface PrototypeFilesTable {
  id: string;
  organization_id: string;
  version_id: string;
  position: number;
  file_name: string;
  content_type: string;
  size: number;
  data: string;
}

/** One person's feedback on one version. */
export interface PrototypeFeedbackTable {
  id: string;
  organization_id: string;
  version_id: string;
  responder: string;
  participant_id: string | null;
  works: string;
  does_not_work: string;
  missing: string;
  rating: number;
  answers: string;
  created_at: string;
}

/** A question staff want feedback on. */
export interface Question {
  id: string;
  text: string;
}

/** A file as listed (without its bytes). */
export interface PrototypeFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** A version (feedback round) as the domain sees it. */
export interface PrototypeVersion {
  id: string;
  number: number;
  body: string;
  questions: Question[];
  closesAt: string;
  files: PrototypeFile[];
  createdAt: string;
}

/** A prototype with its versions, oldest first. */
export interface Prototype {
  id: string;
  organizationId: string;
  initiativeId: string;
  title: string;
  versions: PrototypeVersion[];
  createdAt: string;
}

/** One piece of feedback. */
export interface Feedback {
  id: string;
  versionId: string;
  works: string;
  doesNotWork: string;
  missing: string;
  rating: number;
  answers: Record<string, string>;
  createdAt: string;
}

/** Maps a version row and its files. */
export function toVersion(
  row: PrototypeVersionsTable,
  files: PrototypeFilesTable[] | PrototypeFile[],
): PrototypeVersion {
  return {
    id: row.id,
    number: Number(row.number),
    body: row.body,
    questions: JSON.parse(row.questions) as Question[],
    closesAt: row.closes_at,
    files: files.map((f) =>
      'file_name' in f
        ? { id: f.id, fileName: f.file_name, contentType: f.content_type, size: Number(f.size) }
        : f,
    ),
    createdAt: row.created_at,
  };
}

/** Maps a feedback row. */
export function toFeedback(row: PrototypeFeedbackTable): Feedback {
  return {
    id: row.id,
    versionId: row.version_id,
    works: row.works,
    doesNotWork: row.does_not_work,
    missing: row.missing,
    rating: Number(row.rating),
    answers: JSON.parse(row.answers) as Record<string, string>,
    createdAt: row.created_at,
  };
}
