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
import { registerParticipant } from '../../src/modules/participants/register-participant.js';
import { submitResponse } from '../../src/modules/surveys/submit-response.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

/** The "who is missing" list's entries, as text. */
async function missingItems(page: Page): Promise<string[]> {
  return page.locator('ul.missing > li > span').allInnerTexts();
}

/** The header texts and the rows (header cell, then data cells) of a table. */
async function tableOf(table: Locator): Promise<{ headers: string[]; rows: string[][] }> {
  const headers = await table.locator('thead th').allInnerTexts();
  const rows: string[][] = [];
  for (const row of await table.locator('tbody tr').all())
    rows.push(await row.locator('th, td').allInnerTexts());
  return { headers, rows };
}

describe.each(browserMatrix)(
  'representativeness ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });

    it(
      'a facilitator enters margins, watches who is missing change, invites the missing group and weights the results',
      { timeout: FLOW_TIMEOUT },
      async () => {
        const org = await buildOrganization(server.db, { name: 'Vesterby Kommune' });
        const demographics = await buildDemographics(server.db, org.id);
        const { north, south } = demographics.district.categories;
        const facilitator = await buildStaff(server.db, { organizationId: org.id, role: 'facilitator' });
        const admin = await buildStaff(server.db, { organizationId: org.id, role: 'admin' });
        const actor = actorOf(facilitator);
        const initiative = await buildInitiative(server.db, org.id, {
          open: true,
          staffId: facilitator.id,
          plan: { title: 'A library for everyone' },
        });
        const { survey, questions } = await buildSurvey(server.db, actor, initiative.id, {
          settings: { titleEn: 'Library use', layout: 'all_on_one_page' },
          questions: [
            { kind: 'single_choice', textEn: 'Do you use the library?', required: true, options: 'Yes\nNo' },
            {
              kind: 'demographic',
              textEn: 'Where do you live?',
              attributeId: demographics.district.id,
              required: true,
            },
          ],
        });
        const [uses, district] = questions;
        const [yes, no] = uses!.options;
        // So far the north answered (all "yes") and the south barely (all "no"): 12 against 3.
        const answer = (place: string) => ({
          answers: { [uses!.id]: place === north ? yes!.id : no!.id, [district!.id]: place },
        });
        for (let i = 0; i < 12; i++) await submitResponse(server.db, actor, survey.id, answer(north));
        for (let i = 0; i < 3; i++) await submitResponse(server.db, actor, survey.id, answer(south));
        // Registered southerners: two may be written to; one has an address but did not agree to it.
        for (const person of [
          { email: 'sofie@example.org', followUp: true },
          { email: 'svend@example.org', followUp: true },
          { email: 'silent@example.org', followUp: false },
        ])
          await registerParticipant(server.db, actor, initiative.id, {
            consent: true,
            ...person,
            demographics: { [demographics.district.id]: south },
          });

        const context = await newContext(chromium.browser, { javaScriptEnabled });
        const adminContext = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await context.newPage();
          await signInThroughForm(page, server.baseUrl, facilitator);
          await expectNoAxeViolations(page);
          await visit(page, `${server.baseUrl}/staff/initiatives/${initiative.id}`);
          await clickThrough(page, () =>
            page.getByRole('main').getByRole('link', { name: 'Who takes part', exact: true }).click(),
          );
          const pagePath = `/staff/initiatives/${initiative.id}/representativeness`;
          expect(new URL(page.url()).pathname).toBe(pagePath);
          expect(
            await page
              .getByRole('heading', { level: 1, name: 'Who takes part: A library for everyone' })
              .count(),
          ).toBe(1);
          expect(
            await page.getByText('Enter the population margins below to see who is missing.').count(),
          ).toBe(1);

          // Margins for the district that add up to 90 %: refused beside the fields and in the summary.
          const section = page.locator('section.attribute-representativeness', {
            has: page.getByRole('heading', { level: 2, name: 'District', exact: true }),
          });
          const fill = async (northShare: string, southShare: string) => {
            await section.getByLabel('North: share of the population (%)').fill(northShare);
            await section.getByLabel('South: share of the population (%)').fill(southShare);
            await section.getByLabel('Source (e.g. a census table)').fill('Census 2025');
            await section.getByLabel('Date of the figures').fill('2025-01-01');
            await clickThrough(page, () => section.getByRole('button', { name: 'Save margins' }).click());
          };
          await fill('50', '40');
          const sumMessage = 'The shares must add up to 100 % (± 0.5); they add up to 90 %';
          expect(await section.locator(`#f-${demographics.district.id}-shares`).innerText()).toContain(sumMessage);
          const summary = section.locator('#error-summary');
          expect(await summary.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
          expect(
            await summary
              .getByRole('link', { name: new RegExp(sumMessage.replace(/[()+.]/g, '\\$&')) })
              .count(),
          ).toBe(1);
          // What was typed is kept, and nothing was stored.
          expect(await section.getByLabel('South: share of the population (%)').inputValue()).toBe('40');
          expect(
            await server.db
              .selectFrom('target_populations')
              .select('attribute_id')
              .where('initiative_id', '=', initiative.id)
              .execute(),
          ).toHaveLength(0);

          // Then right.
          await fill('50', '50');
          expect(await page.getByRole('status').filter({ hasText: 'The margins were saved.' }).count()).toBe(
            1,
          );
          expect(await section.getByText('Population: Census 2025, as of 2025-01-01.').count()).toBe(1);

          // The survey's respondents against the population: the south is missing.
          await page
            .getByLabel('Compare', { exact: true })
            .selectOption({ label: 'Respondents of “Library use”' });
          await clickThrough(page, () => page.getByRole('button', { name: 'Show', exact: true }).click());
          expect(new URL(page.url()).searchParams.get('survey')).toBe(survey.id);
          const surveyView = page.url();
          expect(await page.getByText('from 15 people.').count()).toBe(1);
          // (3 + m) / (15 + m) ≥ 50 % from m = 9.
          expect(await missingItems(page)).toEqual([
            'District: South — 20 % of the sample, 50 % of the population. About 9 more people from this group would bring it to its share.',
          ]);

          // Three southerners answer through the participants' survey form.
          const surveyPath = `/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
          for (let i = 0; i < 3; i++) {
            const participant = await joinAsParticipant(server.app, org.slug, initiative.slug);
            const res = await participant.submit(surveyPath, surveyPath, {
              action: 'submit',
              [`q_${uses!.id}`]: no!.id,
              [`q_${district!.id}`]: south,
            });
            expect(res.statusCode).toBe(303);
            expect(res.headers.location).toBe(`${surveyPath}/done`);
          }
          await visit(page, surveyView);
          expect(await page.getByText('from 18 people.').count()).toBe(1);
          // (6 + m) / (18 + m) ≥ 50 % from m = 6.
          expect(await missingItems(page)).toEqual([
            'District: South — 33.3 % of the sample, 50 % of the population. About 6 more people from this group would bring it to its share.',
          ]);

          // Invite the southerners who agreed to be contacted.
          await clickThrough(page, () =>
            page
              .getByRole('button', { name: 'Invite the 2 in District: South who agreed to be contacted' })
              .click(),
          );
          const afterInvite = new URL(page.url());
          expect(afterInvite.pathname).toBe(pagePath);
          expect(afterInvite.searchParams.get('survey')).toBe(survey.id);
          expect(afterInvite.searchParams.get('count')).toBe('2');
          expect(await page.getByRole('status').getByText('Invited 2 people to the survey.').count()).toBe(1);
          // Nobody is left to write to in that group.
          expect(await page.getByRole('button', { name: /^Invite the/ }).count()).toBe(0);
          expect(await page.getByText(/^Nobody in this group can be written to yet/).count()).toBe(1);

          // The outbox is for admins only: one looks at the invitations waiting there.
          const outbox = await adminContext.newPage();
          await signInThroughForm(outbox, server.baseUrl, admin);
          await visit(outbox, `${server.baseUrl}/staff/outbox`);
          const recipients = await outbox
            .locator('dt', { hasText: 'To' })
            .locator('xpath=following-sibling::dd[1]')
            .allInnerTexts();
          expect(recipients.sort()).toEqual(['sofie@example.org', 'svend@example.org']);
          expect(await outbox.getByRole('heading', { level: 2, name: /Library use$/ }).count()).toBe(2);
          expect(await outbox.getByRole('link', { name: new RegExp(surveyPath) }).count()).toBeGreaterThan(0);

          // Results: unweighted, then weighted to the population, then back.
          await visit(page, `${server.baseUrl}/staff/surveys/${survey.id}/results`);
          const q1 = page.locator('table.results-table', { hasText: 'Q1: answers of 18 respondents' });
          expect((await tableOf(q1)).headers).toEqual(['Answer', 'Respondents', 'Share']);
          expect(await page.getByText(/^Weighted by raking to/).count()).toBe(0);

          await page
            .getByLabel('Figures', { exact: true })
            .selectOption({ label: 'Weighted to the target population' });
          await clickThrough(page, () => page.getByRole('button', { name: 'Show', exact: true }).click());
          expect(new URL(page.url()).searchParams.get('weighted')).toBe('1');
          expect(
            await page.getByText('Weighted by raking to: District (Census 2025, 2025-01-01).').count(),
          ).toBe(1);
          const weighted = await tableOf(q1);
          expect(weighted.headers).toEqual(['Answer', 'Respondents', 'Weighted share', 'Unweighted share']);
          // Raked to half north (all "yes") and half south (all "no").
          expect(weighted.rows.map((r) => [r[0], r[2], r[3]])).toEqual([
            ['Yes', '50 %', '66.7 %'],
            ['No', '50 %', '33.3 %'],
          ]);

          await page.getByLabel('Figures', { exact: true }).selectOption({ label: 'Unweighted' });
          await clickThrough(page, () => page.getByRole('button', { name: 'Show', exact: true }).click());
          expect(new URL(page.url()).searchParams.get('weighted')).toBe('');
          expect(await page.getByText(/^Weighted by raking to/).count()).toBe(0);
          const plain = await tableOf(q1);
          expect(plain.headers).toEqual(['Answer', 'Respondents', 'Share']);
          expect(plain.rows).toEqual([
            ['Yes', '12', '66.7 %'],
            ['No', '6', '33.3 %'],
          ]);
        } finally {
          await context.close();
          await adminContext.close();
        }
      },
    );
  },
);
