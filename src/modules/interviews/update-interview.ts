import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { parseInput } from '../../platform/validation.js';
import { assertWritable, loadInterview } from './interview-access.js';
import { inputOf, InterviewPatch, validateInterview } from './interview-input.js';
import { findInterview, updateInterviewRow } from './interviews.repository.js';
import { interviewRules } from './interviews.policy.js';
import type { Interview } from './interviews.table.js';
import { rowFields, writePieces } from './write-interview.js';

/**
 * Changes a recorded interview. `partial` (API PATCH) merges the given fields onto the record and
 * keeps the transcript unless one is given; otherwise the input is the whole record (the edit
 * form). Note items, quotes and transcript segments that are kept keep their ids, so whatever
 * analysis has tagged stays attached.
 */
export async function updateInterview(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  interviewId: string,
  raw: unknown,
  options: { partial?: boolean } = {},
): Promise<Interview> {
  authorize(actor, interviewRules.manage);
  const { initiative, interview } = await loadInterview(db, actor, initiativeId, interviewId);
  assertWritable(initiative);
  let merged = raw;
  if (options.partial) {
    const patch = parseInput(InterviewPatch, raw);
    const keep = interview.transcript
      ? { content: interview.transcript.source, format: interview.transcript.format }
      : null;
    merged = { ...inputOf(interview), transcript: keep, ...patch };
  }
  const input = await validateInterview(db, actor, initiative, merged, interview);
  await updateInterviewRow(
    db,
    actor.organizationId,
    interview.id,
    rowFields(input, interview.transcript),
    nowIso(),
  );
  await writePieces(db, actor.organizationId, interview.id, input);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'interview.update',
    subjectType: 'interview',
    subjectId: interview.id,
    details: { initiativeId: initiative.id },
  });
  return (await findInterview(db, actor.organizationId, initiative.id, interview.id))!;
}
