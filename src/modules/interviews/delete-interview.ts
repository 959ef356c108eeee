import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { assertWritable, loadInterview } from './interview-access.js';
import { deleteInterviewRow } from './interviews.repository.js';
import { interviewRules } from './interviews.policy.js';

/** Deletes a recorded interview with its notes, quotes and transcript. */
export async function deleteInterview(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  interviewId: string,
): Promise<void> {
  authorize(actor, interviewRules.manage);
  const { initiative, interview } = await loadInterview(db, actor, initiativeId, interviewId);
  assertWritable(initiative);
  await deleteInterviewRow(db, actor.organizationId, interview.id);
  // The audit log keeps that it was deleted, never what it said.
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'interview.delete',
    subjectType: 'interview',
    subjectId: interview.id,
    details: { initiativeId: initiative.id, method: interview.method, heldOn: interview.heldOn },
  });
}
