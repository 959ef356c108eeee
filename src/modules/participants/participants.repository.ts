import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../platform/clock.js';
import {
  ERASED_PSEUDONYM,
  toParticipant,
  type DemographicAnswer,
  type DemographicAttribute,
  type Membership,
  type Participant,
} from './participants.table.js';

// Every query here is scoped by organization_id. Memberships are read together with the
// initiative's title and consent versions (read-only joins): initiative_participants points at
// consent_texts by design, and one query beats a round trip per initiative.

/** The fields a new participant is stored with. */
export interface NewParticipant {
  organizationId: string;
  pseudonym: string;
  email: string | null;
  followUp: boolean;
  locale: string;
  accessibilityNeeds: string;
}

/** Stores a new participant. */
export async function insertParticipant(db: Db, p: NewParticipant): Promise<Participant> {
  const row = {
    id: newId(),
    organization_id: p.organizationId,
    pseudonym: p.pseudonym,
    email: p.email,
    follow_up: p.followUp ? 1 : 0,
    locale: p.locale,
    accessibility_needs: p.accessibilityNeeds,
    created_at: nowIso(),
    erased_at: null,
  };
  await db.insertInto('participants').values(row).execute();
  return toParticipant(row);
}

/** Whether a pseudonym is already used in the organization. */
export async function pseudonymTaken(db: Db, organizationId: string, pseudonym: string): Promise<boolean> {
  const row = await db
    .selectFrom('participants')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('pseudonym', '=', pseudonym)
    .executeTakeFirst();
  return !!row;
}

/** A participant of the organization (erased ones too, for staff views). */
export async function findParticipant(
  db: Db,
  organizationId: string,
  id: string,
): Promise<Participant | undefined> {
  const row = await db
    .selectFrom('participants')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toParticipant(row) : undefined;
}

/** Changes the details a participant controls. */
export async function updateParticipantDetails(
  db: Db,
  organizationId: string,
  id: string,
  details: { email: string | null; followUp: boolean; locale: string; accessibilityNeeds: string },
): Promise<void> {
  await db
    .updateTable('participants')
    .set({
      email: details.email,
      follow_up: details.followUp ? 1 : 0,
      locale: details.locale,
      accessibility_needs: details.accessibilityNeeds,
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** Removes a participant's personal data, keeping the row so contributions stay anonymized. */
export async function anonymizeParticipant(db: Db, organizationId: string, id: string): Promise<void> {
  await db
    .updateTable('participants')
    .set({
      pseudonym: ERASED_PSEUDONYM,
      email: null,
      follow_up: 0,
      accessibility_needs: '',
      erased_at: nowIso(),
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
  await db
    .deleteFrom('participant_demographics')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', id)
    .execute();
}

/** Records that a participant takes part in an initiative with a consent version. */
export async function insertMembership(
  db: Db,
  m: {
    organizationId: string;
    initiativeId: string;
    participantId: string;
    consentTextId: string;
    channel: string;
  },
): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('initiative_participants')
    .values({
      organization_id: m.organizationId,
      initiative_id: m.initiativeId,
      participant_id: m.participantId,
      consent_text_id: m.consentTextId,
      consented_at: now,
      joined_at: now,
      channel: m.channel,
    })
    .execute();
}

/** Records acceptance of a newer consent version. */
export async function renewMembershipConsent(
  db: Db,
  organizationId: string,
  initiativeId: string,
  participantId: string,
  consentTextId: string,
): Promise<void> {
  await db
    .updateTable('initiative_participants')
    .set({ consent_text_id: consentTextId, consented_at: nowIso() })
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .where('participant_id', '=', participantId)
    .execute();
}

function membershipQuery(db: Db, organizationId: string) {
  return db
    .selectFrom('initiative_participants as ip')
    .innerJoin('initiatives as i', 'i.id', 'ip.initiative_id')
    .innerJoin('consent_texts as c', 'c.id', 'ip.consent_text_id')
    .select((eb) => [
      'ip.participant_id',
      'ip.initiative_id',
      'i.slug',
      'i.title',
      'ip.consent_text_id',
      'c.version',
      'ip.consented_at',
      'ip.joined_at',
      'ip.channel',
      eb
        .selectFrom('consent_texts as latest')
        .select((e) => e.fn.max('latest.version').as('v'))
        .whereRef('latest.initiative_id', '=', 'ip.initiative_id')
        .as('current_version'),
    ])
    .where('ip.organization_id', '=', organizationId)
    .where('i.organization_id', '=', organizationId);
}

type MembershipRow = Awaited<ReturnType<ReturnType<typeof membershipQuery>['execute']>>[number];

function toMembership(row: MembershipRow): Membership {
  const version = Number(row.version);
  return {
    participantId: row.participant_id,
    initiativeId: row.initiative_id,
    initiativeSlug: row.slug,
    initiativeTitle: row.title,
    consentTextId: row.consent_text_id,
    consentVersion: version,
    currentConsentVersion: row.current_version === null ? version : Number(row.current_version),
    consentedAt: row.consented_at,
    joinedAt: row.joined_at,
    channel: row.channel,
  };
}

/** One membership, if the participant takes part in the initiative. */
export async function findMembership(
  db: Db,
  organizationId: string,
  initiativeId: string,
  participantId: string,
): Promise<Membership | undefined> {
  const row = await membershipQuery(db, organizationId)
    .where('ip.initiative_id', '=', initiativeId)
    .where('ip.participant_id', '=', participantId)
    .executeTakeFirst();
  return row ? toMembership(row) : undefined;
}

/** The initiatives a participant takes part in, newest first. */
export async function listMembershipsOfParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<Membership[]> {
  const rows = await membershipQuery(db, organizationId)
    .where('ip.participant_id', '=', participantId)
    .orderBy('ip.joined_at', 'desc')
    .execute();
  return rows.map(toMembership);
}

/** An initiative's participants with their membership, in the order they joined. */
export async function listMembersOfInitiative(
  db: Db,
  organizationId: string,
  initiativeId: string,
): Promise<{ participant: Participant; membership: Membership }[]> {
  const memberships = (
    await membershipQuery(db, organizationId)
      .where('ip.initiative_id', '=', initiativeId)
      .orderBy('ip.joined_at')
      .orderBy('ip.participant_id')
      .execute()
  ).map(toMembership);
  if (memberships.length === 0) return [];
  const rows = await db
    .selectFrom('participants')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where(
      'id',
      'in',
      memberships.map((m) => m.participantId),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toParticipant(r)]));
  return memberships.flatMap((membership) => {
    const participant = byId.get(membership.participantId);
    return participant ? [{ participant, membership }] : [];
  });
}

/** The organization's demographic attributes with their categories, in order. */
export async function listAttributes(db: Db, organizationId: string): Promise<DemographicAttribute[]> {
  const [attributes, categories] = await Promise.all([
    db
      .selectFrom('demographic_attributes')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('position')
      .orderBy('key')
      .execute(),
    db
      .selectFrom('demographic_categories')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('position')
      .orderBy('key')
      .execute(),
  ]);
  return attributes.map((a) => ({
    id: a.id,
    key: a.key,
    labelEn: a.label_en,
    labelDa: a.label_da,
    position: Number(a.position),
    categories: categories
      .filter((c) => c.attribute_id === a.id)
      .map((c) => ({
        id: c.id,
        key: c.key,
        labelEn: c.label_en,
        labelDa: c.label_da,
        position: Number(c.position),
      })),
  }));
}

/** Stores a new attribute after the existing ones. */
export async function insertAttribute(
  db: Db,
  organizationId: string,
  a: { key: string; labelEn: string; labelDa: string },
): Promise<string> {
  const last = await db
    .selectFrom('demographic_attributes')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  const id = newId();
  await db
    .insertInto('demographic_attributes')
    .values({
      id,
      organization_id: organizationId,
      key: a.key,
      label_en: a.labelEn,
      label_da: a.labelDa,
      position: last?.p === null || last?.p === undefined ? 1 : Number(last.p) + 1,
    })
    .execute();
  return id;
}

/** Stores a new category after the attribute's existing ones. */
export async function insertCategory(
  db: Db,
  organizationId: string,
  attributeId: string,
  c: { key: string; labelEn: string; labelDa: string },
): Promise<string> {
  const last = await db
    .selectFrom('demographic_categories')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('organization_id', '=', organizationId)
    .where('attribute_id', '=', attributeId)
    .executeTakeFirst();
  const id = newId();
  await db
    .insertInto('demographic_categories')
    .values({
      id,
      organization_id: organizationId,
      attribute_id: attributeId,
      key: c.key,
      label_en: c.labelEn,
      label_da: c.labelDa,
      position: last?.p === null || last?.p === undefined ? 1 : Number(last.p) + 1,
    })
    .execute();
  return id;
}

/** The answers of some participants, with labels, keyed by participant id. */
export async function demographicAnswersOf(
  db: Db,
  organizationId: string,
  participantIds: string[],
): Promise<Map<string, DemographicAnswer[]>> {
  const out = new Map<string, DemographicAnswer[]>();
  if (participantIds.length === 0) return out;
  const rows = await db
    .selectFrom('participant_demographics as pd')
    .innerJoin('demographic_attributes as a', 'a.id', 'pd.attribute_id')
    .leftJoin('demographic_categories as c', 'c.id', 'pd.category_id')
    .select([
      'pd.participant_id',
      'pd.attribute_id',
      'a.key as attribute_key',
      'a.label_en as attribute_label_en',
      'a.label_da as attribute_label_da',
      'pd.category_id',
      'c.key as category_key',
      'c.label_en as category_label_en',
      'c.label_da as category_label_da',
      'pd.prefer_not_to_say',
      'pd.updated_at',
    ])
    .where('pd.organization_id', '=', organizationId)
    .where('a.organization_id', '=', organizationId)
    .where('pd.participant_id', 'in', participantIds)
    .orderBy('a.position')
    .orderBy('a.key')
    .execute();
  for (const r of rows) {
    const list = out.get(r.participant_id) ?? [];
    list.push({
      attributeId: r.attribute_id,
      attributeKey: r.attribute_key,
      attributeLabelEn: r.attribute_label_en,
      attributeLabelDa: r.attribute_label_da,
      categoryId: r.category_id,
      categoryKey: r.category_key,
      categoryLabelEn: r.category_label_en,
      categoryLabelDa: r.category_label_da,
      preferNotToSay: Number(r.prefer_not_to_say) === 1,
      updatedAt: r.updated_at,
    });
    out.set(r.participant_id, list);
  }
  return out;
}

/** Replaces all of a participant's answers (attributes left out are "not answered"). */
export async function replaceDemographicAnswers(
  db: Db,
  organizationId: string,
  participantId: string,
  answers: { attributeId: string; categoryId: string | null }[],
): Promise<void> {
  await db
    .deleteFrom('participant_demographics')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .execute();
  if (answers.length === 0) return;
  const now = nowIso();
  await db
    .insertInto('participant_demographics')
    .values(
      answers.map((a) => ({
        organization_id: organizationId,
        participant_id: participantId,
        attribute_id: a.attributeId,
        category_id: a.categoryId,
        prefer_not_to_say: a.categoryId === null ? 1 : 0,
        updated_at: now,
      })),
    )
    .execute();
}

/** Sets the given demographic answers, leaving the participant's other attributes as they were. */
export async function upsertDemographicAnswers(
  db: Db,
  organizationId: string,
  participantId: string,
  answers: { attributeId: string; categoryId: string | null }[],
): Promise<void> {
  if (answers.length === 0) return;
  await db
    .deleteFrom('participant_demographics')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .where(
      'attribute_id',
      'in',
      answers.map((a) => a.attributeId),
    )
    .execute();
  const now = nowIso();
  await db
    .insertInto('participant_demographics')
    .values(
      answers.map((a) => ({
        organization_id: organizationId,
        participant_id: participantId,
        attribute_id: a.attributeId,
        category_id: a.categoryId,
        prefer_not_to_say: a.categoryId === null ? 1 : 0,
        updated_at: now,
      })),
    )
    .execute();
}
