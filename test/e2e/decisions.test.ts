import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordDecision } from '../../src/modules/decisions/record-decision.js';
import { submitResponse } from '../../src/modules/surveys/submit-response.js';
import { actorOf } from '../../src/modules/staff/actor-of.js';
import { clickThrough, FLOW_TIMEOUT, newContext, signInThroughForm, useBrowser } from '../support/browser.js';
import { buildIdea } from '../support/idea-factory.js';
import { buildSurvey } from '../support/survey-factory.js';
import { buildInitiative } from '../support/initiative-factory.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { buildOrganization, buildStaff } from '../support/staff-factory.js';

const chromium = useBrowser();

/** Follows a link or form to a page without auditing it (the same page template is audited once elsewhere in the flow). */
async function follow(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), click()]);
}
const serverOf = useTestServers();
let server: TestServer;

describe.each(browserMatrix)(
  'linking input to a decision ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });

    it(
      'a facilitator searches the linking screen, links an idea and two survey responses, marks one reviewed and adopts the decision',
      { timeout: FLOW_TIMEOUT },
      async () => {
        // Data through use cases: the clicks below are what is tested.
        const org = await buildOrganization(server.db, { name: 'Nordby Kommune' });
        const member = await buildStaff(server.db, { organizationId: org.id, role: 'facilitator' });
        const initiative = await buildInitiative(server.db, org.id, {
          open: true,
          staffId: member.id,
          plan: { title: 'Waiting for the bus' },
        });
        const actor = actorOf(member);
        await buildIdea(server.db, actor, initiative.id, {
          title: 'Roof over the clinic bench',
          description: 'Somewhere to sit.',
          problem: 'Long waits.',
        });
        await buildIdea(server.db, actor, initiative.id, {
          title: 'Longer opening hours',
          description: 'Open until 20.',
          problem: 'Closed when we finish work.',
        });
        // Survey responses reach the linking screen through the `survey_response` input source (registry on main).
        const survey = await buildSurvey(server.db, actor, initiative.id, {
          settings: { titleEn: 'Bus stop survey', titleDa: 'Busstop' },
          questions: [{ kind: 'short_text', textEn: 'What would help you wait?' }],
        });
        const question = survey.questions[0]!.id;
        for (const words of ['A bench at the school stop', 'A bench by the library'])
          await submitResponse(server.db, actor, survey.survey.id, { answers: { [question]: words } });
        const decision = await recordDecision(server.db, actor, initiative.id, {
          title: 'Benches with roofs at three stops',
          rationale: 'Many asked for somewhere dry to wait.',
          decidedBy: 'council',
          decidedOn: '2026-11-20',
          status: 'under_consideration',
          topic: 'Waiting',
        });

        const context = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await context.newPage();
          await signInThroughForm(page, server.baseUrl, member);
          // The decision page is audited at the end, with its linked input; here it is empty.
          await page.goto(`${server.baseUrl}/staff/initiatives/${initiative.id}/decisions/${decision.id}`);
          expect(await page.getByText('No input is linked yet.').count()).toBe(1);

          await follow(page, () => page.getByRole('link', { name: 'Link input' }).click());
          await page.getByLabel('Words to look for').fill('bench');
          await follow(page, () => page.getByRole('button', { name: 'Search' }).click());
          expect(await page.getByText('3 found').count()).toBe(1);
          expect(await page.getByText('Longer opening hours').count()).toBe(0);

          for (const [i, name] of [
            /^Link\s*: Idea Roof over the clinic bench, “Somewhere to sit/,
            /^Link\s*: Survey response Bus stop survey · [\d-]+, “A bench at the school stop”$/,
            /^Link\s*: Survey response Bus stop survey · [\d-]+, “A bench by the library”$/,
          ].entries()) {
            const link = () => page.getByRole('button', { name }).click();
            if (i === 0) await clickThrough(page, link);
            else await follow(page, link);
            expect(await page.getByText('The input is linked to the decision.').count()).toBe(1);
            // The search stays, so the next hit is on the same page.
            expect(await page.getByLabel('Words to look for').inputValue()).toBe('bench');
          }
          expect(await page.getByText('Linked to this decision').count()).toBe(3);
          await follow(page, () =>
            page
              .getByRole('button', {
                name: /^Mark reviewed\s*: Survey response Bus stop survey · [\d-]+, “A bench by the library”$/,
              })
              .click(),
          );
          expect(await page.getByText('The input is marked reviewed.').count()).toBe(1);

          await follow(page, () => page.getByRole('link', { name: 'Back to the decision' }).click());
          expect(await page.getByRole('row').count()).toBe(4);
          await clickThrough(page, () => page.getByRole('link', { name: 'Edit the decision' }).click());
          await page.getByLabel('Status').selectOption({ label: 'Adopted' });
          await clickThrough(page, () => page.getByRole('button', { name: 'Save the changes' }).click());
          expect(await page.getByText('The decision is saved.').count()).toBe(1);
          expect(await page.getByText('Adopted', { exact: true }).count()).toBe(1);
          expect(await page.getByRole('link', { name: 'Roof over the clinic bench' }).count()).toBe(1);
          expect(
            await page
              .getByRole('button', {
                name: /^Unmark reviewed\s*: Survey response Bus stop survey · [\d-]+, “A bench by the library”$/,
              })
              .count(),
          ).toBe(1);
        } finally {
          await context.close();
        }
      },
    );
  },
);
