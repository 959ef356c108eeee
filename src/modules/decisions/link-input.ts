import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { LinkInput } from './decision-input.js';
import { inputSourceOf } from './input-sources.js';
import { deleteLink, findDecision, insertLink, linkExists, listLinkRows } from './decisions.repository.js';
import { decisionRules } from './decisions.policy.js';
import type { DecisionLink, InputKind } from './decisions.table.js';

/**
 * The contributor behind an input of the initiative, or undefined when the initiative holds no such
 * input (which is also how another initiative's or organization's input looks). Each kind is
 * reached through its own module's input source.
 */
async function contributorOf(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  kind: InputKind,
  inputId: string,
): Promise<{ participantId: string | null } | undefined> {
  const source = inputSourceOf(kind);
  if (!source) return undefined;
  const [item] = await source.byIds(db, actor.organizationId, [inputId]);
  return item?.initiativeId === initiativeId ? item : undefined;
}

/** Links an input of the initiative to one of its decisions; refuses a second link of the same input. */
export async function linkInput(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  decisionId: string,
  raw: unknown,
): Promise<DecisionLink> {
  authorize(actor, decisionRules.manage);
  const initiative = await getInitiative(db, actor, initiativeId);
  const decision = await findDecision(db, actor.organizationId, initiative.id, decisionId);
  if (!decision) throw notFound();
  const input = parseInput(LinkInput, raw);
  const source = await contributorOf(db, actor, initiative.id, input.inputKind as InputKind, input.inputId);
  if (!source) throw invalid([{ field: 'inputId', code: 'unknownId' }]);
  if (await linkExists(db, actor.organizationId, decision.id, input.inputKind, input.inputId))
    throw new AppError('already_linked');
  const id = await insertLink(
    db,
    actor.organizationId,
    {
      decisionId: decision.id,
      inputKind: input.inputKind,
      inputId: input.inputId,
      participantId: source.participantId,
    },
    actor.staffId,
    nowIso(),
  );
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'decision.link',
    subjectType: 'decision',
    subjectId: decision.id,
  });
  return (await listLinkRows(db, actor.organizationId, decision.id)).find((l) => l.id === id)!;
}

/** Removes a link from a decision. */
export async function unlinkInput(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  decisionId: string,
  linkId: string,
): Promise<void> {
  authorize(actor, decisionRules.manage);
  const initiative = await getInitiative(db, actor, initiativeId);
  const decision = await findDecision(db, actor.organizationId, initiative.id, decisionId);
  if (!decision) throw notFound();
  if (!(await deleteLink(db, actor.organizationId, decision.id, linkId))) throw notFound();
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'decision.unlink',
    subjectType: 'decision',
    subjectId: decision.id,
  });
}
