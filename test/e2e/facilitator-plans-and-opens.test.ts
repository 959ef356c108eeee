import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clickThrough,
  expectNoAxeViolations,
  newContext,
  signInThroughForm,
  FLOW_TIMEOUT,
  useBrowser,
  visit,
} from '../support/browser.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { buildOrganization, buildStaff } from '../support/staff-factory.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

async function countText(page: Page, text: string | RegExp): Promise<number> {
  return page.getByText(text).count();
}

describe.each(browserMatrix)(
  'a facilitator plans an initiative and opens it ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });
    it(
      'is blocked by the planning checklist until the plan is complete, then opens it publicly',
      { timeout: FLOW_TIMEOUT },
      async () => {
        const org = await buildOrganization(server.db, { name: 'Nordby Kommune' });
        const facilitator = await buildStaff(server.db, {
          organizationId: org.id,
          role: 'facilitator',
          name: 'Frida Facilitator',
        });
        const title = `Shorter queues at the citizen centre (${javaScriptEnabled ? 'js' : 'no js'})`;
        const context = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await context.newPage();
          await signInThroughForm(page, server.baseUrl, facilitator);
          expect(new URL(page.url()).pathname).toBe('/staff');
          await expectNoAxeViolations(page);

          await clickThrough(page, () =>
            page
              .getByRole('navigation', { name: 'Staff' })
              .getByRole('link', { name: 'Initiatives' })
              .click(),
          );
          expect(new URL(page.url()).pathname).toBe('/staff/initiatives');
          await clickThrough(page, () => page.getByRole('link', { name: 'New initiative' }).click());
          expect(new URL(page.url()).pathname).toBe('/staff/initiatives/new');

          // An incomplete plan: no purpose, no target group, no plan for telling participants.
          await page.getByLabel('Title', { exact: true }).fill(title);
          await page.getByLabel('Summary', { exact: true }).fill('Tell us how waiting could be better.');
          await page.getByLabel('Objectives', { exact: true }).fill('Halve the waiting time\nKnow who waits');
          await page
            .getByLabel('Consent text', { exact: true })
            .fill('We store your answers to improve the citizen centre. You can erase them at any time.');
          await clickThrough(page, () => page.getByRole('button', { name: 'Create initiative' }).click());
          expect(new URL(page.url()).pathname).toMatch(/^\/staff\/initiatives\/[0-9a-f-]{36}$/);
          const detailUrl = page.url().split('?')[0] ?? '';
          expect(await page.getByRole('heading', { level: 1, name: title }).count()).toBe(1);
          expect(await countText(page, 'The initiative was created as a draft.')).toBe(1);
          expect(await page.getByRole('heading', { name: 'Planning checklist' }).count()).toBe(1);
          expect(
            await countText(
              page,
              'The initiative cannot open yet. Missing: Purpose, Target group, Plan for telling participants what happened.',
            ),
          ).toBe(1);

          // A draft is not on the public organization page.
          const publicPage = await context.newPage();
          await visit(publicPage, `${server.baseUrl}/o/${org.slug}`);
          expect(await publicPage.getByRole('link', { name: title }).count()).toBe(0);

          // Opening is refused, and the page says why.
          await clickThrough(page, () => page.getByRole('button', { name: 'Open initiative' }).click());
          const alert = page.getByRole('alert');
          expect(await alert.count()).toBe(1);
          expect(await alert.innerText()).toMatch(
            /Complete the planning checklist before opening the initiative/,
          );
          // The reason names the missing items as the checklist does, not by their internal keys
          // (soft, so the rest of the flow is still checked when this fails).
          const reason = await alert.innerText();
          expect.soft(reason).toMatch(/Purpose, Target group, Plan for telling participants what happened/);
          expect.soft(reason).not.toMatch(/targetGroup|feedbackPlan/);
          expect(await page.locator('.tag').first().innerText()).toBe('Draft');

          // Complete the plan.
          await clickThrough(page, () => page.getByRole('link', { name: 'Edit plan' }).click());
          expect(page.url()).toBe(`${detailUrl}/edit`);
          expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
          await page
            .getByLabel('Purpose', { exact: true })
            .fill('Learn what makes waiting at the citizen centre hard.');
          await page
            .getByLabel('Target group', { exact: true })
            .fill('Everyone who visits the citizen centre');
          await page
            .getByLabel('How we will tell you what happened with your input', { exact: true })
            .fill('We publish what we changed on this page within three months.');
          await clickThrough(page, () => page.getByRole('button', { name: 'Save' }).click());
          expect(page.url().split('?')[0]).toBe(detailUrl);
          expect(await countText(page, 'The plan was saved.')).toBe(1);
          expect(await countText(page, 'The plan is complete. The initiative can open.')).toBe(1);

          // Open it.
          await clickThrough(page, () => page.getByRole('button', { name: 'Open initiative' }).click());
          expect(await countText(page, 'The initiative is open.')).toBe(1);
          expect(await page.locator('.tag').first().innerText()).toBe('Open');
          expect(await page.getByRole('button', { name: 'Open initiative' }).count()).toBe(0);

          // The public organization page lists it, and its public page shows the plan.
          await visit(publicPage, `${server.baseUrl}/o/${org.slug}`);
          await clickThrough(publicPage, () => publicPage.getByRole('link', { name: title }).click());
          expect(await publicPage.getByRole('heading', { level: 1, name: title }).count()).toBe(1);
          expect(await countText(publicPage, 'Learn what makes waiting at the citizen centre hard.')).toBe(1);
          expect(await publicPage.getByRole('link', { name: 'Take part' }).count()).toBe(1);
        } finally {
          await context.close();
        }
      },
    );
  },
);
