import { beforeEach, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  newContext,
  signInThroughForm,
  FLOW_TIMEOUT,
  useBrowser,
  waitForLanguage,
  visit,
} from '../support/browser.js';
import { buildInitiative } from '../support/initiative-factory.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { buildOrganization, buildStaff } from '../support/staff-factory.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

describe.each(browserMatrix)(
  'switching the language to Danish ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });
    it('translates a participant page and marks it lang="da"', { timeout: FLOW_TIMEOUT }, async () => {
      const org = await buildOrganization(server.db, { name: 'Sundby Kommune' });
      const initiative = await buildInitiative(server.db, org.id, {
        open: true,
        plan: { title: 'Bedre ventesale' },
      });
      const context = await newContext(chromium.browser, { javaScriptEnabled });
      try {
        const page = await context.newPage();
        await visit(page, `${server.baseUrl}/o/${org.slug}`);
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
        await expect.poll(() => page.getByRole('heading', { name: 'Open initiatives' }).count()).toBe(1);
        await expect.poll(() => page.getByRole('link', { name: 'My data' }).count()).toBe(1);

        await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Dansk' }).click();
        await waitForLanguage(page, 'da');
        expect(new URL(page.url()).pathname).toBe(`/o/${org.slug}`);
        await expectNoAxeViolations(page);
        await expect.poll(() => page.getByRole('heading', { name: 'Åbne initiativer' }).count()).toBe(1);
        await expect.poll(() => page.getByRole('link', { name: 'Mine data' }).count()).toBe(1);
        await expect.poll(() => page.getByRole('link', { name: 'My data' }).count()).toBe(0);
        // Content written by the organization stays as written; only the interface is translated.
        await expect.poll(() => page.getByRole('link', { name: initiative.title }).count()).toBe(1);

        // The choice is remembered on the next page, and the switch offers the way back.
        await page.getByRole('link', { name: initiative.title }).click();
        await page.waitForURL(`**/o/${org.slug}/i/${initiative.slug}`);
        await expectNoAxeViolations(page);
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('da');
        await expect.poll(() => page.getByRole('heading', { name: 'Hvorfor vi spørger' }).count()).toBe(1);
        await page.getByRole('navigation', { name: 'Sprog' }).getByRole('link', { name: 'English' }).click();
        await waitForLanguage(page, 'en');
        await expectNoAxeViolations(page);
        await expect.poll(() => page.getByRole('heading', { name: 'Why we are asking' }).count()).toBe(1);
      } finally {
        await context.close();
      }
    });

    it('translates a staff page and marks it lang="da"', { timeout: FLOW_TIMEOUT }, async () => {
      const org = await buildOrganization(server.db);
      const facilitator = await buildStaff(server.db, {
        organizationId: org.id,
        role: 'facilitator',
        name: 'Freja Facilitator',
      });
      const context = await newContext(chromium.browser, { javaScriptEnabled });
      try {
        const page = await context.newPage();
        await signInThroughForm(page, server.baseUrl, facilitator);
        expect(new URL(page.url()).pathname).toBe('/staff');
        await expectNoAxeViolations(page);
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
        const staffNav = page.getByRole('navigation', { name: 'Staff' });
        await expect.poll(() => staffNav.getByRole('link', { name: 'Initiatives' }).count()).toBe(1);
        await expect
          .poll(() => page.getByRole('heading', { name: 'Welcome, Freja Facilitator' }).count())
          .toBe(1);

        await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Dansk' }).click();
        await waitForLanguage(page, 'da');
        expect(new URL(page.url()).pathname).toBe('/staff');
        await expectNoAxeViolations(page);
        const danishNav = page.getByRole('navigation', { name: 'Medarbejdere' });
        await expect.poll(() => danishNav.getByRole('link', { name: 'Initiativer' }).count()).toBe(1);
        await expect
          .poll(() => page.getByRole('heading', { name: 'Velkommen, Freja Facilitator' }).count())
          .toBe(1);
        await expect
          .poll(() => page.getByRole('button', { name: 'Log ud (Freja Facilitator)' }).count())
          .toBe(1);
      } finally {
        await context.close();
      }
    });
  },
);
