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
import { settleAnalyses } from '../../src/modules/conversations/analysis-scheduler.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;
const polis = (file: string) =>
  new URL(`../../src/modules/demo/polis/london-youth-policing/${file}`, import.meta.url).pathname;

async function countText(page: Page, text: string | RegExp): Promise<number> {
  return page.getByText(text).count();
}

describe.each(browserMatrix)(
  'conversations for staff ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });

    it(
      'a facilitator creates, edits and seeds a conversation, imports one from Pol.is and reads its results',
      { timeout: FLOW_TIMEOUT },
      async () => {
        const org = await buildOrganization(server.db, { name: 'Sydby Kommune' });
        const facilitator = await buildStaff(server.db, { organizationId: org.id, role: 'facilitator' });
        const initiative = await buildInitiative(server.db, org.id, {
          open: true,
          staffId: facilitator.id,
          plan: { title: 'Safer streets' },
        });
        const context = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await context.newPage();
          await signInThroughForm(page, server.baseUrl, facilitator);
          const list = `${server.baseUrl}/staff/initiatives/${initiative.id}/conversations`;
          await visit(page, list);
          expect(await countText(page, 'No conversations yet.')).toBe(1);

          // A new conversation: errors beside the fields first, then created.
          await clickThrough(page, () => page.getByRole('link', { name: 'New conversation' }).click());
          await page.getByLabel('Longest statement (characters)').fill('5');
          await clickThrough(page, () => page.getByRole('button', { name: 'Save' }).click());
          expect(await countText(page, 'Question or topic: Enter a value')).toBe(1);
          await page.getByLabel('Question or topic').fill('How can our streets feel safer?');
          await page.getByLabel('Longest statement (characters)').fill('140');
          await page
            .getByLabel('After publication: new statements are shown at once and can be hidden')
            .check();
          await clickThrough(page, () => page.getByRole('button', { name: 'Save' }).click());
          expect(await countText(page, 'The conversation was created.')).toBe(1);

          await clickThrough(page, () => page.getByRole('link', { name: 'Edit', exact: true }).click());
          await page.getByLabel('More about it (optional)').fill('Tell us where and when you feel unsafe.');
          await clickThrough(page, () => page.getByRole('button', { name: 'Save' }).click());
          expect(await countText(page, 'The conversation was saved.')).toBe(1);
          await page.getByRole('textbox', { name: 'Seed statement' }).fill('Better street lighting would help.');
          await clickThrough(page, () => page.getByRole('button', { name: 'Add seed statement' }).click());
          expect(await countText(page, 'The seed statement was added.')).toBe(1);
          await clickThrough(page, () => page.getByRole('button', { name: 'Open conversation' }).click());
          expect(await countText(page, 'The conversation is open.')).toBe(1);
          await page.getByLabel('Reason for hiding statement 1').selectOption({ label: 'Off topic' });
          await clickThrough(page, () => page.getByRole('button', { name: 'Hide statement 1' }).click());
          expect(await countText(page, 'Hidden (Off topic); Seed (staff)')).toBe(1);

          // Import from Pol.is: a missing file is named, then the real files go in.
          await visit(page, list);
          await clickThrough(page, () => page.getByRole('link', { name: 'Import from Pol.is' }).click());
          await page.getByLabel('Question or topic').fill('Young people and policing');
          await page.getByLabel('comments.csv').setInputFiles(polis('comments.csv'));
          await clickThrough(page, () => page.getByRole('button', { name: 'Import from Pol.is' }).click());
          expect(
            await countText(page, 'Upload comments.csv and votes.csv, or participants-votes.csv'),
          ).toBeGreaterThan(0);
          await page.getByLabel('comments.csv').setInputFiles(polis('comments.csv'));
          await page.getByLabel('votes.csv', { exact: true }).setInputFiles(polis('votes.csv'));
          await clickThrough(page, () => page.getByRole('button', { name: 'Import from Pol.is' }).click());
          expect(await countText(page, 'The conversation was imported.')).toBe(1);

          await settleAnalyses(server.db);
          await clickThrough(page, () => page.getByRole('link', { name: 'Results', exact: true }).click());
          expect(await page.locator('svg[role="img"]').count()).toBe(1);
          expect(await page.getByRole('heading', { name: 'Opinion groups' }).count()).toBe(1);
          expect(await countText(page, /638 votes from 26 participants/)).toBe(1);
        } finally {
          await context.close();
        }
      },
    );
  },
);
