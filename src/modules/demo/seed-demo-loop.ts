import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { inputSourceOf } from '../decisions/input-sources.js';
import { linkInput } from '../decisions/link-input.js';
import { markInputReviewed } from '../decisions/mark-input-reviewed.js';
import { recordDecision } from '../decisions/record-decision.js';
import { postStaffIdea } from '../ideas/post-idea.js';

/**
 * Closes the loop in the demo: two ideas on the board, three decisions traced to the survey's free
 * text, the ideas and the conversation's statements (one adopted, one in pilot, one not adopted
 * with its public reason), and a few inputs marked reviewed, so "you said, we did", the influence
 * figures and the linking screen have something to show. Through the real use cases.
 */
export async function seedDemoLoop(db: Db, facilitator: StaffActor, initiativeId: string): Promise<void> {
  const thursdays = await postStaffIdea(db, facilitator, initiativeId, {
    title: 'Open until eight on Thursdays',
    description: 'Several people at the desk asked for one late evening a week.',
    problem: 'People who work during the day cannot reach the library before it closes.',
  });
  const cafe = await postStaffIdea(db, facilitator, initiativeId, {
    title: 'A small café in the reading room',
    description: 'Coffee and a place to sit and talk, run by a local association.',
    problem: 'The library feels like a place to fetch books, not a place to stay.',
  });
  const org = facilitator.organizationId;
  const responses = await inputSourceOf('survey_response')!.search(db, org, initiativeId, '', 8);
  const statements = await inputSourceOf('conversation_statement')!.search(db, org, initiativeId, '', 4);

  const later = await recordDecision(db, facilitator, initiativeId, {
    title: 'Open until 20:00 on Thursdays from March 2027',
    rationale: 'The survey and the idea board both asked for an evening; Thursday had the most support.',
    decidedBy: 'management',
    decidedOn: '2026-11-20',
    status: 'adopted',
    topic: 'Opening hours',
  });
  const link = (decisionId: string, inputKind: string, inputId: string) =>
    linkInput(db, facilitator, initiativeId, decisionId, { inputKind, inputId });
  await link(later.id, 'idea', thursdays.id);
  for (const r of responses.slice(0, 5)) await link(later.id, 'survey_response', r.id);

  const pilot = await recordDecision(db, facilitator, initiativeId, {
    title: 'Ask young people what a youth corner should hold',
    rationale: 'The conversation showed a group of young people who feel the library is not for them.',
    decidedBy: 'staff',
    decidedOn: '2026-11-22',
    status: 'in_pilot',
    topic: 'Spaces',
  });
  for (const s of statements) await link(pilot.id, 'conversation_statement', s.id);

  const noCafe = await recordDecision(db, facilitator, initiativeId, {
    title: 'A café in the reading room',
    rationale: 'We looked into it with the association that offered to run it.',
    decidedBy: 'council',
    decidedOn: '2026-11-23',
    status: 'not_adopted',
    notAdoptedReason:
      'The building has no water supply in the reading room, and the fire rules do not allow a kitchen there. We will lend the hall to the association on Saturdays instead.',
    topic: 'Spaces',
  });
  await link(noCafe.id, 'idea', cafe.id);
  for (const r of responses.slice(5))
    await markInputReviewed(db, facilitator, initiativeId, { inputKind: 'survey_response', inputId: r.id });
}
