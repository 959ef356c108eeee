// A contributor is told what became of their idea: the digest mail arrives at the real test SMTP
// server (a Danish contributor's in Danish), "My participation" shows the decision and its reason without JavaScript, and the
// unsubscribe link of the mail works in a browser that holds no cookies. Data is set up through use
// cases; only what the contributor does is clicked.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueFollowUpDigests } from '../../src/modules/follow-up/enqueue-follow-up-digests.js';
import { linkInput } from '../../src/modules/decisions/link-input.js';
import { recordDecision } from '../../src/modules/decisions/record-decision.js';
import { postParticipantIdea } from '../../src/modules/ideas/post-idea.js';
import { registerParticipant } from '../../src/modules/participants/register-participant.js';
import { sendDueMail, smtpTransport } from '../../src/platform/mail/sender.js';
import { clickThrough, FLOW_TIMEOUT, newContext, useBrowser, visit } from '../support/browser.js';
import { buildInitiative } from '../support/initiative-factory.js';
import { readMail } from '../support/received-mail.js';
import { browserMatrix, useTestServers, type TestServer } from '../support/server.js';
import { TestSmtpServer } from '../support/smtp-server.js';
import { actorOf, buildOrganization, buildStaff } from '../support/staff-factory.js';

const chromium = useBrowser();
const serverOf = useTestServers();
const smtp = new TestSmtpServer();
let server: TestServer;

beforeAll(async () => smtp.start());
afterAll(async () => smtp.stop());

// The flow is about reading without JavaScript (the pages use none), so only those cells run: the
// JavaScript-on cells would repeat the same server-rendered pages at twice the suite's cost.
const withoutJavaScript = browserMatrix.filter((cell) => !cell.javaScriptEnabled);

describe.each(withoutJavaScript)(
  'a contributor is told what became of their idea ($engine, JavaScript enabled: $javaScriptEnabled)',
  ({ engine, javaScriptEnabled }) => {
    beforeEach(() => {
      server = serverOf(engine);
    });
    it(
      'reads the digest, sees the decision on My participation, and unsubscribes from the mail',
      { timeout: FLOW_TIMEOUT },
      async () => {
        const org = await buildOrganization(server.db, { name: 'Vestby Kommune' });
        const facilitator = await buildStaff(server.db, { organizationId: org.id, role: 'facilitator' });
        const initiative = await buildInitiative(server.db, org.id, {
          open: true,
          staffId: facilitator.id,
          plan: { title: 'A better harbour' },
        });
        const email = `contributor-${engine}-${String(javaScriptEnabled)}@example.org`;
        const context = await newContext(chromium.browser, { javaScriptEnabled });
        try {
          const page = await context.newPage();
          await visit(page, `${server.baseUrl}/o/${org.slug}/i/${initiative.slug}/join`);
          await page.getByLabel('Email address').fill(email);
          await page.getByLabel('Yes, tell me by email what happened with the input').check();
          await page.getByLabel('I have read the text above and agree to take part').check();
          await clickThrough(page, () => page.getByRole('button', { name: 'Take part' }).click());

          const { id: participantId } = await server.db
            .selectFrom('participants')
            .select('id')
            .where('organization_id', '=', org.id)
            .where('email', '=', email)
            .executeTakeFirstOrThrow();
          const idea = await postParticipantIdea(server.db, org.id, initiative.slug, participantId, {
            title: 'A swimming jetty',
            description: 'A jetty to swim from in summer.',
            problem: 'There is nowhere to swim in town.',
          });
          const actor = actorOf(facilitator);
          const decision = await recordDecision(server.db, actor, initiative.id, {
            title: 'No swimming in the harbour',
            decidedBy: 'council',
            decidedOn: '2026-11-20',
            status: 'not_adopted',
            notAdoptedReason: 'Ships pass too close for safe swimming.',
          });
          await linkInput(server.db, actor, initiative.id, decision.id, {
            inputKind: 'idea',
            inputId: idea.id,
          });
          // A second contributor, who reads Danish, is told in Danish.
          const danishEmail = `bidrager-${engine}-${String(javaScriptEnabled)}@example.org`;
          const danish = await registerParticipant(server.db, actor, initiative.id, {
            consent: true,
            locale: 'da',
            email: danishEmail,
            followUp: true,
          });
          const danishIdea = await postParticipantIdea(server.db, org.id, initiative.slug, danish.id, {
            title: 'En badebro',
            description: 'En bro at bade fra om sommeren.',
            problem: 'Der er ingen steder at bade i byen.',
          });
          await linkInput(server.db, actor, initiative.id, decision.id, {
            inputKind: 'idea',
            inputId: danishIdea.id,
          });

          const now = new Date(Date.now() + 60_000);
          await enqueueFollowUpDigests(server.db, {
            publicUrl: server.config.publicUrl,
            secret: server.config.sessionSecret,
            translatorFor: (locale) => server.app.deps.i18n.getFixedT(locale),
            quietMinutes: 0,
            now,
          });
          await sendDueMail(server.db, smtpTransport(smtp.url), {
            from: 'er@example.org',
            messageIdDomain: 'example.org',
            now: () => now,
          });
          const mails = smtp.received.filter((m) => m.to[0] === email).map(readMail);
          expect(mails).toHaveLength(1);
          expect(mails[0]!.text).toContain('Why not: Ships pass too close for safe swimming.');
          const danishMails = smtp.received.filter((m) => m.to[0] === danishEmail).map(readMail);
          expect(danishMails).toHaveLength(1);
          expect(danishMails[0]!.text).toContain('En badebro');
          expect(danishMails[0]!.text).toContain('Hvorfor ikke: Ships pass too close for safe swimming.');

          // The participant navigation leads to what became of the idea.
          await clickThrough(page, () => page.getByRole('link', { name: 'My participation' }).click());
          expect(await page.getByRole('heading', { level: 1, name: 'My participation' }).count()).toBe(1);
          expect(await page.getByRole('heading', { level: 2, name: 'A better harbour' }).count()).toBe(1);
          expect(await page.getByText('A swimming jetty').count()).toBe(1);
          expect(await page.getByText('Decision: No swimming in the harbour (not adopted)').count()).toBe(1);
          expect(await page.getByText('Why not: Ships pass too close for safe swimming.').count()).toBe(1);

          // The unsubscribe link of the mail works in a browser that has never been here.
          const link = /(http:\/\/127\.0\.0\.1:\d+\/o\/\S+\/unsubscribe\/\S+)/.exec(mails[0]!.text)?.[1];
          expect(link).toBeDefined();
          const stranger = await newContext(chromium.browser, { javaScriptEnabled });
          try {
            const away = await stranger.newPage();
            await visit(away, link!);
            await clickThrough(away, () => away.getByRole('button', { name: 'Stop these mails' }).click());
            expect(await away.getByText('You will get no more mail from Vestby Kommune').count()).toBe(1);
          } finally {
            await stranger.close();
          }
          const { unsubscribed_at } = await server.db
            .selectFrom('follow_up_subscriptions')
            .select('unsubscribed_at')
            .where('participant_id', '=', participantId)
            .executeTakeFirstOrThrow();
          expect(unsubscribed_at).not.toBeNull();
        } finally {
          await context.close();
        }
      },
    );
  },
);
