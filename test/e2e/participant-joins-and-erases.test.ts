import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickThrough, FLOW_TIMEOUT, newContext, useBrowser, visit } from '../support/browser.js';
import { buildInitiative } from '../support/initiative-factory.js';
import { buildDemographics } from '../support/participant-factory.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { buildOrganization } from '../support/staff-factory.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

async function countText(page: Page, text: string | RegExp): Promise<number> {
  return page.getByText(text).count();
}

/** The value shown beside a term in a definition list. */
async function factOf(page: Page, term: string): Promise<string> {
  return page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').first().innerText();
}

describe.each(browserMatrix)(
  'a participant joins, sees and downloads their data, then erases it ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });
    it('goes from the organization page to an erased "My data"', { timeout: FLOW_TIMEOUT }, async () => {
      const org = await buildOrganization(server.db, { name: 'Sydby Kommune' });
      await buildDemographics(server.db, org.id);
      const initiative = await buildInitiative(server.db, org.id, {
        open: true,
        plan: {
          title: 'A better library',
          summary: 'Tell us what would make the library better for you.',
          consentText: 'We keep your answers to improve the library.\n\nYou can erase your data at any time.',
        },
      });
      const context = await newContext(chromium.browser, { javaScriptEnabled });
      try {
        const page = await context.newPage();

        // The organization page lists the open initiative; its page offers to take part.
        await visit(page, `${server.baseUrl}/o/${org.slug}`);
        expect(await page.getByRole('heading', { level: 1, name: 'Sydby Kommune' }).count()).toBe(1);
        await clickThrough(page, () => page.getByRole('link', { name: 'A better library' }).click());
        expect(new URL(page.url()).pathname).toBe(`/o/${org.slug}/i/${initiative.slug}`);
        await clickThrough(page, () => page.getByRole('link', { name: 'Take part' }).click());
        expect(new URL(page.url()).pathname).toBe(`/o/${org.slug}/i/${initiative.slug}/join`);

        // Join: the consent text is shown, agreement is explicit, details are optional.
        expect(await page.getByRole('heading', { name: 'Consent (version 1)' }).count()).toBe(1);
        expect(await countText(page, 'You can erase your data at any time.')).toBe(1);
        await page.getByLabel('Email address').fill('ada@example.org');
        await page.getByLabel('Yes, tell me by email what happened with the input').check();
        await page.getByLabel('Accessibility needs').fill('Large print');
        await page.getByLabel('I have read the text above and agree to take part').check();
        await clickThrough(page, () => page.getByRole('button', { name: 'Take part' }).click());
        expect(await countText(page, 'Welcome! You now take part in this initiative.')).toBe(1);
        const memberText = await page.getByText(/^Your pseudonym is /).innerText();
        const pseudonym = /Your pseudonym is (.+?)\. /.exec(memberText)?.[1] ?? '';
        expect(pseudonym).not.toBe('');

        // Background questions, each optional.
        await clickThrough(page, () =>
          page.getByRole('link', { name: 'Answer background questions (optional)' }).click(),
        );
        expect(new URL(page.url()).pathname).toBe(`/o/${org.slug}/me/demographics`);
        await page.getByRole('group', { name: 'Age band' }).getByLabel('30 to 59').check();
        await page.getByRole('group', { name: 'District' }).getByLabel('Prefer not to say').check();
        await clickThrough(page, () => page.getByRole('button', { name: 'Save answers' }).click());

        // My data shows everything held.
        expect(new URL(page.url()).pathname).toBe(`/o/${org.slug}/me`);
        expect(await page.getByRole('heading', { level: 1, name: 'My data' }).count()).toBe(1);
        expect(await countText(page, 'Your answers were saved.')).toBe(1);
        expect(await factOf(page, 'Pseudonym')).toBe(pseudonym);
        expect(await factOf(page, 'Email address')).toBe('ada@example.org');
        expect(await factOf(page, 'Accessibility needs')).toBe('Large print');
        expect(await factOf(page, 'Age band')).toBe('30 to 59');
        expect(await factOf(page, 'District')).toBe('Prefer not to say');
        expect(await page.getByRole('cell', { name: 'A better library' }).count()).toBe(1);

        // The JSON download holds the same.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Download my data (JSON)' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`my-data-${org.slug}.json`);
        const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
          organization: { slug: string; name: string };
          participant: {
            pseudonym: string;
            email: string | null;
            followUp: boolean;
            accessibilityNeeds: string;
          };
          demographics: { attribute: string; category: string | null; preferNotToSay: boolean }[];
          initiatives: { slug: string; title: string; consentVersion: number }[];
        };
        expect(exported.organization).toEqual({ slug: org.slug, name: 'Sydby Kommune' });
        expect(exported.participant).toMatchObject({
          pseudonym,
          email: 'ada@example.org',
          followUp: true,
          accessibilityNeeds: 'Large print',
        });
        expect(exported.demographics.map((d) => [d.attribute, d.category, d.preferNotToSay]).sort()).toEqual([
          ['age_band', '30_59', false],
          ['district', null, true],
        ]);
        expect(exported.initiatives).toMatchObject([
          { slug: initiative.slug, title: 'A better library', consentVersion: 1 },
        ]);

        // Erase, confirming with the word the page asks for.
        await page.getByLabel('Confirmation').fill('ERASE');
        await clickThrough(page, () => page.getByRole('button', { name: 'Erase my data' }).click());
        expect(new URL(page.url()).pathname).toBe(`/o/${org.slug}/me`);
        expect(await countText(page, 'Your personal data was erased. We no longer know who you are.')).toBe(
          1,
        );
        expect(await page.getByRole('heading', { name: 'We store nothing about you here' }).count()).toBe(1);
        expect(await countText(page, 'ada@example.org')).toBe(0);
        expect(await countText(page, pseudonym)).toBe(0);
        expect(await page.getByRole('link', { name: 'Download my data (JSON)' }).count()).toBe(0);

        // Gone for good: no download any more, and "My data" stays empty on a fresh visit.
        const again = await context.request.get(`${server.baseUrl}/o/${org.slug}/me/data.json`);
        expect(again.status()).toBe(404);
        await visit(page, `${server.baseUrl}/o/${org.slug}/me`);
        expect(await page.getByRole('heading', { name: 'We store nothing about you here' }).count()).toBe(1);

        // And in the database: no email, accessibility needs or background answers are left.
        const left = await server.db
          .selectFrom('participants')
          .select(['id', 'email', 'accessibility_needs', 'pseudonym', 'erased_at'])
          .where('organization_id', '=', org.id)
          .execute();
        expect(left).toHaveLength(1);
        expect(left[0]).toMatchObject({ email: null, accessibility_needs: '' });
        expect(left[0]?.pseudonym).not.toBe(pseudonym);
        expect(left[0]?.erased_at).not.toBeNull();
        const answers = await server.db
          .selectFrom('participant_demographics')
          .select('participant_id')
          .where('organization_id', '=', org.id)
          .execute();
        expect(answers).toEqual([]);
      } finally {
        await context.close();
      }
    });
  },
);
