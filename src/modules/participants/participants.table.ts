import type { ParticipantsTable } from '../../db/database.js';
import type { Locale } from '../../platform/i18n.js';

/** Pseudonym every erased participant gets, so contributions remain but nobody is recognisable. */
export const ERASED_PSEUDONYM = 'Erased participant';

/** A participant: pseudonymous, with optional contact details they chose to give. */
export interface Participant {
  id: string;
  organizationId: string;
  pseudonym: string;
  email: string | null;
  followUp: boolean;
  /** Agrees to be quoted, without their name, on public pages. */
  quoteConsent: boolean;
  locale: Locale;
  accessibilityNeeds: string;
  createdAt: string;
  erasedAt: string | null;
}

/** One category of a demographic attribute (e.g. "18-29" of "Age band"). */
export interface DemographicCategory {
  id: string;
  key: string;
  labelEn: string;
  labelDa: string;
  position: number;
}

/** A demographic attribute the organization asks about; answering is always optional. */
export interface DemographicAttribute {
  id: string;
  key: string;
  labelEn: string;
  labelDa: string;
  position: number;
  categories: DemographicCategory[];
}

/** A participant's answer to one attribute: a category, or "prefer not to say" (category null). */
export interface DemographicAnswer {
  attributeId: string;
  attributeKey: string;
  attributeLabelEn: string;
  attributeLabelDa: string;
  categoryId: string | null;
  categoryKey: string | null;
  categoryLabelEn: string | null;
  categoryLabelDa: string | null;
  preferNotToSay: boolean;
  updatedAt: string;
}

/** How a participant came to take part in an initiative. */
export type Channel = 'web' | 'staff';

/** A participant's membership of an initiative, with the consent version they accepted. */
export interface Membership {
  participantId: string;
  initiativeId: string;
  initiativeSlug: string;
  initiativeTitle: string;
  consentTextId: string;
  consentVersion: number;
  /** The initiative's newest consent version; above `consentVersion` means they must accept again. */
  currentConsentVersion: number;
  consentedAt: string;
  joinedAt: string;
  channel: string;
}

/** The label of an attribute or category in the reader's language. */
export function labelIn(item: { labelEn: string; labelDa: string }, locale: Locale): string {
  return locale === 'da' ? item.labelDa : item.labelEn;
}

/** Maps a stored row to the domain shape. */
export function toParticipant(row: ParticipantsTable): Participant {
  return {
    id: row.id,
    organizationId: row.organization_id,
    pseudonym: row.pseudonym,
    email: row.email,
    followUp: Number(row.follow_up) === 1,
    quoteConsent: Number(row.quote_consent) === 1,
    locale: row.locale === 'da' ? 'da' : 'en',
    accessibilityNeeds: row.accessibility_needs,
    createdAt: row.created_at,
    erasedAt: row.erased_at,
  };
}
