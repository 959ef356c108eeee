import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findInitiativeBySlug, listInitiatives } from './initiatives.repository.js';
import type { Initiative } from './initiatives.table.js';

/** The open, public initiatives an organization lists on its public page. */
export async function listOpenPublicInitiatives(db: Db, organizationId: string): Promise<Initiative[]> {
  return listInitiatives(db, organizationId, { statuses: ['open'], visibility: 'public' });
}

/**
 * An initiative as the public sees it: open or closed ones (closed ones still tell what happened).
 * Invite-only initiatives are not listed but reachable by their link. Drafts and archived ones are not found.
 */
export async function getPublicInitiative(db: Db, organizationId: string, slug: string): Promise<Initiative> {
  const initiative = await findInitiativeBySlug(db, organizationId, slug);
  if (!initiative || (initiative.status !== 'open' && initiative.status !== 'closed')) throw notFound();
  return initiative;
}

/** An initiative a participant can join or contribute to now: it must be open and have a consent text. */
export async function getJoinableInitiative(
  db: Db,
  organizationId: string,
  slug: string,
): Promise<Initiative & { consent: NonNullable<Initiative['consent']> }> {
  const initiative = await getPublicInitiative(db, organizationId, slug);
  if (initiative.status !== 'open' || !initiative.consent) throw new AppError('initiative_not_open');
  return initiative as Initiative & { consent: NonNullable<Initiative['consent']> };
}

/** The public initiatives an organization shows results of: open and closed ones (learning log, reports). */
export async function listPublicInitiativesWithResults(
  db: Db,
  organizationId: string,
): Promise<Initiative[]> {
  return listInitiatives(db, organizationId, { statuses: ['open', 'closed'], visibility: 'public' });
}
