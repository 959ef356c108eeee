import { beforeEach, describe, expect, it } from 'vitest';
import {
  clickThrough,
  expectNoAxeViolations,
  FLOW_TIMEOUT,
  newContext,
  useBrowser,
  visit,
} from '../support/browser.js';
import { buildIdea } from '../support/idea-factory.js';
import { buildInitiative } from '../support/initiative-factory.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { actorOf, buildOrganization, buildStaff } from '../support/staff-factory.js';
import { linkInput } from '../../src/modules/decisions/link-input.js';
import { recordDecision } from '../../src/modules/decisions/record-decision.js';
import { postParticipantIdea } from '../../src/modules/ideas/post-idea.js';
import { joinInitiative } from '../../src/modules/participants/join-initiative.js';

const chromium = useBrowser();
const serverOf = useTestServers();
let server: TestServer;

describe.each(browserMatrix)(
  'the public "you said, we did" page ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });
    it(
      'shows a decision with a quote and a not-adopted reason, accessible and printable',
      { timeout: FLOW_TIMEOUT },
      async () => {
        // Everything is set up through the use cases: the page is what is tested here.
        const db = server.db;
        const org = await buildOrganization(db, { name: 'Nordby Kommune' });
        await db.updateTable('organizations').set({ small_cell_k: 2 }).where('id', '=', org.id).execute();
        const member = await buildStaff(db, { organizationId: org.id, role: 'facilitator' });
        const facilitator = actorOf(member);
        const initiative = await buildInitiative(db, org.id, {
          open: true,
          staffId: member.id,
          plan: { title: 'Better bus stops' },
        });
        const contributor = async (quoteConsent: boolean, description: string) => {
          const { participant } = await joinInitiative(
            db,
            org.id,
            initiative.slug,
            undefined,
            { consent: true, quoteConsent },
            'en',
          );
          return postParticipantIdea(db, org.id, initiative.slug, participant.id, {
            title: 'An idea',
            description,
            problem: 'Waiting in the rain.',
          });
        };
        const willing = await contributor(true, 'A roof over the stop by the clinic');
        const private_ = await contributor(false, 'Heated seats like in Oslo');
        const staffIdea = await buildIdea(db, facilitator, initiative.id);
        const roof = await recordDecision(db, facilitator, initiative.id, {
          title: 'Roofs at three bus stops',
          rationale: 'Many asked for somewhere dry to wait.',
          decidedBy: 'council',
          decidedOn: '2026-11-20',
          status: 'adopted',
          topic: 'Waiting',
        });
        for (const idea of [willing, private_, staffIdea])
          await linkInput(db, facilitator, initiative.id, roof.id, { inputKind: 'idea', inputId: idea.id });
        await recordDecision(db, facilitator, initiative.id, {
          title: 'Heated seats',
          decidedBy: 'management',
          decidedOn: '2026-11-21',
          status: 'not_adopted',
          notAdoptedReason: 'Heating outdoor seats uses too much power.',
          topic: 'Waiting',
        });

        const context = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await context.newPage();
          await visit(page, `${server.baseUrl}/o/${org.slug}/i/${initiative.slug}`);
          await clickThrough(page, () =>
            page.getByRole('link', { name: 'You said, we did: what became of the input' }).click(),
          );
          expect(
            await page.getByRole('heading', { level: 1, name: 'You said, we did: Better bus stops' }).count(),
          ).toBe(1);
          expect(await page.getByRole('heading', { level: 2, name: 'Waiting' }).count()).toBe(1);
          const roofCard = page.getByRole('article', { name: 'Roofs at three bus stops' });
          expect(await roofCard.getByText('Adopted', { exact: true }).count()).toBe(1);
          expect(await roofCard.getByText('2 people contributed:').count()).toBe(1);
          expect(await roofCard.getByText('3 ideas').count()).toBe(1);
          expect(await roofCard.locator('blockquote').count()).toBe(1);
          expect(await roofCard.locator('blockquote').innerText()).toContain(
            'A roof over the stop by the clinic',
          );
          expect(await page.getByText('Heated seats like in Oslo').count()).toBe(0);
          const seats = page.getByRole('article', { name: 'Heated seats' });
          expect(await seats.getByRole('heading', { name: 'We did not, because …' }).count()).toBe(1);
          expect(await seats.getByText('Heating outdoor seats uses too much power.').count()).toBe(1);
          expect(await seats.getByText('No input is linked to this decision.').count()).toBe(1);

          // Printed, the page keeps the decisions and drops what only works on screen.
          await page.emulateMedia({ media: 'print' });
          expect(await page.getByRole('link', { name: 'Go to the initiative' }).isVisible()).toBe(false);
          expect(await roofCard.isVisible()).toBe(true);
          expect(await seats.getByText('Heating outdoor seats uses too much power.').isVisible()).toBe(true);
          const pdf = await page.pdf({ format: 'A4' });
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          await page.emulateMedia({ media: 'screen' });
          await expectNoAxeViolations(page);
        } finally {
          await context.close();
        }
      },
    );
  },
);
