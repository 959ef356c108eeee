import type { Db } from '../../db/database.js';
import { demographicAnswersOf } from './demographics.repository.js';
import { findCurrentParticipant } from './find-current-participant.js';
import { listMembershipsOfParticipant } from './participants.repository.js';
import type { DemographicAnswer, Membership, Participant } from './participants.table.js';
import { listMyInterviews, type MyInterview } from '../interviews/participant-interviews.js';
import { listMySurveyResponses, type MySurveyResponse } from '../surveys/participant-responses.js';
import {
  listMyConversationContributions,
  type MyConversationContributions,
} from '../conversations/participant-contributions.js';
import { listMyIdeaContributions, type MyIdeaContributions } from '../ideas/participant-ideas.js';
import { listMyPrototypeFeedback, type MyPrototypeFeedback } from '../prototypes/participant-prototypes.js';
import { listMyCampaignMails, type MyCampaignMail } from '../engagement/participant-campaigns.js';
import { listMyPulses, type MyPulse } from '../pulse/participant-pulses.js';

/** Everything the platform holds about one participant in one organization. */
export interface MyData {
  participant: Participant;
  demographics: DemographicAnswer[];
  memberships: Membership[];
  /** Interviews and observations staff recorded with them (not anonymous ones). */
  interviews: MyInterview[];
  /** Their survey responses, finished or in progress. */
  surveyResponses: MySurveyResponse[];
  /** Their statements and votes in conversations. */
  conversations: MyConversationContributions;
  /** Their ideas, comments and supports on idea boards. */
  ideas: MyIdeaContributions;
  /** Their feedback on prototypes. */
  prototypeFeedback: MyPrototypeFeedback[];
  /** The "we miss you" mails they were sent. */
  campaignMails: MyCampaignMail[];
  /** Their answers to the experience pulse after activities. */
  pulses: MyPulse[];
}

/** Everything held about the participant behind the cookie, or null when nothing is stored. */
export async function getMyData(
  db: Db,
  organizationId: string,
  participantId: string | undefined,
  locale = 'en',
): Promise<MyData | null> {
  const participant = await findCurrentParticipant(db, organizationId, participantId);
  if (!participant) return null;
  const [answers, memberships] = await Promise.all([
    demographicAnswersOf(db, organizationId, [participant.id]),
    listMembershipsOfParticipant(db, organizationId, participant.id),
  ]);
  const interviews = await listMyInterviews(db, organizationId, participant.id);
  const surveyResponses = await listMySurveyResponses(db, organizationId, participant.id, locale);
  const conversations = await listMyConversationContributions(db, organizationId, participant.id);
  const ideas = await listMyIdeaContributions(db, organizationId, participant.id);
  const prototypeFeedback = await listMyPrototypeFeedback(db, organizationId, participant.id);
  const campaignMails = await listMyCampaignMails(db, organizationId, participant.id);
  const pulses = await listMyPulses(db, organizationId, participant.id);
  return {
    participant,
    demographics: answers.get(participant.id) ?? [],
    memberships,
    interviews,
    surveyResponses,
    conversations,
    ideas,
    prototypeFeedback,
    campaignMails,
    pulses,
  };
}
