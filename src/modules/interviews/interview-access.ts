import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { StaffActor } from '../../platform/actor.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { getParticipant } from '../participants/get-participant.js';
import { listTeam } from '../staff/list-team.js';
import { findInterview } from './interviews.repository.js';
import type { Interview } from './interviews.table.js';
import type { Names } from './interview-view.js';

// Shared steps of the interview use cases (not use cases themselves).

/** An archived initiative is read-only: nothing is recorded, changed or deleted in it. */
export function assertWritable(initiative: Initiative): void {
  if (initiative.status === 'archived')
    throw new AppError('invalid_transition', {
      params: { from: ['initiatives:status.archived'], to: ['interviews:transition.changed'] },
    });
}

/** The initiative and one of its interviews; either unknown (or another organization's) is not found. */
export async function loadInterview(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  interviewId: string,
): Promise<{ initiative: Initiative; interview: Interview }> {
  const initiative = await getInitiative(db, actor, initiativeId);
  const interview = await findInterview(db, actor.organizationId, initiative.id, interviewId);
  if (!interview) throw notFound();
  return { initiative, interview };
}

/** The organization's staff names, through the staff module's use case. */
export async function staffNames(db: Db, actor: StaffActor): Promise<Map<string, string>> {
  const team = await listTeam(db, actor);
  return new Map(team.members.map((m) => [m.id, m.name]));
}

/** Names for one interview's people. */
export async function namesFor(db: Db, actor: StaffActor, interview: Interview): Promise<Names> {
  const participants = new Map<string, string>();
  if (interview.participantId) {
    try {
      const p = await getParticipant(db, actor, interview.participantId);
      participants.set(p.id, p.pseudonym);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    }
  }
  return { staff: await staffNames(db, actor), participants };
}
