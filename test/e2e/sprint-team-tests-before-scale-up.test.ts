import { beforeEach, describe, expect, it } from 'vitest';
import { decideExperiment, recordResults } from '../../src/modules/experiments/decide-experiment.js';
import { planExperiment } from '../../src/modules/experiments/plan-experiment.js';
import { addMember } from '../../src/modules/sprints/add-member.js';
import { createSprint } from '../../src/modules/sprints/create-sprint.js';
import { placeOnBoard } from '../../src/modules/sprints/run-sprint.js';
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
import { buildPrototype, dayFromNow } from '../support/prototype-factory.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { actorOf, buildOrganization, buildStaff } from '../support/staff-factory.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

const sprintInput = {
  challenge: 'Shorter waits at the citizen service desk',
  inScope: 'The queue',
  outOfScope: 'Opening hours',
  startsOn: dayFromNow(0),
  endsOn: dayFromNow(14),
};

describe.each(browserMatrix)(
  'a sprint team tests with users before scaling up ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });
    it(
      'an external member gives feedback inside the sprint only; the facilitator passes the decision gate',
      { timeout: FLOW_TIMEOUT },
      async () => {
        const org = await buildOrganization(server.db, { name: 'Østby Kommune' });
        const member = await buildStaff(server.db, {
          organizationId: org.id,
          role: 'facilitator',
          name: 'Fie',
        });
        const facilitator = actorOf(member);
        const initiative = await buildInitiative(server.db, org.id, { open: true, staffId: member.id });
        const sprint = await createSprint(server.db, facilitator, initiative.id, sprintInput);
        const other = await createSprint(server.db, facilitator, initiative.id, {
          ...sprintInput,
          challenge: 'Parking',
        });
        const proto = await buildPrototype(server.db, facilitator, initiative.id, {
          title: 'Queue screen draft',
        });
        await placeOnBoard(server.db, facilitator, initiative.id, sprint.id, {
          kind: 'prototype',
          itemId: proto.id,
          stage: 'test',
        });
        const invited = await addMember(server.db, facilitator, initiative.id, sprint.id, {
          role: 'external',
          name: 'Ole Partner',
          externalKind: 'partner',
        });

        // The external stakeholder joins by link, without an account.
        const outside = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await outside.newPage();
          await visit(page, `${server.baseUrl}/sprint-invitations/${invited.invitationToken}`);
          expect(await page.getByText('Hello Ole Partner').count()).toBe(1);
          await clickThrough(page, () => page.getByRole('button', { name: 'Join the sprint' }).click());
          expect(await page.getByRole('heading', { level: 1, name: 'Sprint workspace' }).count()).toBe(1);
          await clickThrough(page, () => page.getByRole('link', { name: 'Queue screen draft' }).click());
          await page.getByLabel('Can you read the sign from your seat?').fill('Yes, from the door.');
          await page.getByLabel('4 – good').check();
          await clickThrough(page, () => page.getByRole('button', { name: 'Send my feedback' }).click());
          expect(await page.getByText('Thank you. Your feedback helps us finish this.').count()).toBe(1);

          // Nothing outside that sprint opens.
          const elsewhere = await page.goto(`${server.baseUrl}/x/sprints/${other.id}`);
          expect(elsewhere?.status()).toBe(403);
          await page.goto(`${server.baseUrl}/staff/initiatives/${initiative.id}/sprints/${sprint.id}`);
          expect(new URL(page.url()).pathname).toBe('/signin');
        } finally {
          await outside.close();
        }

        const staff = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await staff.newPage();
          await signInThroughForm(page, server.baseUrl, member);
          await visit(page, `${server.baseUrl}/staff/initiatives/${initiative.id}/sprints/${sprint.id}`);
          expect(
            await page.getByText('No users on the team: the people the service is for are missing.').count(),
          ).toBe(1);
          expect(await page.getByText('No front-line staff on the team.').count()).toBe(1);
          expect(await page.getByText('Ole Partner joined the sprint').count()).toBe(1);

          // An experiment: scale-up is refused until a test with users is recorded.
          await visit(page, `${server.baseUrl}/staff/initiatives/${initiative.id}/experiments`);
          await page.getByLabel('Title', { exact: true }).fill('Queue screen pilot');
          await page.getByLabel('We believe that …').fill('a queue screen');
          await page.getByLabel('… for …', { exact: true }).fill('people waiting at the desk');
          await page.getByLabel('… will result in …').fill('fewer questions about waiting');
          await page.getByLabel('What is measured').fill('Questions a day');
          await page.getByLabel('Success criterion').fill('Half as many');
          await page.getByLabel('Pilot site', { exact: true }).fill('North library');
          await page.getByLabel('Starts on').fill('2026-12-01');
          await page.getByLabel('Ends on').fill('2026-12-31');
          await clickThrough(page, () => page.getByRole('button', { name: 'Plan the experiment' }).click());
          expect(await page.getByText('The experiment is planned.').count()).toBe(1);
          await page.getByLabel('Results (numbers and observations)').fill('Staff liked it.');
          await clickThrough(page, () => page.getByRole('button', { name: 'Save the results' }).click());
          await page.getByLabel('Decision', { exact: true }).selectOption('scale_up');
          await clickThrough(page, () => page.getByRole('button', { name: 'Decide' }).click());
          expect(await page.getByText(/Scale-up needs a test with users/).count()).toBeGreaterThan(0);
          await page.getByLabel('Users involved in testing').fill('8');
          await page
            .getByLabel('Results (numbers and observations)')
            .fill('Questions fell from 80 to 35 a day.');
          await clickThrough(page, () => page.getByRole('button', { name: 'Save the results' }).click());
          await page.getByLabel('Decision', { exact: true }).selectOption('scale_up');
          await clickThrough(page, () => page.getByRole('button', { name: 'Decide' }).click());
          expect(await page.getByText('The decision is recorded.').count()).toBe(1);
          expect(await page.getByText('Scale up to business as usual').count()).toBe(1);
        } finally {
          await staff.close();
        }

        // A stopped experiment, learnings and all, is in the public learning log.
        const stopped = await planExperiment(server.db, facilitator, initiative.id, {
          title: 'Self-service kiosk',
          weBelieve: 'a kiosk',
          forWhom: 'visitors',
          willResultIn: 'shorter queues',
          measure: 'Minutes waited',
          successCriterion: 'Ten minutes less',
          method: 'ab',
          startsOn: '2026-12-01',
          endsOn: '2026-12-20',
        });
        await recordResults(server.db, facilitator, initiative.id, stopped.id, {
          usersTested: 12,
          results: 'Only 2 of 12 finished without help.',
          learnings: 'Older visitors want a person, not a screen.',
        });
        await decideExperiment(server.db, facilitator, initiative.id, stopped.id, { decision: 'stop' });
        const reader = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await reader.newPage();
          await visit(page, `${server.baseUrl}/o/${org.slug}/learning`);
          await page.getByLabel('Outcome').selectOption('stop');
          await clickThrough(page, () => page.getByRole('button', { name: 'Show' }).click());
          expect(await page.getByRole('heading', { name: 'Self-service kiosk' }).count()).toBe(1);
          expect(await page.getByText('Older visitors want a person, not a screen.').count()).toBe(1);
          expect(await page.getByRole('heading', { name: 'Queue screen pilot' }).count()).toBe(0);
          await expectNoAxeViolations(page);
        } finally {
          await reader.close();
        }
      },
    );
  },
);
