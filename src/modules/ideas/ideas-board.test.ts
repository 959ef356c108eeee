// The idea board as participants use it: over real HTTP, like a browser without JavaScript.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { FormClient } from '../../../test/support/http-client.js';
import { ideaInput, PIXEL_PNG, postMultipart } from '../../../test/support/idea-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';

describe.each(engines)('idea board for participants on %s', (engine) => {
  let s: InterviewsSetup;
  let board: string;
  const count = async (table: 'ideas' | 'idea_comments' | 'idea_supports' | 'idea_images') =>
    Number((await s.t.db.selectFrom(table).select(s.t.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    board = `/o/${s.org.slug}/i/${s.initiative.slug}/ideas`;
  });
  afterAll(async () => s.t.close());

  it('shows the board to anyone, and sends someone who has not joined to the join page to post', async () => {
    const visitor = new FormClient(s.t.app);
    const page = await visitor.get(board);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No ideas yet');
    const form = await visitor.get(`${board}/new`);
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe(`/o/${s.org.slug}/i/${s.initiative.slug}/join`);
    // The join page gives the visitor a CSRF token, as it would in a browser.
    await visitor.get(`/o/${s.org.slug}/i/${s.initiative.slug}/join`);
    const post = await visitor.post(board, ideaInput());
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toContain('/join');
    expect(await count('ideas')).toBe(0);
  });

  it('lets a participant post an idea, support it once and comment on it', async () => {
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    await person.get(`${board}/new`);
    const posted = await person.post(board, ideaInput({ title: 'Shade & seats <outside>' }));
    expect(posted.statusCode).toBe(303);
    const path = String(posted.headers.location).split('?')[0]!;
    const page = await person.get(`${path}?notice=posted`);
    expect(page.body).toContain('Shade &amp; seats &lt;outside>');
    expect(page.body).toContain('Your idea is on the board');
    expect(page.body).toContain('Status:</strong> <span>New</span>');

    expect((await person.post(`${path}/support`)).statusCode).toBe(303);
    const again = await person.post(`${path}/support`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Each person supports an idea once');
    expect(await count('idea_supports')).toBe(1);

    const empty = await person.post(`${path}/comments`, { body: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toMatch(/id="f-body-error"[^>]*>[^<]+/);
    const commented = await person.post(`${path}/comments`, { body: 'Yes, and a roof please.' });
    expect(commented.statusCode).toBe(303);
    const after = await person.get(path);
    expect(after.body).toContain('Yes, and a roof please.');
    expect(after.body).toContain('Supporters: 1');
    expect(after.body).toContain('You support this idea.');

    const listed = await new FormClient(s.t.app).get(board);
    expect(listed.body).toContain('Shade &amp; seats &lt;outside>');
    expect(listed.body).toContain('Comments: 1');
  });

  it('refuses empty and overlong texts beside each field, storing nothing', async () => {
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    const before = await count('ideas');
    await person.get(`${board}/new`);
    const res = await person.post(board, { title: '', description: 'x'.repeat(5001), problem: 'ok' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toMatch(/id="f-title-error"[^>]*>[^<]+/);
    expect(res.body).toContain('id="f-description-error"');
    expect(res.body).toContain('5000');
    expect(res.body).not.toContain('id="f-problem-error"');
    expect(await count('ideas')).toBe(before);
  });

  it('takes an image with the idea, and refuses a file that is not one', async () => {
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    await person.get(`${board}/new`);
    const before = await count('ideas');
    const fake = await postMultipart(s.t.app, person, board, ideaInput(), {
      name: 'image',
      fileName: 'photo.png',
      contentType: 'image/png',
      bytes: Buffer.from('<script>alert(1)</script>'),
    });
    expect(fake.statusCode).toBe(422);
    expect(fake.body).toContain('Choose a PNG, JPEG, GIF or WebP image.');
    expect(await count('ideas')).toBe(before);

    await person.get(`${board}/new`);
    const real = await postMultipart(s.t.app, person, board, ideaInput({ imageAlt: 'A sketch of a bench' }), {
      name: 'image',
      fileName: 'bench.png',
      contentType: 'image/png',
      bytes: PIXEL_PNG,
    });
    expect(real.statusCode).toBe(303);
    const path = String(real.headers.location).split('?')[0]!;
    const page = await person.get(path);
    expect(page.body).toContain(`src="${path}/image" alt="A sketch of a bench"`);
    const image = await new FormClient(s.t.app).get(`${path}/image`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(PIXEL_PNG)).toBe(true);
    expect(await count('idea_images')).toBe(1);
  });

  it('speaks Danish', async () => {
    const res = await s.t.app.inject({ method: 'GET', url: board, headers: { cookie: 'er_lang=da' } });
    expect(res.body).toContain('Idéer til');
    expect(res.body).toContain('Støtter:');
  });
});
