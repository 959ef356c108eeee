import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { assertWritable } from './interview-access.js';
import { validateInterview } from './interview-input.js';
import { findInterview, insertInterview } from './interviews.repository.js';
import { interviewRules } from './interviews.policy.js';
import type { Interview } from './interviews.table.js';
import { rowFields, writePieces } from './write-interview.js';

/**
 * Records an interview, observation, focus group or workshop note in an initiative: with a
 * consenting participant or anonymous, structured notes, key quotes and an imported transcript.
 * Archived initiatives are read-only.
 */
export async function createInterview(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
): Promise<Interview> {
  authorize(actor, interviewRules.record);
  const initiative = await getInitiative(db, actor, initiativeId);
  assertWritable(initiative);
  const input = await validateInterview(db, actor, initiative, raw);
  const id = await insertInterview(db, actor.organizationId, initiative.id, rowFields(input), {
    createdBy: actor.staffId,
    now: nowIso(),
  });
  await writePieces(db, actor.organizationId, id, input);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'interview.create',
    subjectType: 'interview',
    subjectId: id,
    details: { initiativeId: initiative.id, method: input.fields.method },
  });
  return (await findInterview(db, actor.organizationId, initiative.id, id))!;
}
