import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { listFeedbackOfParticipant, unlinkFeedback } from './prototypes.repository.js';

// The participant's side of prototypes, called by the participants module's "My data" use cases.

/** Feedback a participant gave on prototypes, as their data export carries it. */
export interface MyPrototypeFeedback {
  prototype: string;
  version: number;
  works: string;
  doesNotWork: string;
  missing: string;
  rating: number;
  answers: Record<string, string>;
  createdAt: string;
}

/** The feedback a participant gave in an organization, oldest first. */
export async function listMyPrototypeFeedback(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<MyPrototypeFeedback[]> {
  const rows = await listFeedbackOfParticipant(db, organizationId, participantId);
  return rows.map((r) => ({
    prototype: r.prototype_title,
    version: Number(r.version_number),
    works: r.works,
    doesNotWork: r.does_not_work,
    missing: r.missing,
    rating: Number(r.rating),
    answers: JSON.parse(r.answers) as Record<string, string>,
    createdAt: r.created_at,
  }));
}

/** Unlinks an erased participant from their feedback, which stays as anonymous input. */
export async function unlinkMyPrototypeFeedback(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  const n = await unlinkFeedback(db, organizationId, participantId);
  if (n > 0)
    await recordAudit(db, {
      organizationId,
      staffId: null,
      action: 'prototype.participant_unlinked',
      subjectType: 'participant',
      subjectId: participantId,
      details: { feedback: n },
    });
}
