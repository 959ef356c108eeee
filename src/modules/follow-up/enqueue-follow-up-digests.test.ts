// The digest job's rules on both engines: one mail per contributor however many links, the quiet
// period measured from the contributor's latest change, status news after a decision changes,
// re-subscribing brings back what was not told, and the background loop runs the same use case.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { listOutbox } from '../../platform/mail/outbox.js';
import { linkInput } from '../decisions/link-input.js';
import { editDecision, recordDecision } from '../decisions/record-decision.js';
import { postParticipantIdea } from '../ideas/post-idea.js';
import { changeMyFollowUpMail } from './change-my-follow-up-mail.js';
import { enqueueFollowUpDigests } from './enqueue-follow-up-digests.js';
import { startFollowUpLoop } from './follow-up-loop.js';

const MINUTE = 60_000;
const decision = {
  title: 'More benches',
  decidedBy: 'staff',
  decidedOn: '2026-11-20',
  status: 'under_consideration',
};

describe.each(engines)('follow-up digest job on %s', (engine) => {
  let s: InterviewsSetup;
  let fay: string;
  const ideaIds: string[] = [];

  const run = (at: Date, quietMinutes = 10) =>
    enqueueFollowUpDigests(s.t.db, {
      publicUrl: s.t.config.publicUrl,
      secret: s.t.config.sessionSecret,
      translatorFor: (locale) => s.t.app.deps.i18n.getFixedT(locale),
      quietMinutes,
      now: at,
    });
  const mailsTo = async (to: string) =>
    (await listOutbox(s.t.db, s.org.id)).filter((m) => m.to_address === to);

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    fay = idOf(
      await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug, {
        email: 'fay@example.org',
        followUp: 'true',
      }),
    );
    for (let i = 1; i <= 3; i++)
      ideaIds.push(
        (
          await postParticipantIdea(s.t.db, s.org.id, s.initiative.slug, fay, {
            title: `Idea number ${i}`,
            description: 'Something better.',
            problem: 'Something hard.',
          })
        ).id,
      );
  }, 60_000);
  afterAll(async () => s.t.close());

  it('sends one digest for many links, after the contributor’s latest change has been quiet', async () => {
    const actor = actorOf(s.staff.facilitator);
    const d = await recordDecision(s.t.db, actor, s.initiative.id, decision);
    for (const id of ideaIds.slice(0, 2))
      await linkInput(s.t.db, actor, s.initiative.id, d.id, { inputKind: 'idea', inputId: id });
    const linkedAt = Date.now();
    expect((await run(new Date(linkedAt + 5 * MINUTE))).waiting).toBe(1);
    expect(await run(new Date(linkedAt + 11 * MINUTE))).toEqual({ mailed: 1, waiting: 0, silent: 0 });
    const [mail] = await mailsTo('fay@example.org');
    expect(mail?.text_body).toContain('Idea number 1');
    expect(mail?.text_body).toContain('Idea number 2');
    expect(mail?.text_body).not.toContain('Idea number 3');
    expect(mail?.html_body).toBeNull();
    expect(JSON.parse(mail?.headers ?? '{}')).toEqual({
      'List-Unsubscribe': expect.stringMatching(
        /^<http:\/\/localhost:3000\/api\/v1\/follow-up\/.+>$/,
      ) as string,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('tells a contributor again when a decision about their input changes', async () => {
    const actor = actorOf(s.staff.facilitator);
    const d = await recordDecision(s.t.db, actor, s.initiative.id, { ...decision, title: 'A new bus line' });
    await linkInput(s.t.db, actor, s.initiative.id, d.id, { inputKind: 'idea', inputId: ideaIds[1]! });
    // Told at the real time (the job's clock is also when links are marked told).
    expect(await run(new Date(), 0)).toEqual({ mailed: 1, waiting: 0, silent: 0 });
    await new Promise((r) => setTimeout(r, 5));
    await editDecision(s.t.db, actor, s.initiative.id, d.id, {
      ...decision,
      title: 'A new bus line',
      status: 'implemented',
    });
    const editedAt = Date.now();
    expect(await run(new Date(editedAt + 2 * MINUTE))).toEqual({ mailed: 0, waiting: 1, silent: 0 });
    expect(await run(new Date(editedAt + 11 * MINUTE))).toEqual({ mailed: 1, waiting: 0, silent: 0 });
    const mails = await mailsTo('fay@example.org');
    expect(mails).toHaveLength(3);
    expect(mails[0]?.text_body).toContain('Decision: A new bus line - implemented');
    expect(mails[0]?.text_body).not.toContain('More benches');
  });

  it('keeps links untold while unsubscribed and tells them after re-subscribing', async () => {
    await changeMyFollowUpMail(s.t.db, s.org.id, fay, { mail: 'off' });
    const actor = actorOf(s.staff.facilitator);
    const d = await recordDecision(s.t.db, actor, s.initiative.id, {
      ...decision,
      title: 'Shade at the stop',
    });
    await linkInput(s.t.db, actor, s.initiative.id, d.id, { inputKind: 'idea', inputId: ideaIds[2]! });
    const later = new Date(Date.now() + 20 * MINUTE);
    expect(await run(later)).toEqual({ mailed: 0, waiting: 0, silent: 1 });
    await changeMyFollowUpMail(s.t.db, s.org.id, fay, { mail: 'on' });
    expect(await run(later)).toEqual({ mailed: 1, waiting: 0, silent: 0 });
    const mails = await mailsTo('fay@example.org');
    expect(mails).toHaveLength(4);
    expect(mails[0]?.text_body).toContain('Shade at the stop');
  });

  it('runs in the background loop the app starts beside the mail sender', async () => {
    const actor = actorOf(s.staff.facilitator);
    const d = await recordDecision(s.t.db, actor, s.initiative.id, {
      ...decision,
      title: 'Lights on the path',
    });
    await linkInput(s.t.db, actor, s.initiative.id, d.id, { inputKind: 'idea', inputId: ideaIds[0]! });
    const stop = startFollowUpLoop(
      s.t.db,
      { ...s.t.config, followUpQuietMinutes: 0, followUpPollMs: 50 },
      s.t.app.deps.i18n,
      s.t.app.log,
    );
    try {
      const deadline = Date.now() + 10_000;
      while ((await mailsTo('fay@example.org')).length < 5 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
    } finally {
      await stop();
    }
    const mails = await mailsTo('fay@example.org');
    expect(mails).toHaveLength(5);
    expect(mails[0]?.text_body).toContain('Lights on the path');
  });
});
