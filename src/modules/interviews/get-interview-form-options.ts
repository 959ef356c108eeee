import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { listInitiativeParticipants } from '../participants/list-initiative-participants.js';
import { listTeam } from '../staff/list-team.js';
import { assertWritable } from './interview-access.js';
import { interviewRules } from './interviews.policy.js';

/** What the interview form offers: active colleagues as interviewers, consenting participants. */
export interface InterviewFormOptions {
  initiative: Initiative;
  staff: { id: string; name: string }[];
  /** Only participants who accepted the initiative's current consent (and were not erased). */
  participants: { id: string; pseudonym: string }[];
}

/** The choices of the interview form of an initiative (refused for archived initiatives). */
export async function getInterviewFormOptions(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<InterviewFormOptions> {
  authorize(actor, interviewRules.record);
  const initiative = await getInitiative(db, actor, initiativeId);
  // The form is for writing; an archived initiative says so before anyone types.
  assertWritable(initiative);
  const [team, list] = [
    await listTeam(db, actor),
    await listInitiativeParticipants(db, actor, initiative.id),
  ];
  return {
    initiative,
    staff: team.members.filter((m) => m.status === 'active').map((m) => ({ id: m.id, name: m.name })),
    participants: list.participants
      .filter((p) => !p.erased && p.membership.consentVersion === p.membership.currentConsentVersion)
      .map((p) => ({ id: p.id, pseudonym: p.pseudonym })),
  };
}
