import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { getPublicInitiative, listPublicInitiativesWithResults } from '../initiatives/public-initiatives.js';
import { getOrganization } from '../organizations/get-organization.js';
import { buildOutcomes, type InitiativeOutcomes } from './build-outcomes.js';
import { outcomeRules } from './outcomes.policy.js';

/** "You said, we did" of one initiative: its decisions by topic, and the threshold k used. */
export interface YouSaidWeDid {
  k: number;
  initiative: Initiative;
  topics: InitiativeOutcomes['topics'];
}

/**
 * The public "you said, we did" of an initiative, shown exactly where the initiative's own public
 * page is (open or closed, reachable by its link); drafts, archived and other organizations'
 * initiatives are not found.
 */
export async function getPublicYouSaidWeDid(
  db: Db,
  org: { id: string; smallCellK: number },
  slug: string,
  locale: string,
): Promise<YouSaidWeDid> {
  const initiative = await getPublicInitiative(db, org.id, slug);
  const [outcomes] = await buildOutcomes(db, org.id, org.smallCellK, [initiative], locale);
  return { k: org.smallCellK, initiative, topics: outcomes?.topics ?? [] };
}

/**
 * The organization's public "you said, we did": the decisions of every initiative it lists
 * publicly with results (public, open or closed; invite-only ones are never listed), by initiative then topic.
 */
export async function getOrganizationYouSaidWeDid(
  db: Db,
  org: { id: string; smallCellK: number },
  locale: string,
): Promise<{ k: number; initiatives: InitiativeOutcomes[] }> {
  const initiatives = await listPublicInitiativesWithResults(db, org.id);
  return {
    k: org.smallCellK,
    initiatives: await buildOutcomes(db, org.id, org.smallCellK, initiatives, locale),
  };
}

/** "You said, we did" of one of the staff member's initiatives, with the same suppression as in public. */
export async function getYouSaidWeDidForStaff(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<YouSaidWeDid> {
  authorize(actor, outcomeRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const org = await getOrganization(db, actor.organizationId);
  const [outcomes] = await buildOutcomes(db, org.id, org.smallCellK, [initiative], 'en');
  return { k: org.smallCellK, initiative, topics: outcomes?.topics ?? [] };
}
