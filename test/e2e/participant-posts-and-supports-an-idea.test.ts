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
import { PIXEL_PNG } from '../support/idea-factory.js';
import { buildInitiative } from '../support/initiative-factory.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { buildOrganization, buildStaff } from '../support/staff-factory.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

describe.each(browserMatrix)(
  'a participant posts and supports an idea; staff answer it ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });
    it(
      'goes from the initiative page to a supported idea with a public status',
      { timeout: FLOW_TIMEOUT },
      async () => {
        const org = await buildOrganization(server.db, { name: 'Nordby Kommune' });
        const facilitator = await buildStaff(server.db, { organizationId: org.id, role: 'facilitator' });
        const initiative = await buildInitiative(server.db, org.id, {
          open: true,
          staffId: facilitator.id,
          plan: { title: 'Better bus stops' },
        });
        const context = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await context.newPage();
          await visit(page, `${server.baseUrl}/o/${org.slug}/i/${initiative.slug}`);
          await clickThrough(page, () => page.getByRole('link', { name: 'See and share ideas' }).click());
          expect(
            await page.getByRole('heading', { level: 1, name: 'Ideas for Better bus stops' }).count(),
          ).toBe(1);

          // Posting needs the initiative's consent first: the board sends newcomers to join.
          await clickThrough(page, () => page.getByRole('link', { name: 'Post an idea' }).click());
          expect(new URL(page.url()).pathname).toBe(`/o/${org.slug}/i/${initiative.slug}/join`);
          await page.getByLabel('I have read the text above and agree to take part').check();
          await clickThrough(page, () => page.getByRole('button', { name: 'Take part' }).click());
          await visit(page, `${server.baseUrl}/o/${org.slug}/i/${initiative.slug}/ideas/new`);

          // A missing title is named beside the field, and what was typed stays.
          await page.getByLabel('Your idea').fill('A roof over the stop by the clinic.');
          await page.getByLabel('The problem or need it addresses').fill('People wait in the rain.');
          await clickThrough(page, () => page.getByRole('button', { name: 'Post the idea' }).click());
          expect(await page.getByText('Enter a value').count()).toBeGreaterThan(0);
          expect(await page.getByLabel('Your idea').inputValue()).toBe('A roof over the stop by the clinic.');

          await page.getByLabel('Title').fill('Roof at the clinic stop');
          await page.getByLabel('Image (optional)').setInputFiles({
            name: 'sketch.png',
            mimeType: 'image/png',
            buffer: PIXEL_PNG,
          });
          await page.getByLabel('What the image shows (optional)').fill('A sketch of a bus stop with a roof');
          await clickThrough(page, () => page.getByRole('button', { name: 'Post the idea' }).click());
          expect(await page.getByText('Thank you. Your idea is on the board.').count()).toBe(1);
          expect(await page.getByRole('img', { name: 'A sketch of a bus stop with a roof' }).count()).toBe(1);

          await clickThrough(page, () => page.getByRole('button', { name: 'Support this idea' }).click());
          expect(await page.getByText('Thank you for your support.').count()).toBe(1);
          expect(await page.getByText('Supporters: 1').count()).toBe(1);
          expect(await page.getByText('You support this idea.').count()).toBe(1);
          await page.getByLabel('Your comment').fill('Benches too, please.');
          await clickThrough(page, () => page.getByRole('button', { name: 'Add the comment' }).click());
          expect(await page.getByText('Benches too, please.').count()).toBe(1);
          const ideaUrl = page.url().split('?')[0]!;

          // The facilitator moves it along with a reason everyone sees.
          const staff = await newContext(chromium.browser, { javaScriptEnabled });
          try {
            const desk = await staff.newPage();
            await signInThroughForm(desk, server.baseUrl, facilitator);
            await visit(desk, `${server.baseUrl}/staff/initiatives/${initiative.id}/ideas`);
            await clickThrough(desk, () =>
              desk.getByRole('link', { name: 'Roof at the clinic stop' }).click(),
            );
            await desk.getByLabel('Status', { exact: true }).selectOption('under_review');
            await desk.getByLabel('Reason (shown publicly)').fill('The bus company is looking at it.');
            await clickThrough(desk, () => desk.getByRole('button', { name: 'Change the status' }).click());
            expect(await desk.getByText('The status was changed.').count()).toBe(1);
          } finally {
            await staff.close();
          }
          await page.goto(ideaUrl);
          await expectNoAxeViolations(page);
          expect(await page.getByText('Under review').count()).toBe(1);
          expect(await page.getByText('The bus company is looking at it.').count()).toBe(1);
        } finally {
          await context.close();
        }
      },
    );
  },
);
