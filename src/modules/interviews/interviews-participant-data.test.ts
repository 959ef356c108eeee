// Interviews linked to a participant: their data export, their page, and erasure.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api } from '../../../test/support/http-client.js';
import { buildInterview } from '../../../test/support/interview-factory.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import type { MyDataExport } from '../participants/export-my-data.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import type { InterviewView } from './interview-view.js';

describe.each(engines)('interviews in participants’ own data on %s', (engine) => {
  let t: InterviewsSetup['t'];
  let org: InterviewsSetup['org'];
  let initiative: InterviewsSetup['initiative'];
  let staff: InterviewsSetup['staff'];
  let apiBase: InterviewsSetup['apiBase'];

  beforeAll(async () => {
    ({ t, org, initiative, staff, apiBase } = await setUpInterviews(engine));
  });
  afterAll(async () => t.close());

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
});
