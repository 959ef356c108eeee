// Prototypes shared while unfinished: publishing with files, feedback rounds, new versions.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { FormClient } from '../../../test/support/http-client.js';
import { PIXEL_PNG, postMultipart } from '../../../test/support/idea-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { buildPrototype, dayFromNow, endRound, TINY_PDF } from '../../../test/support/prototype-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';

describe.each(engines)('prototype feedback rounds on %s', (engine) => {
  let s: InterviewsSetup;
  let pub: string;
  let staffBase: string;
  const feedbackCount = async () =>
    Number(
      (
        await s.t.db
          .selectFrom('prototype_feedback')
          .select(s.t.db.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    pub = `/o/${s.org.slug}/i/${s.initiative.slug}/prototypes`;
    staffBase = `/staff/initiatives/${s.initiative.id}/prototypes`;
  });
  afterAll(async () => s.t.close());

  it('publishes a draft with an image and a PDF through the staff form, refusing bad files and past days', async () => {
    const facilitator = s.staff.facilitator.client;
    await facilitator.get(`${staffBase}/new`);
    const fields = {
      title: 'Queue app mock-up',
      body: 'Screens of an app that shows your place in the queue.',
      questions: 'Is your place easy to find?\n\nWould you install it?',
      closesOn: dayFromNow(7),
    };
    const bad = await postMultipart(
      s.t.app,
      facilitator,
      staffBase,
      { ...fields, closesOn: '2001-01-01' },
      {
        name: 'files',
        fileName: 'evil.pdf',
        contentType: 'application/pdf',
        bytes: Buffer.from('MZ not a pdf'),
      },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Choose images (PNG, JPEG, GIF, WebP) or PDF files.');
    expect(bad.body).toContain('The round would already be over.');
    expect(await s.t.db.selectFrom('prototypes').select('id').execute()).toHaveLength(0);

    await facilitator.get(`${staffBase}/new`);
    const ok = await postMultipart(s.t.app, facilitator, staffBase, fields, {
      name: 'files',
      fileName: 'screen.png',
      contentType: 'image/png',
      bytes: PIXEL_PNG,
    });
    expect(ok.statusCode).toBe(303);
    const page = await facilitator.get(String(ok.headers.location));
    expect(page.body).toContain('The prototype is published for feedback.');
    expect(page.body).toContain('Is your place easy to find?');
    expect(page.body).toContain('Would you install it?');
    const file = /src="([^"]+\/files\/[^"]+)"/.exec(page.body)?.[1] ?? '';
    const image = await facilitator.get(file);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(PIXEL_PNG)).toBe(true);
  });

  it('takes structured feedback from a participant once, beside-the-field messages for bad input', async () => {
    const proto = await buildPrototype(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {}, [
      { fileName: 'plan.pdf', bytes: TINY_PDF },
    ]);
    const [q1, q2] = proto.versions[0]!.questions;
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    const page = await person.get(`${pub}/${proto.id}`);
    expect(page.body).toContain('It is unfinished on purpose');
    expect(page.body).toContain('Download plan.pdf');
    const download = await person.get(/href="([^"]+\/files\/[^"]+)"/.exec(page.body)![1]!);
    expect(download.headers['content-disposition']).toBe('attachment; filename="plan.pdf"');

    const noRating = await person.post(`${pub}/${proto.id}/feedback`, { works: 'Big numbers' });
    expect(noRating.statusCode).toBe(422);
    expect(noRating.body).toContain('id="f-rating-error"');
    expect(noRating.body).toContain('Big numbers');
    const empty = await person.post(`${pub}/${proto.id}/feedback`, { rating: '3' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Answer a question or say what works');
    const unknown = await person.post(`${pub}/${proto.id}/feedback`, { rating: '3', 'answers.nope': 'x' });
    expect(unknown.statusCode).toBe(422);
    expect(await feedbackCount()).toBe(0);

    const sent = await person.post(`${pub}/${proto.id}/feedback`, {
      [`answers.${q1!.id}`]: 'Only from the front row',
      [`answers.${q2!.id}`]: 'The colour of my ticket',
      works: 'Big numbers',
      doesNotWork: 'Too high on the wall',
      missing: 'Sound for blind people',
      rating: '3',
    });
    expect(sent.statusCode).toBe(303);
    expect((await person.get(String(sent.headers.location))).body).toContain(
      'You already gave feedback on this version.',
    );
    const again = await person.post(`${pub}/${proto.id}/feedback`, { works: 'Again', rating: '4' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('one response per person');
    expect(await feedbackCount()).toBe(1);

    const staffPage = await s.staff.analyst.client.get(`${staffBase}/${proto.id}`);
    expect(staffPage.body).toContain('Only from the front row');
    expect(staffPage.body).toContain('Sound for blind people');
  });

  it('refuses feedback after the round closed, storing nothing', async () => {
    const proto = await buildPrototype(s.t.db, actorOf(s.staff.facilitator), s.initiative.id);
    await endRound(s.t.db, proto.versions[0]!.id);
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    const page = await person.get(`${pub}/${proto.id}`);
    expect(page.body).toContain('Feedback is no longer taken for this version.');
    expect(page.body).not.toContain('Send my feedback');
    const before = await feedbackCount();
    const late = await person.post(`${pub}/${proto.id}/feedback`, { works: 'Late', rating: '5' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Feedback is no longer taken for this version.');
    expect(await feedbackCount()).toBe(before);
  });

  it('publishes a new version that keeps the history, and compares rounds side by side', async () => {
    const proto = await buildPrototype(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      title: 'Waiting room signs',
    });
    const first = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    await first.get(`${pub}/${proto.id}`);
    await first.post(`${pub}/${proto.id}/feedback`, { doesNotWork: 'Letters too small', rating: '2' });

    const facilitator = s.staff.facilitator.client;
    const form = await facilitator.get(`${staffBase}/${proto.id}/versions/new`);
    expect(form.body).toContain('Can you read the sign from your seat?');
    const published = await facilitator.post(`${staffBase}/${proto.id}/versions`, {
      body: 'Larger letters, lower on the wall.',
      questions: 'Can you read it now?',
      closesOn: dayFromNow(3),
    });
    expect(published.statusCode).toBe(303);

    // The public page shows the new round; the earlier feedback stays with version 1.
    const second = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    const now = await second.get(`${pub}/${proto.id}`);
    expect(now.body).toContain('Version 2');
    expect(now.body).toContain('Can you read it now?');
    await second.post(`${pub}/${proto.id}/feedback`, { works: 'Readable from anywhere', rating: '5' });
    // Someone who answered version 1 may answer version 2.
    expect(
      (await first.post(`${pub}/${proto.id}/feedback`, { works: 'Better', rating: '4' })).statusCode,
    ).toBe(303);

    const compare = await facilitator.get(`${staffBase}/${proto.id}`);
    expect(compare.body).toContain('Rounds side by side');
    expect(compare.body).toMatch(/<th scope="col">Version 1<\/th><th scope="col">Version 2<\/th>/);
    expect(compare.body).toMatch(/Responses<\/th><td>1<\/td><td>2<\/td>/);
    expect(compare.body).toMatch(/Mean rating \(1–5\)<\/th><td>2<\/td><td>4.5<\/td>/);
    expect(compare.body).toContain('Letters too small');
    expect(compare.body).toContain('Larger letters, lower on the wall.');
    expect(compare.body).toContain('Large signs with the queue number');
  });

  it('speaks Danish', async () => {
    const res = await s.t.app.inject({ method: 'GET', url: pub, headers: { cookie: 'er_lang=da' } });
    expect(res.body).toContain('Udkast til');
    const visitor = new FormClient(s.t.app);
    expect((await visitor.get(pub)).body).toContain('Drafts of');
  });
});
