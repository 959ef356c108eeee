import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { listInitiativeParticipants } from '../participants/list-initiative-participants.js';
import { staffNames } from './interview-access.js';
import { peopleOf, type InterviewSummaryView } from './interview-view.js';
import { listInterviewRows } from './interviews.repository.js';
import { interviewRules } from './interviews.policy.js';

/** An initiative's interviews for staff, newest first, and what the reader may do with them. */
export async function listInterviews(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<{
  initiative: Initiative;
  interviews: InterviewSummaryView[];
  canRecord: boolean;
  canManage: boolean;
}> {
  authorize(actor, interviewRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const rows = await listInterviewRows(db, actor.organizationId, initiative.id);
  const names = {
    staff: await staffNames(db, actor),
    participants: new Map<string, string>(),
  };
  if (rows.some((r) => r.row.participant_id)) {
    const { participants } = await listInitiativeParticipants(db, actor, initiative.id);
    for (const p of participants) names.participants.set(p.id, p.pseudonym);
  }
  const writable = initiative.status !== 'archived';
  return {
    initiative,
    interviews: rows.map(({ row, notes, quotes, segments }) => ({
      id: row.id,
      initiativeId: row.initiative_id,
      method: row.method,
      heldOn: row.held_on,
      place: row.place,
      ...peopleOf({ interviewerId: row.interviewer_id, participantId: row.participant_id }, names),
      noteCount: notes,
      quoteCount: quotes,
      segmentCount: segments,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    })),
    canRecord: writable && can(actor, interviewRules.record),
    canManage: writable && can(actor, interviewRules.manage),
  };
}
