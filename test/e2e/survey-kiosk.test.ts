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
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { actorOf, buildOrganization, buildStaff } from '../support/staff-factory.js';
import { buildSurvey } from '../support/survey-factory.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

describe.each(browserMatrix)(
  'a kiosk on a shared device ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });

    it(
      'serves two respondents in a row with nothing of the first visible to the second',
      { timeout: FLOW_TIMEOUT },
      async () => {
        const org = await buildOrganization(server.db, { name: 'Midtby Kommune' });
        const frontline = await buildStaff(server.db, {
          organizationId: org.id,
          role: 'frontline',
          name: 'Frank Frontline',
        });
        const facilitator = await buildStaff(server.db, { organizationId: org.id, role: 'facilitator' });
        const initiative = await buildInitiative(server.db, org.id, { open: true, staffId: facilitator.id });
        const { survey, questions } = await buildSurvey(server.db, actorOf(facilitator), initiative.id, {
          settings: { titleEn: 'Your visit today' },
          questions: [
            { kind: 'single_choice', textEn: 'How was your visit?', required: true, options: 'Good\nBad' },
            { kind: 'short_text', textEn: 'What could be better?' },
            { kind: 'nps', textEn: 'Would you recommend us?' },
          ],
        });
        const [visitQ, better, nps] = questions;
        const first = { visit: 'Good', better: 'Longer opening hours on Sundays', nps: '9' };
        const second = { visit: 'Bad', better: 'A quieter reading room', nps: '3' };
        const context = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await context.newPage();

          // Front-line staff start the kiosk from the survey's distribution page, signing out.
          await signInThroughForm(page, server.baseUrl, frontline);
          await visit(page, `${server.baseUrl}/staff/surveys/${survey.id}`);
          await clickThrough(page, () => page.getByRole('link', { name: 'Distribute' }).click());
          expect(new URL(page.url()).pathname).toBe(`/staff/surveys/${survey.id}/distribute`);
          expect(await page.getByLabel('Sign me out of staff pages on this device').isChecked()).toBe(true);
          await clickThrough(page, () =>
            page.getByRole('button', { name: 'Start a kiosk on this device' }).click(),
          );
          const kioskPath = new URL(page.url()).pathname;
          expect(kioskPath).toMatch(
            new RegExp(`^/o/${org.slug}/i/${initiative.slug}/s/${survey.id}/kiosk/[0-9a-f-]{36}$`),
          );
          const kioskUrl = `${server.baseUrl}${kioskPath}`;
          const cookieNames = async () => (await context.cookies()).map((c) => c.name);
          expect(await cookieNames()).not.toContain('er_session');
          expect(await cookieNames()).toContain('er_kiosk');
          // The device no longer opens staff pages.
          await page.goto(`${server.baseUrl}/staff`);
          expect(new URL(page.url()).pathname).toBe('/signin');

          const answer = async (who: typeof first) => {
            await page.getByLabel('I have read this and agree to take part').check();
            await clickThrough(page, () => page.getByRole('button', { name: 'Start the survey' }).click());
            expect(await page.getByRole('heading', { level: 1, name: 'Your visit today' }).count()).toBe(1);
            // A blank form: nothing chosen or typed by anyone before.
            expect(await page.locator('form.survey-form input:checked').count()).toBe(0);
            expect(await page.getByLabel('2. What could be better?').inputValue()).toBe('');
            expect(await page.locator('form.survey-form').getAttribute('autocomplete')).toBe('off');
            await page
              .getByRole('group', { name: '1. How was your visit? (required)' })
              .getByLabel(who.visit, { exact: true })
              .check();
            await page.getByLabel('2. What could be better?').fill(who.better);
            await page
              .getByRole('group', { name: '3. Would you recommend us?' })
              .getByLabel(who.nps, { exact: true })
              .check();
            await clickThrough(page, () => page.getByRole('button', { name: 'Send my answers' }).click());
            expect(new URL(page.url()).pathname).toBe(`${kioskPath}/thanks`);
            expect(
              await page.getByRole('heading', { level: 1, name: 'Thank you for your answers' }).count(),
            ).toBe(1);
          };

          // The first respondent; the start page resets by itself and is never cached.
          const start = await page.goto(kioskUrl);
          expect(start?.status()).toBe(200);
          expect(start?.headers()['cache-control']).toContain('no-store');
          expect(start?.headers().refresh).toBe(`180; url=${kioskPath}`);
          await expectNoAxeViolations(page);
          // A missing consent is refused beside the box.
          await clickThrough(page, () => page.getByRole('button', { name: 'Start the survey' }).click());
          expect(await page.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
          expect(await page.getByRole('button', { name: 'Send my answers' }).count()).toBe(0);
          await answer(first);

          // The thanks page hands over to the next person; nothing of the first is on any page.
          await clickThrough(page, () =>
            page.getByRole('link', { name: 'Start for the next person' }).click(),
          );
          expect(new URL(page.url()).pathname).toBe(kioskPath);
          expect(await page.content()).not.toContain(first.better);
          expect(await cookieNames()).not.toContain('er_participant');
          await answer(second);
          expect(await page.content()).not.toContain(first.better);

          // Two anonymous in-person responses, each with its own answers.
          const rows = await server.db
            .selectFrom('survey_responses')
            .select(['answers', 'channel', 'mode', 'participant_id', 'status', 'consent_text_id'])
            .where('survey_id', '=', survey.id)
            .execute();
          expect(rows).toHaveLength(2);
          for (const row of rows) {
            expect(row).toMatchObject({ channel: 'kiosk', mode: 'in_person', participant_id: null });
            expect(row.status).toBe('completed');
            expect(row.consent_text_id).not.toBeNull();
          }
          const optionId = (label: string) => visitQ!.options.find((o) => o.label.en === label)!.id;
          expect(
            rows
              .map((r) => JSON.parse(r.answers) as Record<string, unknown>)
              .sort((a, b) => String(a[better!.id]).localeCompare(String(b[better!.id]))),
          ).toEqual([
            { [visitQ!.id]: optionId(second.visit), [better!.id]: second.better, [nps!.id]: 3 },
            { [visitQ!.id]: optionId(first.visit), [better!.id]: first.better, [nps!.id]: 9 },
          ]);

          // A third person starts, walks away, and the kiosk starts over: their form is dead.
          await clickThrough(page, () =>
            page.getByRole('link', { name: 'Start for the next person' }).click(),
          );
          await page.getByLabel('I have read this and agree to take part').check();
          await clickThrough(page, () => page.getByRole('button', { name: 'Start the survey' }).click());
          const abandoned = await page.locator('input[name="respondent"]').inputValue();
          const csrf = await page.locator('form.survey-form input[name="_csrf"]').inputValue();
          await visit(page, kioskUrl);
          const replay = await context.request.post(kioskUrl, {
            form: {
              _csrf: csrf,
              respondent: abandoned,
              [`q_${visitQ!.id}`]: optionId('Good'),
            },
            maxRedirects: 0,
          });
          expect(replay.status()).toBe(409);
          expect(await replay.text()).toContain('The form was already used or has timed out.');
          const count = await server.db
            .selectFrom('survey_responses')
            .select(server.db.fn.countAll().as('n'))
            .where('survey_id', '=', survey.id)
            .executeTakeFirstOrThrow();
          expect(Number(count.n)).toBe(2);
        } finally {
          await context.close();
        }
      },
    );
  },
);
