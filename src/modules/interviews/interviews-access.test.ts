// Who may be linked and who may do what: current consent, roles, deletion and archived initiatives.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api } from '../../../test/support/http-client.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { buildInterview, interviewInput } from '../../../test/support/interview-factory.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { changeInitiativeStatus } from '../initiatives/change-initiative-status.js';
import { updateInitiative } from '../initiatives/update-initiative.js';
import { registerParticipant } from '../participants/register-participant.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import type { InterviewView } from './interview-view.js';

describe.each(engines)('interview access and lifecycle on %s', (engine) => {
  let t: InterviewsSetup['t'];
  let org: InterviewsSetup['org'];
  let initiative: InterviewsSetup['initiative'];
  let otherInitiative: InterviewsSetup['otherInitiative'];
  let staff: InterviewsSetup['staff'];
  let otherAdmin: InterviewsSetup['otherAdmin'];
  let consentingId: InterviewsSetup['consentingId'];
  let base: InterviewsSetup['base'];
  let apiBase: InterviewsSetup['apiBase'];
  let count: InterviewsSetup['count'];

  beforeAll(async () => {
    ({ t, org, initiative, otherInitiative, staff, otherAdmin, consentingId, base, apiBase, count } =
      await setUpInterviews(engine));
  });
  afterAll(async () => t.close());

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
});
