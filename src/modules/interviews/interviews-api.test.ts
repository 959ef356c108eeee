// The JSON API and the quotable inputs that analysis reads from interviews.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api } from '../../../test/support/http-client.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { buildInterview, interviewInput } from '../../../test/support/interview-factory.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import type { InterviewView } from './interview-view.js';
import { listInterviewInputs } from './list-interview-inputs.js';

describe.each(engines)('interviews API on %s', (engine) => {
  let t: InterviewsSetup['t'];
  let org: InterviewsSetup['org'];
  let initiative: InterviewsSetup['initiative'];
  let otherInitiative: InterviewsSetup['otherInitiative'];
  let staff: InterviewsSetup['staff'];
  let otherAdmin: InterviewsSetup['otherAdmin'];
  let apiBase: InterviewsSetup['apiBase'];

  beforeAll(async () => {
    ({ t, org, initiative, otherInitiative, staff, otherAdmin, apiBase } = await setUpInterviews(engine));
  });
  afterAll(async () => t.close());

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
});
