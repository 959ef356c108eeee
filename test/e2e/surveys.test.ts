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
          await visit(page, `${server.baseUrl}/staff/initiatives/${initiative.id}/surveys`);
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
  },
);
