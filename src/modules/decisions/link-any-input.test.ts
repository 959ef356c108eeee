// Linking works for every kind through the registry: survey responses and conversation statements
// here (ideas in decisions.test.ts), with the contributor recorded and other initiatives' input refused.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation } from '../../../test/support/conversation-factory.js';
import { engines } from '../../../test/support/databases.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { buildSurvey } from '../../../test/support/survey-factory.js';
import {
  answerAsParticipant,
  submitAnonymousResponse,
} from '../../../test/support/survey-response-factory.js';
import { AppError } from '../../platform/errors.js';
import { submitStatement } from '../conversations/submit-statement.js';
import { getDecision } from './list-decisions.js';
import { linkInput } from './link-input.js';
import { recordDecision } from './record-decision.js';

describe.each(engines)('linking any kind of input on %s', (engine) => {
  let s: InterviewsSetup;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  it('links a survey response and a conversation statement with their contributor, and refuses another initiative’s', async () => {
    const org = s.org.id;
    const facilitator = actorOf(s.staff.facilitator);
    const decision = await recordDecision(s.t.db, facilitator, s.initiative.id, {
      title: 'Open on Sundays',
      rationale: 'Asked for in the survey and the conversation.',
      decidedBy: 'council',
      decidedOn: '2026-11-20',
      status: 'adopted',
      topic: 'Opening hours',
    });
    const { survey, questions } = await buildSurvey(s.t.db, facilitator, s.initiative.id, {
      questions: [{ kind: 'long_text', textEn: 'What should change?' }],
    });
    const response = await answerAsParticipant(s.t.db, org, s.initiative.slug, survey.id, s.consentingId, {
      [questions[0]!.id]: 'Open on Sundays.',
    });
    const { conversation } = await buildConversation(s.t.db, facilitator, s.initiative.id, {
      moderation: 'after',
      seeds: [],
    });
    const { statement } = await submitStatement(
      s.t.db,
      org,
      s.initiative.slug,
      conversation.id,
      s.consentingId,
      {
        body: 'Sundays, please.',
      },
    );
    // A response in a second initiative of the same organization.
    const elsewhere = await buildInitiative(s.t.db, org, { open: true, staffId: s.staff.facilitator.id });
    const elsewhereSurvey = await buildSurvey(s.t.db, facilitator, elsewhere.id, {
      questions: [{ kind: 'short_text', textEn: 'Anything?' }],
    });
    const foreign = await submitAnonymousResponse(s.t.db, facilitator, elsewhereSurvey.survey.id, {
      [elsewhereSurvey.questions[0]!.id]: 'Elsewhere',
    });

    const linked = await linkInput(s.t.db, facilitator, s.initiative.id, decision.id, {
      inputKind: 'survey_response',
      inputId: response,
    });
    expect(linked).toMatchObject({ inputKind: 'survey_response', inputId: response });
    await linkInput(s.t.db, facilitator, s.initiative.id, decision.id, {
      inputKind: 'conversation_statement',
      inputId: statement.id,
    });
    const refused = await linkInput(s.t.db, facilitator, s.initiative.id, decision.id, {
      inputKind: 'survey_response',
      inputId: foreign,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fields).toEqual([{ field: 'inputId', code: 'unknownId' }]);
    // The id of one kind is not an input of another.
    const wrongKind = await linkInput(s.t.db, facilitator, s.initiative.id, decision.id, {
      inputKind: 'interview',
      inputId: response,
    }).catch((e: unknown) => e);
    expect((wrongKind as AppError).fields).toEqual([{ field: 'inputId', code: 'unknownId' }]);

    const shown = await getDecision(s.t.db, facilitator, s.initiative.id, decision.id);
    expect(shown.links.map((l) => `${l.inputKind}:${l.inputId}`).sort()).toEqual(
      [`conversation_statement:${statement.id}`, `survey_response:${response}`].sort(),
    );
    const contributors = await s.t.db
      .selectFrom('decision_links')
      .select(['input_kind', 'participant_id'])
      .where('decision_id', '=', decision.id)
      .orderBy('input_kind')
      .execute();
    expect(contributors).toEqual([
      { input_kind: 'conversation_statement', participant_id: s.consentingId },
      { input_kind: 'survey_response', participant_id: s.consentingId },
    ]);
  });
});
