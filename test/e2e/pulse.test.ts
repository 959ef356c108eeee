import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clickThrough,
  FLOW_TIMEOUT,
  newContext,
  signInThroughForm,
  useBrowser,
  visit,
} from '../support/browser.js';
import { buildInitiative } from '../support/initiative-factory.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { buildOrganization, buildStaff } from '../support/staff-factory.js';

// One short flow, only without JavaScript (the pulse must work without it; the JavaScript cells add
// nothing the HTTP tests do not cover): post an idea, answer the pulse, read the staff report.
const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

/** Clicks and waits for the next page, without an accessibility check (pages tested elsewhere). */
async function go(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), click()]);
}

describe.each(browserMatrix.filter((cell) => !cell.javaScriptEnabled))(
  'a participant answers the experience pulse after posting an idea ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });
    it('answers the pulse without JavaScript; the report shows it', { timeout: FLOW_TIMEOUT }, async () => {
      const org = await buildOrganization(server.db, { name: 'Sydby Kommune' });
      // k = 1 so a single answer is shown with its bars (the suppression itself is tested over HTTP).
      await server.db
        .updateTable('organizations')
        .set({ small_cell_k: 1 })
        .where('id', '=', org.id)
        .execute();
      const facilitator = await buildStaff(server.db, { organizationId: org.id, role: 'facilitator' });
      const initiative = await buildInitiative(server.db, org.id, {
        open: true,
        staffId: facilitator.id,
        plan: { title: 'Quieter libraries' },
      });
      const base = `${server.baseUrl}/o/${org.slug}/i/${initiative.slug}`;
      const context = await newContext(chromium.browser, { javaScriptEnabled });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/join`);
        await page.getByLabel('I have read the text above and agree to take part').check();
        await go(page, () => page.getByRole('button', { name: 'Take part' }).click());
        await page.goto(`${base}/ideas/new`);
        await page.getByLabel('Title').fill('Silent hours in the morning');
        await page.getByLabel('Your idea').fill('No phone calls before ten.');
        await page.getByLabel('The problem or need it addresses').fill('It is hard to read.');
        await go(page, () => page.getByRole('button', { name: 'Post the idea' }).click());

        await clickThrough(page, () =>
          page.getByRole('link', { name: 'Answer three questions about taking part' }).click(),
        );
        expect(await page.getByRole('heading', { level: 1, name: 'How was it to take part?' }).count()).toBe(
          1,
        );
        // Nothing chosen: the message is beside the first question and in the summary.
        await clickThrough(page, () => page.getByRole('button', { name: 'Send my answers' }).click());
        expect(await page.getByText('Answer at least one of the three questions').count()).toBeGreaterThan(0);
        await page.getByRole('radio', { name: '4 – Mostly' }).check();
        await page.getByRole('radio', { name: '5 – Very easy' }).check();
        await page.getByLabel('Anything else you want to tell the organizers?').fill('Short and kind.');
        await clickThrough(page, () => page.getByRole('button', { name: 'Send my answers' }).click());
        expect(
          await page.getByRole('heading', { level: 1, name: 'Thank you for your answers' }).count(),
        ).toBe(1);
      } finally {
        await context.close();
      }

      const staff = await newContext(chromium.browser, { javaScriptEnabled });
      try {
        const desk = await staff.newPage();
        await signInThroughForm(desk, server.baseUrl, facilitator);
        await visit(desk, `${server.baseUrl}/staff/initiatives/${initiative.id}/pulse`);
        expect(await desk.getByText('Answers: 1', { exact: true }).count()).toBe(1);
        expect(await desk.getByRole('img', { name: /Did you feel heard\?: answers per point/ }).count()).toBe(
          1,
        );
        expect(await desk.getByText('Short and kind.').count()).toBeGreaterThan(0);
      } finally {
        await staff.close();
      }
    });
  },
);
