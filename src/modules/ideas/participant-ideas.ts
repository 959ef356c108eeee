import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { listContributionsOfParticipant, unlinkParticipantContributions } from './ideas.repository.js';

// The participant's side of idea boards, called by the participants module's "My data" use cases
// (which have already established who the participant is).

/** A participant's ideas, comments and supports, as their data export carries them. */
export interface MyIdeaContributions {
  ideas: {
    id: string;
    initiativeId: string;
    title: string;
    description: string;
    problem: string;
    status: string;
    hiddenReason: string | null;
    createdAt: string;
  }[];
  comments: {
    id: string;
    ideaId: string;
    ideaTitle: string;
    body: string;
    hiddenReason: string | null;
    createdAt: string;
  }[];
  supports: { ideaId: string; ideaTitle: string; createdAt: string }[];
}

/** Everything a participant contributed to idea boards of an organization, oldest first. */
export async function listMyIdeaContributions(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<MyIdeaContributions> {
  const found = await listContributionsOfParticipant(db, organizationId, participantId);
  return {
    ideas: found.ideas.map((i) => ({
      id: i.id,
      initiativeId: i.initiative_id,
      title: i.title,
      description: i.description,
      problem: i.problem,
      status: i.status,
      hiddenReason: i.hidden_reason,
      createdAt: i.created_at,
    })),
    comments: found.comments.map((c) => ({
      id: c.id,
      ideaId: c.idea_id,
      ideaTitle: c.idea_title,
      body: c.body,
      hiddenReason: c.hidden_reason,
      createdAt: c.created_at,
    })),
    supports: found.supports.map((s) => ({
      ideaId: s.idea_id,
      ideaTitle: s.idea_title,
      createdAt: s.created_at,
    })),
  };
}

/**
 * Unlinks an erased participant from their ideas, comments and supports: the texts stay as
 * anonymous input and supports still count, connected to nobody. Part of erasure, in its transaction.
 */
export async function unlinkMyIdeaContributions(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  const unlinked = await unlinkParticipantContributions(db, organizationId, participantId);
  if (unlinked > 0)
    await recordAudit(db, {
      organizationId,
      staffId: null,
      action: 'idea.participant_unlinked',
      subjectType: 'participant',
      subjectId: participantId,
      details: { rows: unlinked },
    });
}
