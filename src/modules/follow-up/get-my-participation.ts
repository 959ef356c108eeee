import type { Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import { listLinkFactsOfParticipant, markLinksTold } from '../decisions/loop-facts.js';
import { findCurrentParticipant } from '../participants/find-current-participant.js';
import type { Participant } from '../participants/participants.table.js';
import { contributionsOfParticipant, isNews, type InitiativeContributions } from './contributions.js';
import { findUnsubscribedAt } from './follow-up.repository.js';

/** "My participation": what the participant contributed, what became of it, and their mail choice. */
export interface MyParticipation {
  participant: Participant;
  initiatives: InitiativeContributions[];
  /** How many decisions about their input are new since they last looked (or were mailed). */
  newCount: number;
  mail: {
    /** They gave an address and agreed to follow-up (changed on "My data"). */
    possible: boolean;
    unsubscribed: boolean;
  };
}

/**
 * The participant's contributions across every kind of input, grouped by initiative, each with the
 * decisions it shaped. Showing a decision here tells the participant about it: its links are
 * marked told (so the digest mail does not repeat it), in the caller's transaction. Null for nobody.
 */
export async function getMyParticipation(
  db: Db,
  organizationId: string,
  participantId: string | undefined,
  now: Date = new Date(),
): Promise<MyParticipation | null> {
  const participant = await findCurrentParticipant(db, organizationId, participantId);
  if (!participant) return null;
  const facts = await listLinkFactsOfParticipant(db, organizationId, participant.id);
  const initiatives = await contributionsOfParticipant(db, organizationId, participant.id, facts);
  const shown = new Set(
    initiatives.flatMap((g) => g.contributions.flatMap((c) => c.outcomes.map((o) => o.linkId))),
  );
  const told = facts.filter((f) => isNews(f) && shown.has(f.linkId)).map((f) => f.linkId);
  await markLinksTold(db, organizationId, told, nowIso(now));
  return {
    participant,
    initiatives,
    newCount: told.length,
    mail: {
      possible: participant.followUp && participant.email !== null,
      unsubscribed: (await findUnsubscribedAt(db, organizationId, participant.id)) !== null,
    },
  };
}
