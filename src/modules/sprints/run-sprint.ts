import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { invalid } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { unknownIdeaIds } from '../ideas/check-idea-ids.js';
import { prototypeTitles } from '../prototypes/guest-feedback.js';
import { experimentTitles } from '../experiments/experiment-titles.js';
import { loadSprint } from './sprint-access.js';
import { DismissInput, ItemInput, StageInput } from './sprint-input.js';
import { logActivity, placeItem, updateSprint } from './sprints.repository.js';
import { sprintRules } from './sprints.policy.js';

/**
 * Places an idea, prototype or experiment of the sprint's initiative on its board at a stage (or moves it
 * there); ids are checked through the ideas, prototypes and experiments use cases.
 */
export async function placeOnBoard(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  sprintId: string,
  raw: unknown,
): Promise<void> {
  authorize(actor, sprintRules.manage);
  const { sprint } = await loadSprint(db, actor, initiativeId, sprintId);
  const input = parseInput(ItemInput, raw);
  const known =
    input.kind === 'idea'
      ? (await unknownIdeaIds(db, actor, sprint.initiative_id, [input.itemId])).length === 0
      : input.kind === 'prototype'
        ? (await prototypeTitles(db, actor, actor.organizationId, sprint.initiative_id)).has(input.itemId)
        : (await experimentTitles(db, actor, actor.organizationId, sprint.initiative_id)).has(input.itemId);
  if (!known) throw invalid([{ field: 'itemId', code: 'unknownId' }]);
  const now = nowIso();
  await placeItem(db, actor.organizationId, sprint.id, input, now);
  await logActivity(
    db,
    actor.organizationId,
    sprint.id,
    { who: actor.name, action: 'itemPlaced', subject: `${input.kind}:${input.stage}` },
    now,
  );
}

/** Moves the sprint to another stage. */
export async function changeStage(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  sprintId: string,
  raw: unknown,
): Promise<void> {
  authorize(actor, sprintRules.manage);
  const { sprint } = await loadSprint(db, actor, initiativeId, sprintId);
  const { stage } = parseInput(StageInput, raw);
  const now = nowIso();
  await updateSprint(db, actor.organizationId, sprint.id, { stage }, now);
  await logActivity(
    db,
    actor.organizationId,
    sprint.id,
    { who: actor.name, action: 'stageChanged', subject: stage },
    now,
  );
}

/** Consciously dismisses a composition warning: it is no longer shown for this sprint, and the log says who. */
export async function dismissWarning(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  sprintId: string,
  raw: unknown,
): Promise<void> {
  authorize(actor, sprintRules.manage);
  const { sprint } = await loadSprint(db, actor, initiativeId, sprintId);
  const { warning } = parseInput(DismissInput, raw);
  const dismissed = new Set(JSON.parse(sprint.dismissed_warnings) as string[]);
  dismissed.add(warning);
  const now = nowIso();
  await updateSprint(
    db,
    actor.organizationId,
    sprint.id,
    { dismissed_warnings: JSON.stringify([...dismissed]) },
    now,
  );
  await logActivity(
    db,
    actor.organizationId,
    sprint.id,
    { who: actor.name, action: 'warningDismissed', subject: warning },
    now,
  );
}
