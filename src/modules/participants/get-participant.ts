import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { demographicAnswersOf } from './demographics.repository.js';
import { toMembershipView, toParticipantView, type ParticipantDetailView } from './participant-view.js';
import { participantRules } from './participants.policy.js';
import { findParticipant, listMembershipsOfParticipant } from './participants.repository.js';

/** One participant of the actor's organization for staff; another organization's id is not found. */
export async function getParticipant(
  db: Db,
  actor: StaffActor | undefined,
  participantId: string,
): Promise<ParticipantDetailView> {
  authorize(actor, participantRules.view);
  const participant = await findParticipant(db, actor.organizationId, participantId);
  if (!participant) throw notFound();
  const [answers, memberships] = await Promise.all([
    demographicAnswersOf(db, actor.organizationId, [participant.id]),
    listMembershipsOfParticipant(db, actor.organizationId, participant.id),
  ]);
  return {
    ...toParticipantView(
      participant,
      answers.get(participant.id) ?? [],
      can(actor, participantRules.viewContact),
    ),
    memberships: memberships.map(toMembershipView),
  };
}
