import type { Page } from 'playwright-core';
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
import { buildConversation } from '../support/conversation-factory.js';
import { buildInitiative } from '../support/initiative-factory.js';
import { joinAsParticipant } from '../support/participant-factory.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { actorOf, buildOrganization, buildStaff } from '../support/staff-factory.js';
import { settleAnalyses } from '../../src/modules/conversations/analysis-scheduler.js';
import { castVote } from '../../src/modules/conversations/cast-vote.js';
import { PARTICIPANT_COOKIE } from '../../src/modules/participants/participant-cookie.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

const SEEDS = [
  'The library should open on Sundays.',
  'Children need a quiet corner to read.',
  'More computers would help job seekers.',
  'Fines for late books should go.',
  'The café should serve cheaper coffee.',
  'Events for older people are missing.',
  'Self-service machines work well.',
  'The building needs better access for wheelchairs.',
];

async function countText(page: Page, text: string | RegExp): Promise<number> {
  return page.getByText(text).count();
}

/** Votes on the card: without JavaScript the form posts and loads the next page; with it the card is swapped. */
async function vote(
  page: Page,
  choice: 'Agree' | 'Disagree' | 'Pass / unsure',
  javaScript: boolean,
  after: number,
) {
  const button = page.locator('#vote-card').getByRole('button', { name: choice, exact: true });
  if (javaScript) {
    await button.click();
    await page.getByText(new RegExp(`You have voted on ${after} of \\d+ statements\\.`)).waitFor();
  } else if (after === 1) {
    await clickThrough(page, () => button.click());
  } else {
    // The same page with the next card: audited once (above and at the end), not after every vote.
    await Promise.all([page.waitForEvent('load'), button.click()]);
  }
}

describe.each(browserMatrix)(
  'conversations ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });

    it(
      'a participant votes through a conversation, adds a statement, sees the map; a moderator approves; staff print the report',
      { timeout: FLOW_TIMEOUT },
      async () => {
        const org = await buildOrganization(server.db, { name: 'Nordby Kommune' });
        const facilitator = await buildStaff(server.db, {
          organizationId: org.id,
          role: 'facilitator',
          name: 'Mona Moderator',
        });
        const initiative = await buildInitiative(server.db, org.id, {
          open: true,
          staffId: facilitator.id,
          plan: { title: 'The library of tomorrow' },
        });
        const { conversation, statements } = await buildConversation(
          server.db,
          actorOf(facilitator),
          initiative.id,
          { question: 'What should the library do next?', seeds: SEEDS },
        );
        // Ten earlier participants in two camps, so the map has groups to show.
        for (let p = 0; p < 10; p++) {
          const client = await joinAsParticipant(server.app, org.slug, initiative.slug);
          const id = (client.cookies.get(PARTICIPANT_COOKIE) ?? '').split('.')[0];
          for (const [i, st] of statements.entries()) {
            const agree = i < 4 === p < 5;
            await castVote(server.db, org.id, initiative.slug, conversation.id, id, {
              statementId: st.id,
              vote: agree ? 'agree' : 'disagree',
            });
          }
        }

        const participantContext = await newContext(chromium.browser, { javaScriptEnabled });
        const staffContext = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          // The participant finds the conversation on the initiative's page and joins first.
          const page = await participantContext.newPage();
          await visit(page, `${server.baseUrl}/o/${org.slug}/i/${initiative.slug}`);
          await clickThrough(page, () =>
            page.getByRole('link', { name: 'What should the library do next?' }).click(),
          );
          expect(new URL(page.url()).pathname).toBe(`/o/${org.slug}/i/${initiative.slug}/join`);
          await page.getByLabel('I have read the text above and agree to take part').check();
          await clickThrough(page, () => page.getByRole('button', { name: 'Take part' }).click());
          const conversationUrl = `${server.baseUrl}/o/${org.slug}/i/${initiative.slug}/c/${conversation.id}`;
          await visit(page, conversationUrl);
          expect(
            await page.getByRole('heading', { level: 1, name: 'What should the library do next?' }).count(),
          ).toBe(1);
          expect(await countText(page, 'You have voted on 0 of 8 statements.')).toBe(1);

          // Votes through every statement, each shown once.
          if (javaScriptEnabled) await page.evaluate("document.body.setAttribute('data-loaded-once', 'yes')");
          const shown: string[] = [];
          for (let i = 0; i < SEEDS.length; i++) {
            shown.push(await page.locator('#vote-card .statement').innerText());
            await vote(
              page,
              i % 3 === 0 ? 'Agree' : i % 3 === 1 ? 'Disagree' : 'Pass / unsure',
              javaScriptEnabled,
              i + 1,
            );
          }
          expect([...shown].sort()).toEqual([...SEEDS].sort());
          expect(await countText(page, 'You have voted on every statement so far.')).toBe(1);
          if (javaScriptEnabled) {
            // The cards were swapped in place: the page was never reloaded.
            expect(await page.locator('body[data-loaded-once="yes"]').count()).toBe(1);
          }
          await expectNoAxeViolations(page);

          // Adds a statement, which waits for the moderator.
          await clickThrough(page, () => page.getByRole('link', { name: 'Add a statement' }).click());
          await page.getByLabel('Statement').fill('Open a repair café on Saturdays.');
          await clickThrough(page, () => page.getByRole('button', { name: 'Add statement' }).click());
          expect(
            await countText(page, 'Thank you. Your statement waits for a moderator before others see it.'),
          ).toBe(1);
          expect(await countText(page, 'Open a repair café on Saturdays.')).toBe(1);

          // Where they stand: the map with "you are here".
          await settleAnalyses(server.db);
          await clickThrough(page, () => page.getByRole('link', { name: 'See where you stand' }).click());
          expect(await page.locator('svg[role="img"]').count()).toBe(1);
          expect(await page.locator('svg').getByText('You are here').count()).toBe(1);
          expect(await countText(page, /You are in group [AB], with \d+ participants\./)).toBe(1);
          expect(await page.getByRole('heading', { name: 'Opinion groups' }).count()).toBe(1);
          expect(await page.getByRole('heading', { name: 'What nearly everyone agrees on' }).count()).toBe(1);

          // The moderator approves the statement from the queue.
          const staff = await staffContext.newPage();
          await signInThroughForm(staff, server.baseUrl, facilitator);
          await visit(staff, `${server.baseUrl}/staff/initiatives/${initiative.id}`);
          await clickThrough(staff, () =>
            staff.getByRole('main').getByRole('link', { name: 'Conversations', exact: true }).click(),
          );
          await clickThrough(staff, () =>
            staff.getByRole('link', { name: 'What should the library do next?' }).click(),
          );
          expect(await countText(staff, 'Moderation queue (1 waiting)')).toBe(1);
          await clickThrough(staff, () => staff.getByRole('button', { name: 'Approve statement 9' }).click());
          expect(await countText(staff, 'The statement was approved.')).toBe(1);
          expect(await countText(staff, 'No statements are waiting for moderation.')).toBe(1);

          // The participant now gets the approved statement to vote on.
          await visit(page, conversationUrl);
          expect(await page.locator('#vote-card .statement').innerText()).toBe(
            'Open a repair café on Saturdays.',
          );

          // Staff open the printable report; printed, the navigation is left out.
          await clickThrough(staff, () => staff.getByRole('link', { name: 'Printable report' }).click());
          expect(
            await staff
              .getByRole('heading', { level: 1, name: 'Report: What should the library do next?' })
              .count(),
          ).toBe(1);
          expect(await staff.locator('.report svg[role="img"]').count()).toBe(1);
          await staff.emulateMedia({ media: 'print' });
          expect(await staff.locator('.report nav').isVisible()).toBe(false);
          expect(await staff.getByRole('heading', { name: 'Opinion groups' }).isVisible()).toBe(true);
        } finally {
          await participantContext.close();
          await staffContext.close();
        }
      },
    );
  },
);
