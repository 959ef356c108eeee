import type { Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import { getMyData } from './get-my-data.js';
import type { MyInterview } from '../interviews/participant-interviews.js';
import type { MySurveyResponse } from '../surveys/participant-responses.js';
import type { MyConversationContributions } from '../conversations/participant-contributions.js';
import type { MyIdeaContributions } from '../ideas/participant-ideas.js';
import type { MyPrototypeFeedback } from '../prototypes/participant-prototypes.js';
import { getMyFollowUpMail, type MyFollowUpMail } from '../follow-up/participant-follow-up.js';
import type { MyCampaignMail } from '../engagement/participant-campaigns.js';
import type { MyPulse } from '../pulse/participant-pulses.js';

/** The portable copy of a participant's data (right of access and data portability). */
export interface MyDataExport {
  exportedAt: string;
  organization: { slug: string; name: string };
  participant: {
    id: string;
    pseudonym: string;
    email: string | null;
    followUp: boolean;
    quoteConsent: boolean;
    language: string;
    accessibilityNeeds: string;
    createdAt: string;
  };
  demographics: {
    attribute: string;
    attributeLabel: { en: string; da: string };
    category: string | null;
    categoryLabel: { en: string; da: string } | null;
    preferNotToSay: boolean;
    updatedAt: string;
  }[];
  initiatives: {
    slug: string;
    title: string;
    joinedAt: string;
    channel: string;
    consentVersion: number;
    consentedAt: string;
  }[];
  interviews: (Omit<MyInterview, 'initiativeId'> & { initiative: string })[];
  surveyResponses: MySurveyResponse[];
  conversationStatements: MyConversationContributions['statements'];
  conversationVotes: MyConversationContributions['votes'];
  ideas: MyIdeaContributions;
  prototypeFeedback: MyPrototypeFeedback[];
  /** Whether they unsubscribed from mail about what became of their input. */
  followUpMail: MyFollowUpMail;
  campaignMails: MyCampaignMail[];
  pulses: MyPulse[];
}

/** Everything held about the participant as one JSON document, or null when nothing is stored. */
export async function exportMyData(
  db: Db,
  organization: { id: string; slug: string; name: string },
  participantId: string | undefined,
): Promise<MyDataExport | null> {
  const data = await getMyData(db, organization.id, participantId);
  if (!data) return null;
  const { participant: p } = data;
  return {
    exportedAt: nowIso(),
    organization: { slug: organization.slug, name: organization.name },
    participant: {
      id: p.id,
      pseudonym: p.pseudonym,
      email: p.email,
      followUp: p.followUp,
      quoteConsent: p.quoteConsent,
      language: p.locale,
      accessibilityNeeds: p.accessibilityNeeds,
      createdAt: p.createdAt,
    },
    demographics: data.demographics.map((d) => ({
      attribute: d.attributeKey,
      attributeLabel: { en: d.attributeLabelEn, da: d.attributeLabelDa },
      category: d.categoryKey,
      categoryLabel:
        d.categoryLabelEn !== null
          ? { en: d.categoryLabelEn, da: d.categoryLabelDa ?? d.categoryLabelEn }
          : null,
      preferNotToSay: d.preferNotToSay,
      updatedAt: d.updatedAt,
    })),
    initiatives: data.memberships.map((m) => ({
      slug: m.initiativeSlug,
      title: m.initiativeTitle,
      joinedAt: m.joinedAt,
      channel: m.channel,
      consentVersion: m.consentVersion,
      consentedAt: m.consentedAt,
    })),
    interviews: data.interviews.map(({ initiativeId, ...i }) => ({
      ...i,
      initiative: data.memberships.find((m) => m.initiativeId === initiativeId)?.initiativeSlug ?? '',
    })),
    surveyResponses: data.surveyResponses,
    conversationStatements: data.conversations.statements,
    conversationVotes: data.conversations.votes,
    ideas: data.ideas,
    prototypeFeedback: data.prototypeFeedback,
    followUpMail: await getMyFollowUpMail(db, organization.id, p.id),
    campaignMails: data.campaignMails,
    pulses: data.pulses,
  };
}
