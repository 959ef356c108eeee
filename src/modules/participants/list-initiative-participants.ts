import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { demographicAnswersOf } from './demographics.repository.js';
import { toMembershipView, toParticipantView, type InitiativeParticipantView } from './participant-view.js';
import { participantRules } from './participants.policy.js';
import { listMembersOfInitiative } from './participants.repository.js';

/**
 * An initiative's participants for staff: pseudonym, when they joined, the consent version and
 * demographics; contact details only for roles allowed to see them. Another organization's
 * initiative is not found.
 */
export async function listInitiativeParticipants(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<{ initiative: Initiative; showContact: boolean; participants: InitiativeParticipantView[] }> {
  authorize(actor, participantRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const members = await listMembersOfInitiative(db, actor.organizationId, initiative.id);
  const answers = await demographicAnswersOf(
    db,
    actor.organizationId,
    members.map((m) => m.participant.id),
  );
  const showContact = can(actor, participantRules.viewContact);
  return {
    initiative,
    showContact,
    participants: members.map(({ participant, membership }) => ({
      ...toParticipantView(participant, answers.get(participant.id) ?? [], showContact),
      membership: toMembershipView(membership),
    })),
  };
}
