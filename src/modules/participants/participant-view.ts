import { Type, type Static } from '@sinclair/typebox';
import type { DemographicAnswer, Membership, Participant } from './participants.table.js';

// The shape staff (pages and API) see of a participant. Contact details are a separate object that
// is absent unless the role may see it, so a pseudonymous view cannot leak them by accident.

const Label = Type.Object({ en: Type.String(), da: Type.String() });

/** One demographic answer as staff see it. */
export const AnswerView = Type.Object({
  attribute: Type.String(),
  attributeLabel: Label,
  category: Type.Union([Type.String(), Type.Null()]),
  categoryLabel: Type.Union([Label, Type.Null()]),
  preferNotToSay: Type.Boolean(),
});

/** Contact details, only for roles allowed to see them. */
export const ContactView = Type.Object({
  email: Type.Union([Type.String(), Type.Null()]),
  followUp: Type.Boolean(),
  accessibilityNeeds: Type.String(),
});

/** A participant's membership of one initiative. */
export const MembershipView = Type.Object({
  initiativeId: Type.String(),
  initiativeSlug: Type.String(),
  initiativeTitle: Type.String(),
  joinedAt: Type.String(),
  channel: Type.String(),
  consentVersion: Type.Integer(),
  currentConsentVersion: Type.Integer(),
  consentedAt: Type.String(),
});

/** A participant as staff see them. */
export const ParticipantView = Type.Object({
  id: Type.String(),
  pseudonym: Type.String(),
  language: Type.String(),
  erased: Type.Boolean(),
  createdAt: Type.String(),
  demographics: Type.Array(AnswerView),
  contact: Type.Optional(ContactView),
});

/** A participant in an initiative's list: who, and under which consent. */
export const InitiativeParticipantView = Type.Composite([
  ParticipantView,
  Type.Object({ membership: MembershipView }),
]);

/** A participant with every initiative they take part in. */
export const ParticipantDetailView = Type.Composite([
  ParticipantView,
  Type.Object({ memberships: Type.Array(MembershipView) }),
]);

export type AnswerView = Static<typeof AnswerView>;
export type MembershipView = Static<typeof MembershipView>;
export type ParticipantView = Static<typeof ParticipantView>;
export type InitiativeParticipantView = Static<typeof InitiativeParticipantView>;
export type ParticipantDetailView = Static<typeof ParticipantDetailView>;

/** A stored answer as staff see it. */
export function toAnswerView(a: DemographicAnswer): AnswerView {
  return {
    attribute: a.attributeKey,
    attributeLabel: { en: a.attributeLabelEn, da: a.attributeLabelDa },
    category: a.categoryKey,
    categoryLabel:
      a.categoryLabelEn !== null
        ? { en: a.categoryLabelEn, da: a.categoryLabelDa ?? a.categoryLabelEn }
        : null,
    preferNotToSay: a.preferNotToSay,
  };
}

/** A membership as staff see it. */
export function toMembershipView(m: Membership): MembershipView {
  return {
    initiativeId: m.initiativeId,
    initiativeSlug: m.initiativeSlug,
    initiativeTitle: m.initiativeTitle,
    joinedAt: m.joinedAt,
    channel: m.channel,
    consentVersion: m.consentVersion,
    currentConsentVersion: m.currentConsentVersion,
    consentedAt: m.consentedAt,
  };
}

/** A participant as staff see them; `showContact` comes from the policy. */
export function toParticipantView(
  p: Participant,
  answers: DemographicAnswer[],
  showContact: boolean,
): ParticipantView {
  const view: ParticipantView = {
    id: p.id,
    pseudonym: p.pseudonym,
    language: p.locale,
    erased: p.erasedAt !== null,
    createdAt: p.createdAt,
    demographics: answers.map(toAnswerView),
  };
  if (showContact) {
    view.contact = { email: p.email, followUp: p.followUp, accessibilityNeeds: p.accessibilityNeeds };
  }
  return view;
}
