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
import { buildInitiative } from '../support/initiative-factory.js';
import { buildDemographics, joinAsParticipant } from '../support/participant-factory.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { buildOrganization, buildStaff } from '../support/staff-factory.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

async function countText(page: Page, text: string | RegExp): Promise<number> {
  return page.getByText(text).count();
}

function staffNav(page: Page) {
  return page.getByRole('navigation', { name: 'Staff' });
}

describe.each(browserMatrix)(
  'an administrator ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });
    // Plain forms and a mailed link: the cells without JavaScript are enough (the tour below runs in every cell).
    if (!javaScriptEnabled)
      it(
        'creates a department and invites a colleague, who accepts through the mailed link',
        { timeout: FLOW_TIMEOUT },
        async () => {
          const org = await buildOrganization(server.db, { name: 'Østby Kommune' });
          const admin = await buildStaff(server.db, {
            organizationId: org.id,
            role: 'admin',
            name: 'Alma Admin',
          });
          const context = await newContext(chromium.browser, { javaScriptEnabled });
          const inviteeContext = await newContext(chromium.browser, { javaScriptEnabled });
          try {
            const page = await context.newPage();
            await signInThroughForm(page, server.baseUrl, admin);
            await expectNoAxeViolations(page);

            await clickThrough(page, () => staffNav(page).getByRole('link', { name: 'Team' }).click());
            expect(new URL(page.url()).pathname).toBe('/staff/team');
            await page.getByLabel('Department name').fill('Citizen service');
            await clickThrough(page, () => page.getByRole('button', { name: 'Create department' }).click());
            expect(await countText(page, 'The department was created.')).toBe(1);

            const email = `ida-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`;
            await page.getByLabel('Their email address').fill(email);
            await page.getByLabel('Their name').fill('Ida Invited');
            await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Facilitator' });
            await page.getByLabel('Department', { exact: true }).selectOption({ label: 'Citizen service' });
            await clickThrough(page, () => page.getByRole('button', { name: 'Send invitation' }).click());
            expect(await countText(page, 'The invitation is on its way.')).toBe(1);
            expect(await page.getByRole('cell', { name: email }).count()).toBe(1);

            // Without a mail server the invitation waits in the outbox, with its link.
            await clickThrough(page, () => staffNav(page).getByRole('link', { name: 'Outbox' }).click());
            expect(new URL(page.url()).pathname).toBe('/staff/outbox');
            expect(await countText(page, email)).toBeGreaterThan(0);
            const link = page.locator(`a[href^="${server.baseUrl}/invitations/"]`).first();
            const invitationUrl = await link.getAttribute('href');
            expect(invitationUrl).toBeTruthy();

            // The colleague accepts in their own browser.
            const invitee = await inviteeContext.newPage();
            await visit(invitee, invitationUrl ?? '');
            expect(await invitee.getByRole('heading', { level: 1, name: 'Join Østby Kommune' }).count()).toBe(
              1,
            );
            await invitee.getByLabel('Password', { exact: true }).fill('a long and memorable passphrase');
            await invitee.getByLabel('Password again').fill('a long and memorable passphrase');
            await clickThrough(invitee, () =>
              invitee.getByRole('button', { name: 'Create my account' }).click(),
            );
            expect(new URL(invitee.url()).pathname).toBe('/staff/team');
            expect(await countText(invitee, 'Welcome! Your account is ready and you are signed in.')).toBe(1);
            expect(await invitee.getByRole('button', { name: 'Sign out (Ida Invited)' }).count()).toBe(1);
            // A facilitator's navigation has no admin pages.
            expect(await staffNav(invitee).getByRole('link', { name: 'Audit log' }).count()).toBe(0);

            // The team now lists the colleague; the audit log recorded the invitation.
            await clickThrough(page, () => staffNav(page).getByRole('link', { name: 'Team' }).click());
            expect(await page.getByRole('link', { name: 'Ida Invited' }).count()).toBe(1);
            await clickThrough(page, () => page.getByRole('link', { name: 'Ida Invited' }).click());
            expect(await page.getByRole('heading', { level: 1, name: 'Ida Invited' }).count()).toBe(1);
            await clickThrough(page, () => staffNav(page).getByRole('link', { name: 'Audit log' }).click());
            expect(new URL(page.url()).pathname).toBe('/staff/audit');
            expect(await page.getByRole('table').count()).toBeGreaterThan(0);
          } finally {
            await context.close();
            await inviteeContext.close();
          }
        },
      );

    it(
      'finds every staff page accessible, including forms showing errors',
      { timeout: FLOW_TIMEOUT },
      async () => {
        const org = await buildOrganization(server.db);
        const admin = await buildStaff(server.db, {
          organizationId: org.id,
          role: 'admin',
          name: 'Alma Admin',
        });
        await buildDemographics(server.db, org.id);
        const initiative = await buildInitiative(server.db, org.id, { open: true, staffId: admin.id });
        await joinAsParticipant(server.app, org.slug, initiative.slug, { email: 'someone@example.org' });
        const context = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await context.newPage();

          // A wrong password shows the form again with an error summary.
          await visit(page, `${server.baseUrl}/signin`);
          await page.getByLabel('Email address').fill(admin.email);
          await page.getByLabel('Password').fill('not the password at all');
          await clickThrough(page, () => page.getByRole('button', { name: 'Sign in' }).click());
          expect(new URL(page.url()).pathname).toBe('/signin');
          expect(await page.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);

          await signInThroughForm(page, server.baseUrl, admin);
          for (const path of [
            '/staff',
            '/staff/initiatives',
            '/staff/initiatives/new',
            `/staff/initiatives/${initiative.id}`,
            `/staff/initiatives/${initiative.id}/edit`,
            `/staff/initiatives/${initiative.id}/participants`,
            '/staff/team',
            `/staff/team/${admin.id}`,
            '/staff/demographics',
            '/staff/outbox',
            '/staff/audit',
            '/staff/tokens',
            '/staff/engagement',
            '/staff/influence',
          ]) {
            await visit(page, `${server.baseUrl}${path}`);
          }

          // The participants page shows the participant under a pseudonym.
          await visit(page, `${server.baseUrl}/staff/initiatives/${initiative.id}/participants`);
          expect(await countText(page, 'someone@example.org')).toBe(1);

          // An attribute's categories page, reached by its link.
          await visit(page, `${server.baseUrl}/staff/demographics`);
          await clickThrough(page, () => page.getByRole('link', { name: 'age_band' }).first().click());
          expect(new URL(page.url()).pathname).toMatch(/^\/staff\/demographics\/[0-9a-f-]{36}$/);

          // An empty new initiative shows its errors accessibly.
          await visit(page, `${server.baseUrl}/staff/initiatives/new`);
          await clickThrough(page, () => page.getByRole('button', { name: 'Create initiative' }).click());
          expect(await page.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);

          // A personal API token is shown once.
          await visit(page, `${server.baseUrl}/staff/tokens`);
          await page.getByLabel('Token name').fill('Reporting script');
          await clickThrough(page, () => page.getByRole('button', { name: 'Create token' }).click());
          expect(await page.getByRole('heading', { name: 'Your new token' }).count()).toBe(1);
          expect(await countText(page, /^er_/)).toBeGreaterThan(0);

          // A page that does not exist says so, accessibly.
          const missing = await page.goto(
            `${server.baseUrl}/staff/initiatives/00000000-0000-4000-8000-000000000000`,
          );
          expect(missing?.status()).toBe(404);
          await expectNoAxeViolations(page);
        } finally {
          await context.close();
        }
      },
    );
  },
);
