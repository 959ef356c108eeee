// Recording, validating and editing interviews through the staff form, in English and Danish.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api, FormClient } from '../../../test/support/http-client.js';
import { buildInterview, SAMPLE_VTT } from '../../../test/support/interview-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import type { InterviewView } from './interview-view.js';

describe.each(engines)('interviews recorded through the staff pages on %s', (engine) => {
  let t: InterviewsSetup['t'];
  let initiative: InterviewsSetup['initiative'];
  let staff: InterviewsSetup['staff'];
  let otherAdmin: InterviewsSetup['otherAdmin'];
  let consentingId: InterviewsSetup['consentingId'];
  let base: InterviewsSetup['base'];
  let apiBase: InterviewsSetup['apiBase'];
  let count: InterviewsSetup['count'];

  beforeAll(async () => {
    ({ t, initiative, staff, otherAdmin, consentingId, base, apiBase, count } =
      await setUpInterviews(engine));
  });
  afterAll(async () => t.close());

  it('records an interview through the form, and shows it readable with speakers and times', async () => {
    const client = staff.facilitator.client;
    const form = await client.get(`${base()}/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('<legend>Method</legend>');
    expect(form.body).toContain(`<option value="${consentingId}"`);
    // The current staff member is the default interviewer.
    expect(form.body).toContain(`<option value="${staff.facilitator.id}" selected`);

    const res = await client.post(base(), {
      method: 'interview',
      heldOn: '2026-01-15',
      interviewerId: staff.frontline.id,
      place: 'Waiting room',
      participantId: consentingId,
      'notes.0.heading': 'How was the wait?',
      'notes.0.text': 'Long, and nobody said why.',
      'notes.2.heading': '',
      'notes.2.text': 'A screen with the queue would help.',
      'quotes.1.text': 'I felt forgotten.',
      transcript: SAMPLE_VTT,
      transcriptFormat: 'auto',
    });
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^${base()}/[0-9a-f-]{36}\\?notice=created$`));

    const page = await client.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The interview was recorded.');
    expect(page.body).toContain('15 January 2026');
    expect(page.body).toContain('Staff frontline');
    expect(page.body).toContain('How was the wait?');
    expect(page.body).toContain('<h3>Note 2</h3>');
    expect(page.body).toContain('I felt forgotten.');
    expect(page.body).toContain('[0:01–0:04] ');
    expect(page.body).toContain('<strong>Ann: </strong>');
    expect(page.body).toContain('Nobody told us what was going on &amp; why.');

    const list = await client.get(base());
    expect(list.body).toContain('Waiting room');
    expect(list.body).toContain('Notes: 2, quotes: 1, transcript segments: 2');
    const detail = await client.get(`/staff/initiatives/${initiative.id}`);
    expect(detail.body).toContain(`href="${base()}"`);

    const interviewId = location.split('/').pop()!.split('?')[0]!;
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', interviewId)
      .where('action', '=', 'interview.create')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('shows every problem beside its field and keeps nothing half-written', async () => {
    const client = staff.facilitator.client;
    await client.get(`${base()}/new`);
    const before = [await count('interviews'), await count('interview_pieces')];
    const res = await client.post(base(), {
      method: 'podcast',
      heldOn: '2999-01-01',
      interviewerId: otherAdmin.id,
      place: 'x'.repeat(201),
      'notes.1.heading': 'A heading without text',
      'quotes.0.text': 'q'.repeat(2001),
    });
    expect(res.statusCode).toBe(422);
    for (const field of ['method', 'heldOn', 'interviewerId', 'place', 'notes.1.text', 'quotes.0.text'])
      expect(res.body, field).toContain(`href="#f-${field}"`);
    expect(res.body).toContain('The date cannot be in the future');
    expect(res.body).toContain('Must be at most 200 characters');
    expect(res.body).toContain('A heading without text');
    expect([await count('interviews'), await count('interview_pieces')]).toEqual(before);
  });

  it('keeps the ids of note items and transcript segments through an edit', async () => {
    const created = await buildInterview(t.db, actorOf(staff.facilitator), initiative.id);
    const page = `${base()}/${created.id}`;
    const client = staff.facilitator.client;
    const edit = await client.get(`${page}/edit`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain(`name="notes.0.id" value="${created.notes[0]!.id}"`);

    const res = await client.post(page, {
      method: 'interview',
      heldOn: '2026-01-15',
      interviewerId: staff.facilitator.id,
      place: 'By phone',
      'notes.0.id': created.notes[0]!.id,
      'notes.0.heading': 'How was the wait?',
      'notes.0.text': 'Long; corrected after listening again.',
      // The second note is emptied: removed. A new one is added below it.
      'notes.1.id': created.notes[1]!.id,
      'notes.2.text': 'Added later.',
      'quotes.0.id': created.quotes[0]!.id,
      'quotes.0.text': 'I felt forgotten.',
      transcript: created.transcript!.source,
      transcriptFormat: 'vtt',
    });
    expect(res.statusCode).toBe(303);
    const after = (
      await api(t.app, staff.analyst.token, 'GET', `${apiBase()}/${created.id}`)
    ).json<InterviewView>();
    expect(after.place).toBe('By phone');
    expect(after.notes.map((n) => n.id)).toEqual([created.notes[0]!.id, expect.any(String)]);
    expect(after.notes[1]!.id).not.toBe(created.notes[1]!.id);
    expect(after.notes.map((n) => n.text)).toEqual([
      'Long; corrected after listening again.',
      'Added later.',
    ]);
    expect(after.quotes[0]!.id).toBe(created.quotes[0]!.id);
    expect(after.transcript!.segments.map((s) => s.id)).toEqual(
      created.transcript!.segments.map((s) => s.id),
    );

    // A piece id from another interview is refused, not silently moved.
    const elsewhere = await buildInterview(t.db, actorOf(staff.facilitator), initiative.id);
    const tampered = await client.post(page, {
      method: 'interview',
      heldOn: '2026-01-15',
      'notes.0.id': elsewhere.notes[0]!.id,
      'notes.0.text': 'Stolen',
    });
    expect(tampered.statusCode).toBe(422);
    expect(tampered.body).toContain('href="#f-notes.0.text"');
  });

  it('speaks Danish', async () => {
    const client = new FormClient(t.app, { 'accept-language': 'da' });
    await client.submit('/signin', '/signin', {
      email: staff.facilitator.email,
      password: staff.facilitator.password,
    });
    const form = await client.get(`${base()}/new`);
    expect(form.body).toContain('Registrér et interview eller en observation');
    expect(form.body).toContain('Fokusgruppe');
    const res = await client.post(base(), {
      method: 'interview',
      heldOn: '2026-01-15',
      transcript: 'WEBVTT\n\n00:01.000 --> 2\nHej',
      transcriptFormat: 'vtt',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Linje 3: “00:01.000 --> 2” er ikke gyldige tider');
  });
});
