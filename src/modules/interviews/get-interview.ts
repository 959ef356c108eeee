import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { loadInterview, namesFor } from './interview-access.js';
import { toInterviewView, type InterviewView } from './interview-view.js';
import { interviewRules } from './interviews.policy.js';
import type { Interview } from './interviews.table.js';

/** One interview of an initiative for staff, with names; another organization's is not found. */
export async function getInterview(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  interviewId: string,
): Promise<{ initiative: Initiative; interview: Interview; view: InterviewView; canManage: boolean }> {
  authorize(actor, interviewRules.view);
  const { initiative, interview } = await loadInterview(db, actor, initiativeId, interviewId);
  const view = toInterviewView(interview, await namesFor(db, actor, interview));
  return { initiative, interview, view, canManage: can(actor, interviewRules.manage) };
}
