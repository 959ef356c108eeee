import type { Db } from '../../db/database.js';
import { isLocale, type Locale } from '../../platform/i18n.js';

/** A participant of the organization with what engagement needs: contact choices and latest join. */
export interface OrganizationParticipant {
  id: string;
  pseudonym: string;
  email: string | null;
  followUp: boolean;
  locale: Locale;
  createdAt: string;
  erased: boolean;
  /** When they last joined an initiative, or null. */
  lastJoinedAt: string | null;
}

/**
 * Every participant of the organization, erased ones included (flagged), with their latest joining
 * of an initiative. Internal: the calling use case authorizes the actor (engagement segments and
 * campaigns); scoped by organization.
 */
export async function listOrganizationParticipants(
  db: Db,
  organizationId: string,
): Promise<OrganizationParticipant[]> {
  const people = await db
    .selectFrom('participants')
    .select(['id', 'pseudonym', 'email', 'follow_up', 'locale', 'created_at', 'erased_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const joins = await db
    .selectFrom('initiative_participants')
    .select(['participant_id', (eb) => eb.fn.max('joined_at').as('at')])
    .where('organization_id', '=', organizationId)
    .groupBy('participant_id')
    .execute();
  const joined = new Map(joins.map((j) => [j.participant_id, String(j.at)]));
  return people.map((p) => ({
    id: p.id,
    pseudonym: p.pseudonym,
    email: p.email,
    followUp: Number(p.follow_up) === 1,
    locale: isLocale(p.locale) ? p.locale : 'en',
    createdAt: p.created_at,
    erased: p.erased_at !== null,
    lastJoinedAt: joined.get(p.id) ?? null,
  }));
}
