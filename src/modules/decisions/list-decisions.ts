import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import {
  countLinksByDecision,
  findDecision,
  listDecisionRows,
  listLinkRows,
} from './decisions.repository.js';
import { decisionRules } from './decisions.policy.js';
import type { Decision, DecisionLink } from './decisions.table.js';

/** An initiative's decisions for staff. */
export async function listDecisions(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<{
  initiative: Initiative;
  decisions: Decision[];
  /** How many inputs each decision links, by decision id (0 when absent). */
  linkCounts: Record<string, number>;
  canManage: boolean;
}> {
  authorize(actor, decisionRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  return {
    initiative,
    decisions: await listDecisionRows(db, actor.organizationId, initiative.id),
    linkCounts: await countLinksByDecision(db, actor.organizationId, initiative.id),
    canManage: can(actor, decisionRules.manage),
  };
}

/** One decision with the inputs linked to it, for staff. */
export async function getDecision(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  decisionId: string,
): Promise<{ initiative: Initiative; decision: Decision; links: DecisionLink[]; canManage: boolean }> {
  authorize(actor, decisionRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const decision = await findDecision(db, actor.organizationId, initiative.id, decisionId);
  if (!decision) throw notFound();
  return {
    initiative,
    decision,
    links: await listLinkRows(db, actor.organizationId, decision.id),
    canManage: can(actor, decisionRules.manage),
  };
}
