import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clickThrough,
  expectNoAxeViolations,
  FLOW_TIMEOUT,
  newContext,
  signInThroughForm,
  useBrowser,
  visit,
} from '../support/browser.js';
import { buildInitiative } from '../support/initiative-factory.js';
import { buildDemographics, joinAsParticipant } from '../support/participant-factory.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { actorOf, buildOrganization, buildStaff } from '../support/staff-factory.js';
import { buildSurvey } from '../support/survey-factory.js';
import { addQuestion as addSurveyQuestion } from '../../src/modules/surveys/edit-survey-questions.js';
import { publishSurvey } from '../../src/modules/surveys/publish-survey.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

async function countText(page: Page | Locator, text: string | RegExp): Promise<number> {
  return page.getByText(text).count();
}

/** The builder's list of the draft's questions. */
function questionList(page: Page): Locator {
  return page.locator('ol.question-list');
}

/** The value shown beside a term in a definition list. */
async function factOf(page: Page, term: string): Promise<string> {
  return page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').first().innerText();
}

/** A spreadsheet or CSV cell as text (empty for a missing value). */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

/** Joins an initiative in the browser: a survey link leads to the join page first. */
async function joinThroughSurveyLink(page: Page, surveyUrl: string, joinPath: string): Promise<void> {
  await visit(page, surveyUrl);
  expect(new URL(page.url()).pathname).toBe(joinPath);
  await page.getByLabel('I have read the text above and agree to take part').check();
  await clickThrough(page, () => page.getByRole('button', { name: 'Take part' }).click());
  expect(await countText(page, 'Welcome! You now take part in this initiative.')).toBe(1);
  await visit(page, surveyUrl);
  expect(new URL(page.url()).pathname).toBe(new URL(surveyUrl).pathname);
}

/** Fills the builder's "Add a question" form (the fields a kind does not use stay empty). */
async function fillQuestion(
  page: Page,
  q: { kind: string; text: string; options?: string; required?: boolean; attribute?: string },
): Promise<void> {
  const form = page.locator('form.question-form');
  await form.getByLabel('Question type').selectOption({ label: q.kind });
  await form.getByLabel('Question (English)').fill(q.text);
  await form.getByLabel('Options, items or scale points').fill(q.options ?? '');
  await form.getByLabel('An answer is required').setChecked(q.required ?? false);
  await form.getByLabel('Demographic attribute').selectOption({ label: q.attribute ?? 'None' });
}

async function addQuestion(page: Page): Promise<void> {
  await clickThrough(page, () => page.getByRole('button', { name: 'Add a question' }).click());
}

describe.each(browserMatrix)(
  'surveys ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });

    it(
      'a facilitator builds, previews, publishes and closes a survey',
      { timeout: FLOW_TIMEOUT },
      async () => {
        const org = await buildOrganization(server.db, { name: 'Vestby Kommune' });
        await buildDemographics(server.db, org.id);
        const facilitator = await buildStaff(server.db, {
          organizationId: org.id,
          role: 'facilitator',
          name: 'Frida Facilitator',
        });
        const initiative = await buildInitiative(server.db, org.id, {
          open: true,
          staffId: facilitator.id,
          plan: { title: 'A better library' },
        });
        const context = await newContext(chromium.browser, { javaScriptEnabled });
        const participantContext = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await context.newPage();
          await signInThroughForm(page, server.baseUrl, facilitator);
          await expectNoAxeViolations(page);
          await visit(page, `${server.baseUrl}/staff/initiatives/${initiative.id}`);
          expect(await page.getByRole('heading', { level: 1, name: 'A better library' }).count()).toBe(1);

          // The initiative's surveys, and a new one.
          await clickThrough(page, () =>
            page.getByRole('main').getByRole('link', { name: 'Surveys', exact: true }).click(),
          );
          expect(new URL(page.url()).pathname).toBe(`/staff/initiatives/${initiative.id}/surveys`);
          expect(await countText(page, 'No surveys yet.')).toBe(1);
          await clickThrough(page, () => page.getByRole('link', { name: 'New survey' }).click());
          await page.getByLabel('Title (English)').fill('Opening hours');
          await page.getByLabel('Title (Danish)').fill('Åbningstider');
          await page.getByLabel('All questions on one page').check();
          await clickThrough(page, () => page.getByRole('button', { name: 'Create survey' }).click());
          expect(new URL(page.url()).pathname).toMatch(/^\/staff\/surveys\/[0-9a-f-]{36}$/);
          const builderUrl = page.url().split('?')[0] ?? '';
          const surveyId = builderUrl.split('/').at(-1) ?? '';
          expect(await countText(page, 'The survey was created. Add its questions below.')).toBe(1);
          expect(await countText(page, 'Not published yet.')).toBe(1);

          // A single-choice question.
          await fillQuestion(page, {
            kind: 'Single choice',
            text: 'Do you use the library?',
            options: 'Yes | Ja\nNo | Nej',
            required: true,
          });
          await addQuestion(page);
          expect(await countText(page, 'The question was added.')).toBe(1);
          expect(await countText(questionList(page), 'Q1. Do you use the library?')).toBe(1);

          // A Likert scale with two points is refused beside the field and in the summary, as typed.
          await fillQuestion(page, {
            kind: 'Likert scale',
            text: 'The opening hours suit me',
            options: 'Disagree\nAgree',
          });
          await addQuestion(page);
          const likertMessage = 'A Likert scale has 5 or 7 labelled points';
          expect(await page.locator('#f-options-error').innerText()).toContain(likertMessage);
          const summary = page.locator('#error-summary');
          expect(await summary.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
          expect(await summary.getByRole('link', { name: new RegExp(likertMessage) }).count()).toBe(1);
          expect(await page.getByLabel('Question (English)').inputValue()).toBe('The opening hours suit me');
          expect(await countText(questionList(page), 'Q2. The opening hours suit me')).toBe(0);

          // The same form, made into a question shown only to those who do not use the library.
          await fillQuestion(page, { kind: 'Long text', text: 'Why not?' });
          await page
            .getByRole('group', { name: 'Show only when' })
            .getByRole('group', { name: 'Q1. Do you use the library?' })
            .getByLabel('No', { exact: true })
            .check();
          await addQuestion(page);
          expect(await countText(page, 'The question was added.')).toBe(1);
          expect(await countText(questionList(page), 'Q2. Why not?')).toBe(1);
          expect(await countText(questionList(page), 'Shown only when Q1 is No')).toBe(1);

          // Its edit page shows the condition ticked.
          await clickThrough(page, () => page.getByRole('link', { name: 'Edit Q2' }).click());
          expect(await page.getByRole('heading', { level: 1, name: 'Edit Q2' }).count()).toBe(1);
          const condition = page
            .getByRole('group', { name: 'Show only when' })
            .getByRole('group', { name: 'Q1. Do you use the library?' });
          expect(await condition.getByLabel('No', { exact: true }).isChecked()).toBe(true);
          expect(await condition.getByLabel('Yes', { exact: true }).isChecked()).toBe(false);
          await clickThrough(page, () => page.getByRole('link', { name: 'Opening hours' }).click());
          expect(page.url().split('?')[0]).toBe(builderUrl);

          // A demographic question bound to the age band, and a required NPS.
          await fillQuestion(page, {
            kind: 'Demographic question',
            text: 'How old are you?',
            attribute: 'Age band',
          });
          await addQuestion(page);
          await fillQuestion(page, {
            kind: 'Net Promoter Score (0–10)',
            text: 'Would you recommend the library?',
            required: true,
          });
          await addQuestion(page);
          expect(await page.locator('ol.question-list > li').count()).toBe(4);

          // Preview: every question as participants see it, and nothing to send.
          await clickThrough(page, () => page.getByRole('link', { name: 'Preview' }).click());
          expect(new URL(page.url()).pathname).toBe(`/staff/surveys/${surveyId}/preview`);
          expect(await page.getByRole('heading', { level: 1, name: 'Opening hours' }).count()).toBe(1);
          expect(await countText(page, /^Preview: this is how participants see the survey/)).toBe(1);
          expect(
            await page.getByRole('group', { name: '1. Do you use the library? (required)' }).count(),
          ).toBe(1);
          expect(await page.getByLabel('2. Why not?').count()).toBe(1);
          const age = page.getByRole('group', { name: '3. How old are you?' });
          // The attribute's categories are the options, with a way out.
          for (const option of ['Under 30', '30 to 59', '60 or older', 'Prefer not to say'])
            expect(await age.getByLabel(option).count()).toBe(1);
          expect(
            await page.getByRole('group', { name: '4. Would you recommend the library? (required)' }).count(),
          ).toBe(1);
          expect(await page.getByRole('button', { name: 'Send my answers' }).count()).toBe(0);

          // Publish, and take the participants' link from the page.
          await visit(page, builderUrl);
          await clickThrough(page, () => page.getByRole('button', { name: 'Publish', exact: true }).click());
          expect(await countText(page, 'The survey is published.')).toBe(1);
          expect(await page.locator('.tag.status-published').innerText()).toBe('Published');
          expect(await countText(page, 'Version 1 is live with 0 responses.')).toBe(1);
          const link = page.locator('p', { hasText: 'Link for participants:' }).getByRole('link');
          const surveyPath = `/o/${org.slug}/i/${initiative.slug}/s/${surveyId}`;
          expect(await link.getAttribute('href')).toBe(surveyPath);
          expect(await link.innerText()).toBe(surveyPath);
          const surveyUrl = new URL((await link.getAttribute('href')) ?? '', page.url()).href;

          // The link works for a participant once they joined.
          const participant = await participantContext.newPage();
          await joinThroughSurveyLink(participant, surveyUrl, `/o/${org.slug}/i/${initiative.slug}/join`);
          expect(await participant.getByRole('heading', { level: 1, name: 'Opening hours' }).count()).toBe(1);
          expect(await participant.getByRole('button', { name: 'Send my answers' }).count()).toBe(1);

          // Closing it: the builder says so, and the participant's page says it is closed.
          await clickThrough(page, () => page.getByRole('button', { name: 'Close survey' }).click());
          expect(await countText(page, 'The survey is closed. It accepts no more answers.')).toBe(1);
          expect(await page.locator('.tag.status-closed').innerText()).toBe('Closed');
          expect(await page.getByRole('button', { name: 'Close survey' }).count()).toBe(0);
          const closed = await participant.goto(surveyUrl);
          expect(closed?.status()).toBe(409);
          await expectNoAxeViolations(participant);
          expect(
            await participant.getByRole('heading', { level: 1, name: 'This survey is closed' }).count(),
          ).toBe(1);
          expect(await participant.getByRole('button', { name: 'Send my answers' }).count()).toBe(0);

          const stored = await server.db
            .selectFrom('surveys')
            .select(['status', 'closed_at'])
            .where('id', '=', surveyId)
            .executeTakeFirstOrThrow();
          expect(stored.status).toBe('closed');
          expect(stored.closed_at).not.toBeNull();
        } finally {
          await context.close();
          await participantContext.close();
        }
      },
    );

    it(
      'a participant completes a survey with a conditional and a demographic question',
      { timeout: FLOW_TIMEOUT },
      async () => {
        const org = await buildOrganization(server.db, { name: 'Nordby Kommune' });
        const demographics = await buildDemographics(server.db, org.id);
        const facilitator = await buildStaff(server.db, { organizationId: org.id, role: 'facilitator' });
        const actor = actorOf(facilitator);
        const initiative = await buildInitiative(server.db, org.id, { open: true, staffId: facilitator.id });
        const built = await buildSurvey(server.db, actor, initiative.id, {
          settings: { titleEn: 'The library', layout: 'all_on_one_page' },
          questions: [
            {
              kind: 'single_choice',
              textEn: 'Do you use the library?',
              required: true,
              options: 'Yes | Ja\nNo | Nej',
            },
          ],
          draft: true,
        });
        const used = built.questions[0]!;
        const [yes, no] = used.options;
        const why = await addSurveyQuestion(server.db, actor, built.survey.id, {
          kind: 'long_text',
          textEn: 'Why not?',
          condition: [`${used.id}:${no!.id}`],
        });
        const age = await addSurveyQuestion(server.db, actor, built.survey.id, {
          kind: 'demographic',
          textEn: 'How old are you?',
          attributeId: demographics.ageBand.id,
        });
        const nps = await addSurveyQuestion(server.db, actor, built.survey.id, {
          kind: 'nps',
          textEn: 'Would you recommend the library?',
          required: true,
        });
        const survey = await publishSurvey(server.db, actor, built.survey.id);
        const surveyPath = `/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
        const context = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await context.newPage();
          await joinThroughSurveyLink(
            page,
            `${server.baseUrl}${surveyPath}`,
            `/o/${org.slug}/i/${initiative.slug}/join`,
          );
          expect(await page.getByRole('heading', { level: 1, name: 'The library' }).count()).toBe(1);

          const trigger = page.getByRole('group', { name: '1. Do you use the library? (required)' });
          const whyNot = page.getByLabel('2. Why not?');
          const whyText = javaScriptEnabled
            ? 'The opening hours do not suit me'
            : 'This does not apply to me';
          if (javaScriptEnabled) {
            // Hidden until the answer that triggers it is chosen, and hidden again when it is not.
            expect(await whyNot.isVisible()).toBe(false);
            await trigger.getByLabel('Yes', { exact: true }).check();
            expect(await whyNot.isVisible()).toBe(false);
            await trigger.getByLabel('No', { exact: true }).check();
            await whyNot.waitFor({ state: 'visible' });
            await trigger.getByLabel('Yes', { exact: true }).check();
            await whyNot.waitFor({ state: 'hidden' });
            await trigger.getByLabel('No', { exact: true }).check();
            await expectNoAxeViolations(page);
          } else {
            // Visible, saying when to answer it; answered although "Yes" was chosen.
            expect(await whyNot.isVisible()).toBe(true);
            expect(await page.locator(`#q_${why.id}-hint`).innerText()).toBe(
              'Answer only if you answered “No” to “Do you use the library?”.',
            );
            expect(await whyNot.getAttribute('aria-describedby')).toBe(`q_${why.id}-hint`);
            await trigger.getByLabel('Yes', { exact: true }).check();
          }
          await whyNot.fill(whyText);
          await page.getByRole('group', { name: '3. How old are you?' }).getByLabel('30 to 59').check();

          // The required NPS is missing: the message is beside the question and in the summary.
          await clickThrough(page, () => page.getByRole('button', { name: 'Send my answers' }).click());
          expect(new URL(page.url()).pathname).toBe(surveyPath);
          const npsGroup = page.getByRole('group', {
            name: '4. Would you recommend the library? (required)',
          });
          expect(await page.locator(`#q_${nps.id}-error`).innerText()).toBe(
            'Answer this question to continue',
          );
          expect(await npsGroup.locator(`#q_${nps.id}-error`).count()).toBe(1);
          const summary = page.locator('#error-summary');
          expect(await summary.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
          const summaryLink = summary.getByRole('link', {
            name: '4. Would you recommend the library?: Answer this question to continue',
          });
          expect(await summaryLink.getAttribute('href')).toBe(`#f-q_${nps.id}`);
          expect(await page.locator(`#f-q_${nps.id}`).count()).toBe(1);
          if (javaScriptEnabled) {
            // The script moves focus to the summary so a screen reader reads it out.
            await expect.poll(() => page.locator('#error-summary:focus').count()).toBe(1);
          }
          // Nothing was stored, and what was chosen and typed is still there.
          const stored = () =>
            server.db
              .selectFrom('survey_responses')
              .select(['status', 'answers', 'participant_id'])
              .where('survey_id', '=', survey.id)
              .execute();
          expect(await stored()).toEqual([]);
          expect(
            await trigger.getByLabel(javaScriptEnabled ? 'No' : 'Yes', { exact: true }).isChecked(),
          ).toBe(true);
          expect(await whyNot.inputValue()).toBe(whyText);
          expect(
            await page.getByRole('group', { name: '3. How old are you?' }).getByLabel('30 to 59').isChecked(),
          ).toBe(true);

          await npsGroup.getByLabel('9', { exact: true }).check();
          await clickThrough(page, () => page.getByRole('button', { name: 'Send my answers' }).click());
          expect(new URL(page.url()).pathname).toBe(`${surveyPath}/done`);
          expect(await page.getByRole('heading', { level: 1, name: 'Thank you' }).count()).toBe(1);

          // One completed response; without JavaScript the answer to "Why not?" after "Yes" is dropped.
          const rows = await stored();
          expect(rows).toHaveLength(1);
          expect(rows[0]?.status).toBe('completed');
          const answers = JSON.parse(rows[0]?.answers ?? '{}') as Record<string, unknown>;
          expect(answers).toEqual({
            [used.id]: javaScriptEnabled ? no!.id : yes!.id,
            ...(javaScriptEnabled ? { [why.id]: whyText } : {}),
            [age.id]: demographics.ageBand.categories['30_59'],
            [nps.id]: 9,
          });

          // The demographic answer is part of the participant's profile.
          await clickThrough(page, () =>
            page.getByRole('link', { name: 'See what we hold about you' }).click(),
          );
          expect(new URL(page.url()).pathname).toBe(`/o/${org.slug}/me`);
          expect(await factOf(page, 'Age band')).toBe('30 to 59');
          const profile = await server.db
            .selectFrom('participant_demographics')
            .select(['attribute_id', 'category_id'])
            .where('participant_id', '=', rows[0]?.participant_id ?? '')
            .execute();
          expect(profile).toEqual([
            { attribute_id: demographics.ageBand.id, category_id: demographics.ageBand.categories['30_59'] },
          ]);

          // Coming back to the link says it was answered.
          await visit(page, `${server.baseUrl}${surveyPath}`);
          expect(
            await page.getByRole('heading', { level: 1, name: 'You have already answered' }).count(),
          ).toBe(1);
        } finally {
          await context.close();
        }
      },
    );

    // Saving and resuming is plain forms and a cookie: the cells without JavaScript are enough.
    if (!javaScriptEnabled)
      it(
        'a participant saves a half-finished survey and resumes it where they left off',
        { timeout: FLOW_TIMEOUT },
        async () => {
          const org = await buildOrganization(server.db, { name: 'Sønderby Kommune' });
          const facilitator = await buildStaff(server.db, { organizationId: org.id, role: 'facilitator' });
          const initiative = await buildInitiative(server.db, org.id, {
            open: true,
            staffId: facilitator.id,
          });
          const { survey, questions } = await buildSurvey(server.db, actorOf(facilitator), initiative.id, {
            settings: { titleEn: 'Your visits', layout: 'one_per_page' },
            questions: [
              {
                kind: 'single_choice',
                textEn: 'How often do you visit?',
                required: true,
                options: 'Every week\nEvery month\nRarely',
              },
              { kind: 'short_text', textEn: 'What do you come for?', required: true },
              { kind: 'nps', textEn: 'Would you recommend the library?', required: true },
            ],
          });
          const [often, what, nps] = questions;
          const surveyUrl = `${server.baseUrl}/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
          const progress = (page: Page) => page.locator('#progress-label').innerText();
          const context = await newContext(chromium.browser, { javaScriptEnabled });
          try {
            const page = await context.newPage();
            await joinThroughSurveyLink(page, surveyUrl, `/o/${org.slug}/i/${initiative.slug}/join`);
            expect(await progress(page)).toBe('Question 1 of 3');
            expect(await page.getByLabel('2. What do you come for? (required)').count()).toBe(0);
            await page.getByLabel('Every week').check();
            await clickThrough(page, () => page.getByRole('button', { name: 'Next' }).click());
            expect(await progress(page)).toBe('Question 2 of 3');
            await page.getByLabel('2. What do you come for? (required)').fill('Borrowing audiobooks');
            await clickThrough(page, () =>
              page.getByRole('button', { name: 'Save and continue later' }).click(),
            );
            expect(
              await countText(
                page,
                'Your answers are saved. Come back to this page on this device to continue.',
              ),
            ).toBe(1);

            const saved = await server.db
              .selectFrom('survey_responses')
              .select(['status', 'page', 'answers'])
              .where('survey_id', '=', survey.id)
              .execute();
            expect(saved).toHaveLength(1);
            expect(saved[0]).toMatchObject({ status: 'in_progress', page: 1 });
            expect(JSON.parse(saved[0]?.answers ?? '{}')).toEqual({
              [often!.id]: often!.options[0]!.id,
              [what!.id]: 'Borrowing audiobooks',
            });

            // Leave, and come back through the same link: the saved page, with the answer kept.
            await visit(page, `${server.baseUrl}/o/${org.slug}`);
            await visit(page, surveyUrl);
            expect(await progress(page)).toBe('Question 2 of 3');
            expect(await page.getByLabel('2. What do you come for? (required)').inputValue()).toBe(
              'Borrowing audiobooks',
            );
            expect(await countText(page, /^Your answers are saved/)).toBe(0);

            // The first page still holds its answer; then on to the end.
            await clickThrough(page, () => page.getByRole('button', { name: 'Back' }).click());
            expect(await progress(page)).toBe('Question 1 of 3');
            expect(await page.getByLabel('Every week').isChecked()).toBe(true);
            await clickThrough(page, () => page.getByRole('button', { name: 'Next' }).click());
            await clickThrough(page, () => page.getByRole('button', { name: 'Next' }).click());
            expect(await progress(page)).toBe('Question 3 of 3');
            await page
              .getByRole('group', { name: '3. Would you recommend the library? (required)' })
              .getByLabel('10', { exact: true })
              .check();
            await clickThrough(page, () => page.getByRole('button', { name: 'Send my answers' }).click());
            expect(await page.getByRole('heading', { level: 1, name: 'Thank you' }).count()).toBe(1);

            const done = await server.db
              .selectFrom('survey_responses')
              .select(['status', 'answers', 'completed_at'])
              .where('survey_id', '=', survey.id)
              .execute();
            expect(done).toHaveLength(1);
            expect(done[0]?.status).toBe('completed');
            expect(done[0]?.completed_at).not.toBeNull();
            expect(JSON.parse(done[0]?.answers ?? '{}')).toEqual({
              [often!.id]: often!.options[0]!.id,
              [what!.id]: 'Borrowing audiobooks',
              [nps!.id]: 10,
            });
          } finally {
            await context.close();
          }
        },
      );

    // Suppression and exports are the server's: the cells without JavaScript are enough.
    if (!javaScriptEnabled)
      it(
        'results suppress groups smaller than k, and the CSV and Excel downloads match the stored answers',
        { timeout: FLOW_TIMEOUT },
        async () => {
          const org = await buildOrganization(server.db, { name: 'Østerby Kommune' });
          const demographics = await buildDemographics(server.db, org.id);
          const facilitator = await buildStaff(server.db, { organizationId: org.id, role: 'facilitator' });
          const analyst = await buildStaff(server.db, { organizationId: org.id, role: 'analyst' });
          const initiative = await buildInitiative(server.db, org.id, {
            open: true,
            staffId: facilitator.id,
          });
          const { survey, questions } = await buildSurvey(server.db, actorOf(facilitator), initiative.id, {
            settings: { titleEn: 'Library use' },
            questions: [
              {
                kind: 'single_choice',
                textEn: 'How often do you visit?',
                options: 'Every week\nEvery month\nRarely',
              },
              { kind: 'demographic', textEn: 'How old are you?', attributeId: demographics.ageBand.id },
              {
                kind: 'multiple_choice',
                textEn: 'Which rooms do you use?',
                options: 'Reading room\nCafé\nStacks',
              },
              { kind: 'number', textEn: 'Books a month', integer: true },
              { kind: 'long_text', textEn: 'Anything else?' },
            ],
          });
          const [often, age, rooms, books, other] = questions;
          const k = 5;
          const band = demographics.ageBand.categories;
          // Six people of 30 to 59, and two each under 30 and 60 or older: both small groups are hidden.
          const respondents = [
            ...Array.from({ length: k + 1 }, (_, i) => ({
              age: band['30_59'],
              rooms: [0, i % 3],
              books: i,
              text: `Adult ${i}`,
            })),
            ...Array.from({ length: 2 }, (_, i) => ({
              age: band.under_30,
              rooms: [1],
              books: 10 + i,
              text: `Young ${i}`,
            })),
            ...Array.from({ length: 2 }, (_, i) => ({
              age: band['60_plus'],
              rooms: [2],
              books: 20 + i,
              text: `Senior ${i}`,
            })),
          ];
          const surveyPath = `/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
          for (const r of respondents) {
            const participant = await joinAsParticipant(server.app, org.slug, initiative.slug);
            const res = await participant.submit(surveyPath, surveyPath, {
              action: 'submit',
              [`q_${often!.id}`]: often!.options[0]!.id,
              [`q_${age!.id}`]: r.age,
              [`q_${rooms!.id}[]`]: [...new Set(r.rooms)].map((i) => rooms!.options[i]!.id),
              [`q_${books!.id}`]: String(r.books),
              [`q_${other!.id}`]: r.text,
            });
            expect(res.statusCode).toBe(303);
            expect(res.headers.location).toBe(`${surveyPath}/done`);
          }

          const context = await newContext(chromium.browser, { javaScriptEnabled });
          try {
            const page = await context.newPage();
            await signInThroughForm(page, server.baseUrl, analyst);
            await visit(page, `${server.baseUrl}/staff/surveys/${survey.id}`);
            await clickThrough(page, () => page.getByRole('link', { name: 'Results' }).click());
            expect(new URL(page.url()).pathname).toBe(`/staff/surveys/${survey.id}/results`);
            expect(await page.getByRole('heading', { level: 1, name: 'Results: Library use' }).count()).toBe(
              1,
            );

            await page.getByLabel('Break down by').selectOption({ label: 'Age band' });
            await clickThrough(page, () => page.getByRole('button', { name: 'Show', exact: true }).click());
            expect(new URL(page.url()).searchParams.get('breakdownBy')).toBe(demographics.ageBand.id);
            const table = page.locator('table.breakdown', { hasText: 'Q1 by Age band' });
            expect(await table.count()).toBe(1);
            const headers = await table.locator('thead th').allInnerTexts();
            const column = (label: string) => headers.indexOf(label);
            expect(column('30 to 59')).toBeGreaterThan(0);
            expect(column('Under 30')).toBeGreaterThan(0);
            expect(column('60 or older')).toBeGreaterThan(0);
            const cellsOf = async (label: string) => {
              const texts: string[] = [];
              for (const row of await table.locator('tbody tr').all())
                texts.push(await row.locator('th, td').nth(column(label)).innerText());
              return texts;
            };
            // The large group shows its shares; each small group says "fewer than 5" and shows no number.
            expect(await cellsOf('30 to 59')).toEqual(['100 %', '0 %', '0 %']);
            for (const small of ['Under 30', '60 or older']) {
              const cells = await cellsOf(small);
              expect(cells).toEqual(['fewer than 5', 'fewer than 5', 'fewer than 5']);
              expect(cells.join(' ')).not.toMatch(/%|\b[0-46-9]\b/);
            }
            // Overall, ten people answered every question.
            expect(await countText(page, '10 respondents answered.')).toBeGreaterThan(0);

            // The exports, downloaded as a browser does, against what is stored.
            const stored = await server.db
              .selectFrom('survey_responses')
              .select(['id', 'answers', 'channel', 'mode', 'completed_at'])
              .where('survey_id', '=', survey.id)
              .where('status', '=', 'completed')
              .orderBy('id')
              .execute();
            expect(stored).toHaveLength(respondents.length);
            const ageLabels: Record<string, string> = {
              [band.under_30]: 'Under 30',
              [band['30_59']]: '30 to 59',
              [band['60_plus']]: '60 or older',
            };
            const expected = stored.map((row) => {
              const a = JSON.parse(row.answers) as Record<string, unknown>;
              const ticked = (a[rooms!.id] ?? []) as string[];
              return {
                response_id: row.id,
                channel: row.channel,
                mode: row.mode,
                completed_at: row.completed_at,
                Q1: often!.options.find((o) => o.id === a[often!.id])?.label.en,
                Q2: ageLabels[String(a[age!.id])],
                ...Object.fromEntries(
                  rooms!.options.map((o) => [`Q3_${o.id}`, ticked.includes(o.id) ? '1' : '0']),
                ),
                Q4: String(a[books!.id]),
                Q5: a[other!.id],
                segment_age_band: ageLabels[String(a[age!.id])],
              };
            });
            const pick = (row: Record<string, unknown>) =>
              Object.fromEntries(Object.keys(expected[0]!).map((key) => [key, cellText(row[key])]));
            const byId = (a: Record<string, string>, b: Record<string, string>) =>
              (a.response_id ?? '').localeCompare(b.response_id ?? '');
            // What was submitted is what was stored.
            expect(expected.map((e) => e.Q5).sort()).toEqual(respondents.map((r) => r.text).sort());

            const download = async (name: string) => {
              const [file] = await Promise.all([
                page.waitForEvent('download'),
                page.getByRole('link', { name }).click(),
              ]);
              return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
            };
            const csv = await download('Download responses (CSV)');
            expect(csv.name).toBe(`survey-${survey.id}.csv`);
            const csvRows = parse<Record<string, string>>(csv.body, { bom: true, columns: true });
            expect(csvRows.map(pick).sort(byId)).toEqual(expected.map(pick).sort(byId));
            expect(csvRows.every((r) => r.version === '1')).toBe(true);

            const xlsx = await download('Download responses (Excel)');
            expect(xlsx.name).toBe(`survey-${survey.id}.xlsx`);
            const book = new ExcelJS.Workbook();
            await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
            const sheet = book.getWorksheet('Responses');
            const header = ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1).map(String);
            const xlsxRows: Record<string, unknown>[] = [];
            sheet?.eachRow((row, n) => {
              if (n === 1) return;
              const values = (row.values as unknown[]).slice(1);
              xlsxRows.push(Object.fromEntries(header.map((h, i) => [h, values[i]])));
            });
            expect(xlsxRows.map(pick).sort(byId)).toEqual(expected.map(pick).sort(byId));
            // Numbers stay numbers in the spreadsheet.
            expect(xlsxRows.every((r) => typeof r.Q4 === 'number')).toBe(true);
            expect(book.getWorksheet('Codebook')?.rowCount).toBeGreaterThan(header.length);

            const codebook = await download('Download codebook (CSV)');
            const codes = parse<Record<string, string>>(codebook.body, { bom: true, columns: true });
            expect(codes.filter((r) => r.value === '').map((r) => r.column)).toEqual(header);
          } finally {
            await context.close();
          }
        },
      );
  },
);
