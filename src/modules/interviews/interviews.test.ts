import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { api, FormClient } from '../../../test/support/http-client.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { buildInterview, interviewInput, SAMPLE_VTT } from '../../../test/support/interview-factory.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import {
  actorOf,
  buildApiToken,
  buildOrganization,
  buildStaff,
  signIn,
  type BuiltStaff,
} from '../../../test/support/staff-factory.js';
import type { Role } from '../../platform/actor.js';
import { changeInitiativeStatus } from '../initiatives/change-initiative-status.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { updateInitiative } from '../initiatives/update-initiative.js';
import type { Organization } from '../organizations/get-organization.js';
import { PARTICIPANT_COOKIE } from '../participants/participant-cookie.js';
import { registerParticipant } from '../participants/register-participant.js';
import type { MyDataExport } from '../participants/export-my-data.js';
import type { InterviewView } from './interview-view.js';
import { listInterviewInputs } from './list-interview-inputs.js';

type Staff = BuiltStaff & { token: string; client: FormClient };

/** A multipart/form-data body as a browser sends it, with an optional file. */
function multipart(
  fields: Record<string, string>,
  file?: { name: string; fileName: string; content: string | Buffer; type?: string },
): { payload: Buffer; contentType: string } {
  const boundary = '----interviewTestBoundary7MA4YWxk';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.type ?? 'text/vtt'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(engines)('interviews on %s', (engine) => {
  let t: TestApp;
  let org: Organization;
  let other: Organization;
  let initiative: Initiative;
  let otherInitiative: Initiative;
  const staff = {} as Record<Role, Staff>;
  let otherAdmin: Staff;
  /** A participant who joined through the form (current consent). */
  let consenting: FormClient;
  let consentingId: string;

  const idOf = (client: FormClient) => (client.cookies.get(PARTICIPANT_COOKIE) ?? '').split('.')[0] ?? '';
  const base = () => `/staff/initiatives/${initiative.id}/interviews`;
  const apiBase = (i: Initiative = initiative) => `/api/v1/initiatives/${i.id}/interviews`;
  const count = async (table: 'interviews' | 'interview_pieces') =>
    Number((await t.db.selectFrom(table).select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  async function postMultipart(
    client: FormClient,
    url: string,
    body: { payload: Buffer; contentType: string },
  ): Promise<LightMyRequestResponse> {
    return t.app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': body.contentType,
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      payload: body.payload,
    });
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await buildOrganization(t.db);
    other = await buildOrganization(t.db);
    for (const role of ['admin', 'facilitator', 'analyst', 'frontline'] as const) {
      const member = await buildStaff(t.db, { organizationId: org.id, role, name: `Staff ${role}` });
      staff[role] = {
        ...member,
        token: await buildApiToken(t.db, member.email),
        client: await signIn(t.app, member.email, member.password),
      };
    }
    const otherMember = await buildStaff(t.db, { organizationId: other.id, role: 'admin' });
    otherAdmin = {
      ...otherMember,
      token: await buildApiToken(t.db, otherMember.email),
      client: await signIn(t.app, otherMember.email, otherMember.password),
    };
    initiative = await buildInitiative(t.db, org.id, { open: true, staffId: staff.facilitator.id });
    otherInitiative = await buildInitiative(t.db, other.id, { open: true, staffId: otherMember.id });
    consenting = await joinAsParticipant(t.app, org.slug, initiative.slug, { email: 'ann@example.org' });
    consentingId = idOf(consenting);
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

  it('imports an uploaded WebVTT file, and refuses a malformed one naming the line, storing nothing', async () => {
    const client = staff.frontline.client;
    await client.get(`${base()}/new`);
    const fields = { _csrf: client.csrf, method: 'focus_group', heldOn: '2026-01-16', place: 'Library' };
    const ok = await postMultipart(
      client,
      base(),
      multipart(fields, { name: 'transcriptFile', fileName: 'group.vtt', content: SAMPLE_VTT }),
    );
    expect(ok.statusCode).toBe(303);
    const view = await api(
      t.app,
      staff.analyst.token,
      'GET',
      `${apiBase()}/${String(ok.headers.location).split('/').pop()!.split('?')[0]}`,
    );
    const stored = view.json<InterviewView>();
    expect(stored.method).toBe('focus_group');
    expect(stored.participant).toBeNull();
    expect(stored.transcript?.format).toBe('vtt');
    expect(stored.transcript?.segments.map((s) => [s.start, s.end, s.speaker])).toEqual([
      [1, 4.5, 'Interviewer'],
      [4.5, 9, 'Ann'],
    ]);

    const before = [await count('interviews'), await count('interview_pieces')];
    const broken = SAMPLE_VTT.replace('00:04.500 --> 00:09.000', '00:04.500 -> 00:09.000');
    const refused = await postMultipart(
      client,
      base(),
      multipart(
        { ...fields, 'notes.0.text': 'Kept in the form' },
        { name: 'transcriptFile', fileName: 'group.vtt', content: broken },
      ),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('class="error-summary"');
    expect(refused.body).toContain('id="f-transcript-error"');
    expect(refused.body).toContain('Line 12: “00:04.500 -> 00:09.000” are not valid cue times');
    // What was sent comes back: the notes, and the file's text to correct in the box.
    expect(refused.body).toContain('Kept in the form');
    expect(refused.body).toContain('\n00:04.500 -> 00:09.000\n&lt;v.patient Ann>');
    expect([await count('interviews'), await count('interview_pieces')]).toEqual(before);

    const wrongType = await postMultipart(
      client,
      base(),
      multipart(fields, {
        name: 'transcriptFile',
        fileName: 'notes.docx',
        content: 'PK\u0003\u0004',
        type: 'application/zip',
      }),
    );
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.body).toContain('Upload a WebVTT (.vtt) or plain text (.txt) file');
    expect([await count('interviews'), await count('interview_pieces')]).toEqual(before);

    const truncated = await t.app.inject({
      method: 'POST',
      url: base(),
      headers: {
        'content-type': 'multipart/form-data; boundary=xyz',
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      payload: '--xyz\r\nContent-Disposition: form-data; name="place"\r\n\r\nno end',
    });
    expect(truncated.statusCode).toBe(400);
    expect([await count('interviews'), await count('interview_pieces')]).toEqual(before);

    // A file over the upload limit (5 MB) is refused as too large, and nothing is stored.
    const huge = await postMultipart(
      client,
      base(),
      multipart(fields, {
        name: 'transcriptFile',
        fileName: 'huge.txt',
        content: 'a'.repeat(5 * 1024 * 1024 + 1),
        type: 'text/plain',
      }),
    );
    expect(huge.statusCode).toBe(413);
    expect([await count('interviews'), await count('interview_pieces')]).toEqual(before);

    // An older plain-text file in Windows-1252 (not UTF-8) keeps its Danish letters.
    const latin = await postMultipart(
      client,
      base(),
      multipart(fields, {
        name: 'transcriptFile',
        fileName: 'samtale.txt',
        content: Buffer.from('Borger: Ventetiden er for lang, især om fredagen.\n', 'latin1'),
        type: 'text/plain',
      }),
    );
    expect(latin.statusCode).toBe(303);
    const text = await api(
      t.app,
      staff.analyst.token,
      'GET',
      `${apiBase()}/${String(latin.headers.location).split('/').pop()!.split('?')[0]}`,
    );
    expect(text.json<InterviewView>().transcript).toMatchObject({
      format: 'text',
      segments: [{ start: null, speaker: 'Borger', text: 'Ventetiden er for lang, især om fredagen.' }],
    });
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

  it('links only participants who accepted the current consent', async () => {
    const client = staff.facilitator.client;
    // Desk-registered before the consent text changes: their consent becomes outdated.
    const outdated = await registerParticipant(t.db, actorOf(staff.admin), initiative.id, { consent: true });
    const fresh = await buildInitiative(t.db, org.id, { open: true, staffId: staff.facilitator.id });
    const stranger = await registerParticipant(t.db, actorOf(staff.admin), fresh.id, { consent: true });
    await updateInitiative(
      t.db,
      actorOf(staff.facilitator),
      initiative.id,
      { consentText: 'A new consent text.' },
      { partial: true },
    );
    const rejoined = await joinAsParticipant(t.app, org.slug, initiative.slug);

    const form = await client.get(`${base()}/new`);
    expect(form.body).toContain(`<option value="${idOf(rejoined)}"`);
    expect(form.body).not.toContain(`<option value="${outdated.id}"`);
    expect(form.body).not.toContain(`<option value="${consentingId}"`);

    for (const participantId of [outdated.id, stranger.id]) {
      const res = await client.post(base(), { method: 'interview', heldOn: '2026-01-15', participantId });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('has not accepted the initiative’s current consent text');
    }
    const foreign = await registerParticipant(t.db, actorOf(otherAdmin), otherInitiative.id, {
      consent: true,
    });
    const res = await api(
      t.app,
      staff.facilitator.token,
      'POST',
      apiBase(),
      interviewInput({ participantId: foreign.id }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { field: string; code: string }[] }>().errors).toEqual([
      expect.objectContaining({ field: 'participantId', code: 'unknownId' }),
    ]);
    const linked = await api(
      t.app,
      staff.facilitator.token,
      'POST',
      apiBase(),
      interviewInput({ participantId: idOf(rejoined) }),
    );
    expect(linked.statusCode).toBe(201);
    expect(linked.json<InterviewView>().participant?.id).toBe(idOf(rejoined));
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

  it('applies the roles: front-line staff record, analysts read, only facilitators and admins change', async () => {
    const created = await buildInterview(t.db, actorOf(staff.frontline), initiative.id);
    const page = `${base()}/${created.id}`;
    expect((await staff.analyst.client.get(page)).statusCode).toBe(200);
    expect((await staff.analyst.client.get(`${base()}/new`)).statusCode).toBe(403);
    expect((await staff.frontline.client.get(`${base()}/new`)).statusCode).toBe(200);
    expect((await staff.frontline.client.get(`${page}/edit`)).statusCode).toBe(403);
    expect((await staff.frontline.client.post(`${page}/delete`, {})).statusCode).toBe(403);
    const readOnly = await staff.analyst.client.get(page);
    expect(readOnly.body).not.toContain(`href="${page}/edit"`);
    const patch = await api(t.app, staff.analyst.token, 'PATCH', `${apiBase()}/${created.id}`, {
      place: 'x',
    });
    expect(patch.statusCode).toBe(403);
  });

  it('deletes after a confirmation page, with everything recorded in it', async () => {
    const created = await buildInterview(t.db, actorOf(staff.facilitator), initiative.id);
    const page = `${base()}/${created.id}`;
    const client = staff.admin.client;
    const confirm = await client.get(`${page}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Delete this interview?');
    expect(confirm.body).toContain(`action="${page}/delete"`);
    const res = await client.post(`${page}/delete`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${base()}?notice=deleted`);
    expect((await client.get(page)).statusCode).toBe(404);
    const pieces = await t.db
      .selectFrom('interview_pieces')
      .select('id')
      .where('interview_id', '=', created.id)
      .execute();
    expect(pieces).toHaveLength(0);
  });

  it('serves the JSON API: create, list, read, patch and delete, with problem details', async () => {
    const token = staff.facilitator.token;
    // Joined now, so under the current consent text (an earlier test changed it).
    const person = idOf(await joinAsParticipant(t.app, org.slug, initiative.slug));
    const created = await api(t.app, token, 'POST', apiBase(), interviewInput({ participantId: person }));
    expect(created.statusCode).toBe(201);
    const body = created.json<InterviewView>();
    expect(body).toMatchObject({
      method: 'interview',
      heldOn: '2026-01-15',
      interviewer: { id: staff.facilitator.id, name: 'Staff facilitator' },
      participant: { id: person },
      quotes: [{ text: 'I felt forgotten.' }],
    });
    expect(body.transcript?.segments[1]).toMatchObject({ start: 4.5, end: 9, speaker: 'Ann' });

    const list = await api(t.app, staff.analyst.token, 'GET', apiBase());
    expect(list.statusCode).toBe(200);
    const item = list
      .json<{ items: { id: string; noteCount: number; segmentCount: number }[] }>()
      .items.find((i) => i.id === body.id);
    expect(item).toMatchObject({ noteCount: 2, segmentCount: 2 });

    const patched = await api(t.app, token, 'PATCH', `${apiBase()}/${body.id}`, {
      place: 'By phone',
      notes: [{ id: body.notes[0]!.id, heading: 'Wait', text: 'Long.' }],
    });
    expect(patched.statusCode).toBe(200);
    const p = patched.json<InterviewView>();
    expect(p.place).toBe('By phone');
    expect(p.notes).toEqual([{ id: body.notes[0]!.id, heading: 'Wait', text: 'Long.' }]);
    // The transcript was not named, so it stays with its segment ids.
    expect(p.transcript!.segments.map((s) => s.id)).toEqual(body.transcript!.segments.map((s) => s.id));
    const removed = await api(t.app, token, 'PATCH', `${apiBase()}/${body.id}`, { transcript: null });
    expect(removed.json<InterviewView>().transcript).toBeNull();

    const malformed = await api(
      t.app,
      token,
      'POST',
      apiBase(),
      interviewInput({ transcript: { content: 'WEBVTT\n\n00:01.000 --> 00:00.500\nHi', format: 'vtt' } }),
    );
    expect(malformed.statusCode).toBe(422);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(malformed.json<{ errors: unknown[] }>().errors).toEqual([
      {
        field: 'transcript.content',
        code: 'interviews.vttEndBeforeStart',
        detail: 'Line 3: the cue ends before it starts',
      },
    ]);
    const anonymous = await api(t.app, token, 'POST', apiBase(), interviewInput({ participantId: '' }));
    expect(anonymous.statusCode).toBe(201);
    expect(anonymous.json<InterviewView>().participant).toBeNull();
    const wrongTypes = await api(t.app, token, 'POST', apiBase(), {
      method: 'interview',
      heldOn: 20260115,
      notes: 'x',
    });
    expect(wrongTypes.statusCode).toBe(422);

    expect((await api(t.app, otherAdmin.token, 'GET', `${apiBase()}/${body.id}`)).statusCode).toBe(404);
    expect((await api(t.app, otherAdmin.token, 'POST', apiBase(), interviewInput())).statusCode).toBe(404);
    const crossed = await api(t.app, token, 'GET', `${apiBase(otherInitiative)}/${body.id}`);
    expect(crossed.statusCode).toBe(404);
    expect(crossed.headers['content-type']).toContain('application/problem+json');

    expect((await api(t.app, token, 'DELETE', `${apiBase()}/${body.id}`)).statusCode).toBe(204);
    expect((await api(t.app, token, 'GET', `${apiBase()}/${body.id}`)).statusCode).toBe(404);

    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const one = openapi.paths['/api/v1/initiatives/{id}/interviews/{interviewId}'];
    expect(Object.keys(one ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    expect(Object.keys(one!.patch!.responses)).toEqual(expect.arrayContaining(['200', '404', '409', '422']));
  });

  it('keeps archived initiatives read-only', async () => {
    const draft = await buildInitiative(t.db, org.id, { staffId: staff.facilitator.id });
    const kept = await buildInterview(t.db, actorOf(staff.facilitator), draft.id);
    await changeInitiativeStatus(t.db, actorOf(staff.facilitator), draft.id, 'archive');
    const before = await count('interviews');
    const res = await api(t.app, staff.facilitator.token, 'POST', apiBase(draft), interviewInput());
    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toContain(
      'cannot be changed (its interviews are read-only)',
    );
    expect(
      (await api(t.app, staff.facilitator.token, 'DELETE', `${apiBase(draft)}/${kept.id}`)).statusCode,
    ).toBe(409);
    expect(
      (await staff.facilitator.client.get(`/staff/initiatives/${draft.id}/interviews/new`)).statusCode,
    ).toBe(409);
    const list = await staff.facilitator.client.get(`/staff/initiatives/${draft.id}/interviews`);
    expect(list.body).toContain('its interviews can be read but not changed');
    expect(list.body).not.toContain('/interviews/new');
    expect(await count('interviews')).toBe(before);
  });

  it('lists quotable inputs with stable ids and their source', async () => {
    const fresh = await buildInitiative(t.db, org.id, { open: true, staffId: staff.facilitator.id });
    const actor = actorOf(staff.analyst);
    expect(await listInterviewInputs(t.db, actor, fresh.id)).toEqual([]);
    const first = await buildInterview(t.db, actorOf(staff.facilitator), fresh.id, { heldOn: '2026-01-10' });
    const second = await buildInterview(t.db, actorOf(staff.facilitator), fresh.id, {
      heldOn: '2026-01-12',
      notes: [],
      quotes: [],
      transcript: { content: 'Anna: The bus is late.\nBo: Always.', format: 'text' },
    });
    const inputs = await listInterviewInputs(t.db, actor, fresh.id);
    expect(inputs.map((i) => [i.source.interviewId, i.kind, i.text])).toEqual([
      [first.id, 'note', 'Long, and nobody said why.'],
      [first.id, 'note', 'A screen showing the queue.'],
      [first.id, 'quote', 'I felt forgotten.'],
      [first.id, 'segment', 'How was the wait today?'],
      [first.id, 'segment', 'Long. Nobody told us what was going on & why.'],
      [second.id, 'segment', 'The bus is late.'],
      [second.id, 'segment', 'Always.'],
    ]);
    expect(inputs[0]).toMatchObject({
      id: first.notes[0]!.id,
      heading: 'How was the wait?',
      source: {
        type: 'interview',
        initiativeId: fresh.id,
        method: 'interview',
        heldOn: '2026-01-10',
        participantId: null,
        position: 0,
      },
    });
    expect(inputs[4]).toMatchObject({
      id: first.transcript!.segments[1]!.id,
      speaker: 'Ann',
      start: 4.5,
      end: 9,
    });
    expect(inputs[5]).toMatchObject({ speaker: 'Anna', start: null, end: null });
    // Another organization's staff cannot read them.
    await expect(listInterviewInputs(t.db, actorOf(otherAdmin), fresh.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('puts linked interviews in the participant’s data export; erasure unlinks them and keeps the input', async () => {
    const person = await joinAsParticipant(t.app, org.slug, initiative.slug, {
      email: 'erase-me@example.org',
    });
    const id = idOf(person);
    const linked = await buildInterview(t.db, actorOf(staff.facilitator), initiative.id, {
      participantId: id,
    });
    await buildInterview(t.db, actorOf(staff.facilitator), initiative.id, { place: 'Anonymous session' });

    const download = await person.get(`/o/${org.slug}/me/data.json`);
    expect(download.statusCode).toBe(200);
    const data = download.json<MyDataExport>();
    expect(data.interviews).toHaveLength(1);
    expect(data.interviews[0]).toMatchObject({
      id: linked.id,
      initiative: initiative.slug,
      method: 'interview',
      heldOn: '2026-01-15',
      quotes: ['I felt forgotten.'],
      notes: [
        { heading: 'How was the wait?', text: 'Long, and nobody said why.' },
        { heading: 'What would help?', text: 'A screen showing the queue.' },
      ],
    });
    expect(data.interviews[0]!.transcript[1]).toEqual({
      start: 4.5,
      end: 9,
      speaker: 'Ann',
      text: 'Long. Nobody told us what was going on & why.',
    });

    const me = await person.get(`/o/${org.slug}/me`);
    expect(me.body).toContain('Interviews and observations with you');
    expect(me.body).toContain(`Outpatient clinic, waiting room (${initiative.title})`);
    expect(me.body).not.toContain('Anonymous session');
    expect((await person.post(`/o/${org.slug}/me/erase`, { confirm: 'ERASE' })).statusCode).toBe(303);
    const row = await t.db
      .selectFrom('interviews')
      .selectAll()
      .where('id', '=', linked.id)
      .executeTakeFirstOrThrow();
    expect(row.participant_id).toBeNull();
    const pieces = await t.db
      .selectFrom('interview_pieces')
      .select('id')
      .where('interview_id', '=', linked.id)
      .execute();
    expect(pieces).toHaveLength(5);
    const view = (
      await api(t.app, staff.analyst.token, 'GET', `${apiBase()}/${linked.id}`)
    ).json<InterviewView>();
    expect(view.participant).toBeNull();
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', id)
      .where('action', '=', 'interview.participant_unlinked')
      .execute();
    expect(audit).toHaveLength(1);
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
