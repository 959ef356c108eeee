import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { FormClient } from '../../../test/support/http-client.js';
import { buildInitiative, completePlan } from '../../../test/support/initiative-factory.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf, buildOrganization, buildStaff } from '../../../test/support/staff-factory.js';
import { updateInitiative } from '../initiatives/update-initiative.js';
import type { Organization } from '../organizations/get-organization.js';
import { PARTICIPANT_COOKIE } from './participant-cookie.js';
import { requireCurrentConsent } from './require-current-consent.js';

describe.each(engines)('joining an initiative on %s', (engine) => {
  let t: TestApp;
  let org: Organization;

  const counts = async () => ({
    participants: (await t.db.selectFrom('participants').select('id').execute()).length,
    memberships: (await t.db.selectFrom('initiative_participants').select('participant_id').execute()).length,
  });

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await buildOrganization(t.db);
  });
  afterAll(async () => t.close());

  it('joins with explicit consent: a pseudonymous participant, the consent version, a signed cookie', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const client = new FormClient(t.app);
    const page = await client.get(`/o/${org.slug}/i/${initiative.slug}/join`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('We store your answers to improve the clinic.');
    expect(page.body).toContain('name="consent"');

    const res = await client.post(`/o/${org.slug}/i/${initiative.slug}/join`, {
      consent: 'true',
      email: 'someone@example.org',
      followUp: 'true',
      locale: 'da',
      accessibilityNeeds: 'Large print',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/o/${org.slug}/i/${initiative.slug}/join?notice=joined`);
    const cookie = res.cookies.find((c) => c.name === PARTICIPANT_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: `/o/${org.slug}` });
    const participant = await t.db.selectFrom('participants').selectAll().executeTakeFirstOrThrow();
    // Signed: the value is the id plus a signature, and the app accepts it back.
    expect(cookie?.value.startsWith(`${participant.id}.`)).toBe(true);
    expect(participant).toMatchObject({
      organization_id: org.id,
      email: 'someone@example.org',
      follow_up: 1,
      locale: 'da',
      accessibility_needs: 'Large print',
    });
    expect(participant.pseudonym).toMatch(/^Participant [A-Z2-9]{4}$/);
    const membership = await t.db
      .selectFrom('initiative_participants')
      .selectAll()
      .where('participant_id', '=', participant.id)
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({
      initiative_id: initiative.id,
      consent_text_id: initiative.consent?.id,
      channel: 'web',
    });
    expect(new Date(membership.consented_at).toISOString()).toBe(membership.consented_at);

    const after = await client.get(`/o/${org.slug}/i/${initiative.slug}/join?notice=joined`);
    expect(after.body).toContain('Welcome! You now take part');
    expect(after.body).toContain(participant.pseudonym);

    // Joining again is harmless.
    const again = await client.post(`/o/${org.slug}/i/${initiative.slug}/join`, { consent: 'true' });
    expect(again.headers.location).toContain('notice=already_joined');
    const n = await t.db
      .selectFrom('initiative_participants')
      .select('participant_id')
      .where('initiative_id', '=', initiative.id)
      .execute();
    expect(n).toHaveLength(1);
  });

  it('refuses without consent (422 beside the checkbox) and writes nothing', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const before = await counts();
    const client = new FormClient(t.app);
    const res = await client.submit(
      `/o/${org.slug}/i/${initiative.slug}/join`,
      `/o/${org.slug}/i/${initiative.slug}/join`,
      { email: 'kept@example.org' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('You need to agree before you can take part');
    expect(res.body).toContain('value="kept@example.org"');
    expect(res.cookies.find((c) => c.name === PARTICIPANT_COOKIE)).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it('refuses overlong text and bad email with 422 and writes nothing', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const before = await counts();
    const client = new FormClient(t.app);
    const res = await client.submit(
      `/o/${org.slug}/i/${initiative.slug}/join`,
      `/o/${org.slug}/i/${initiative.slug}/join`,
      { consent: 'true', accessibilityNeeds: 'x'.repeat(1001), email: 'not-an-email' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Must be at most 1000 characters');
    expect(res.body).toContain('Enter an email address like name@example.org');
    expect(await counts()).toEqual(before);
  });

  it('asks for an email when follow-up is wanted', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const client = new FormClient(t.app);
    const res = await client.submit(
      `/o/${org.slug}/i/${initiative.slug}/join`,
      `/o/${org.slug}/i/${initiative.slug}/join`,
      { consent: 'true', followUp: 'true' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Enter an email address so we can follow up');
  });

  it('refuses closed and draft initiatives with a 409 page, writing nothing', async () => {
    const facilitator = await buildStaff(t.db, { organizationId: org.id, role: 'facilitator' });
    const draft = await buildInitiative(t.db, org.id, { staffId: facilitator.id });
    const before = await counts();
    const client = new FormClient(t.app);
    const page = await client.get(`/o/${org.slug}/i/${draft.slug}/join`);
    // A draft is not public at all.
    expect(page.statusCode).toBe(404);

    const open = await buildInitiative(t.db, org.id, { open: true, staffId: facilitator.id });
    await client.get(`/o/${org.slug}/i/${open.slug}/join`);
    const { changeInitiativeStatus } = await import('../initiatives/change-initiative-status.js');
    await changeInitiativeStatus(t.db, actorOf(facilitator), open.id, 'close');
    const closedPage = await client.get(`/o/${org.slug}/i/${open.slug}/join`);
    expect(closedPage.statusCode).toBe(409);
    expect(closedPage.body).toContain('This initiative is not open');
    const res = await client.post(`/o/${org.slug}/i/${open.slug}/join`, { consent: 'true' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('This initiative is not open');
    expect(await counts()).toEqual(before);
  });

  it('ignores a tampered cookie and never lets one organization see another', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const client = await joinAsParticipant(t.app, org.slug, initiative.slug, { email: 'me@example.org' });
    const me = await client.get(`/o/${org.slug}/me`);
    expect(me.body).toContain('me@example.org');

    const signed = client.cookies.get(PARTICIPANT_COOKIE) ?? '';
    const [id] = signed.split('.');
    const forged = new FormClient(t.app);
    forged.cookies.set(PARTICIPANT_COOKIE, `${id}.forgedsignature`);
    const tampered = await forged.get(`/o/${org.slug}/me`);
    expect(tampered.statusCode).toBe(200);
    expect(tampered.body).not.toContain('me@example.org');
    expect(tampered.body).toContain('We store nothing about you here');
    const unsigned = new FormClient(t.app);
    unsigned.cookies.set(PARTICIPANT_COOKIE, id ?? '');
    expect((await unsigned.get(`/o/${org.slug}/me`)).body).toContain('We store nothing about you here');

    // The same (validly signed) cookie sent to another organization names nobody there.
    const other = await buildOrganization(t.db);
    const elsewhere = await client.get(`/o/${other.slug}/me`);
    expect(elsewhere.body).toContain('We store nothing about you here');
  });

  it('asks to accept a newer consent version before contributing', async () => {
    const facilitator = await buildStaff(t.db, { organizationId: org.id, role: 'facilitator' });
    const initiative = await buildInitiative(t.db, org.id, { open: true, staffId: facilitator.id });
    const client = await joinAsParticipant(t.app, org.slug, initiative.slug);
    const participantId = (client.cookies.get(PARTICIPANT_COOKIE) ?? '').split('.')[0];
    expect(await requireCurrentConsent(t.db, org.id, initiative.slug, participantId)).toMatchObject({
      ok: true,
    });
    expect(await requireCurrentConsent(t.db, org.id, initiative.slug, undefined)).toMatchObject({
      ok: false,
      reason: 'not_joined',
    });

    await updateInitiative(
      t.db,
      actorOf(facilitator),
      initiative.id,
      { consentText: 'Version two: we also keep your answers for a follow-up study.' },
      { partial: true },
    );
    expect(await requireCurrentConsent(t.db, org.id, initiative.slug, participantId)).toMatchObject({
      ok: false,
      reason: 'consent_outdated',
    });
    const page = await client.get(`/o/${org.slug}/i/${initiative.slug}/join`);
    expect(page.body).toContain('The consent text has changed');
    expect(page.body).toContain('Version two');
    expect(page.body).toContain('Consent (version 2)');

    const refused = await client.post(`/o/${org.slug}/i/${initiative.slug}/join`, {});
    expect(refused.statusCode).toBe(422);
    const res = await client.submit(
      `/o/${org.slug}/i/${initiative.slug}/join`,
      `/o/${org.slug}/i/${initiative.slug}/join`,
      { consent: 'true' },
    );
    expect(res.headers.location).toContain('notice=consent_renewed');
    expect(await requireCurrentConsent(t.db, org.id, initiative.slug, participantId)).toMatchObject({
      ok: true,
    });
  });

  it('refuses a consent that changed while the person was reading', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const client = new FormClient(t.app);
    await client.get(`/o/${org.slug}/i/${initiative.slug}/join`);
    const res = await client.post(`/o/${org.slug}/i/${initiative.slug}/join`, {
      consent: 'true',
      consentTextId: 'an-older-version',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('The consent text changed while you were reading');
  });

  it('refuses a stale CSRF token with 403 and writes nothing', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const before = await counts();
    const client = new FormClient(t.app);
    await client.get(`/o/${org.slug}/i/${initiative.slug}/join`);
    const res = await client.post(`/o/${org.slug}/i/${initiative.slug}/join`, {
      _csrf: 'stale-token',
      consent: 'true',
    });
    expect(res.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('speaks Danish', async () => {
    const initiative = await buildInitiative(t.db, org.id, {
      open: true,
      plan: { ...completePlan(), title: 'Bedre venteværelser' },
    });
    const client = new FormClient(t.app, { 'accept-language': 'da' });
    const page = await client.get(`/o/${org.slug}/i/${initiative.slug}/join`);
    expect(page.body).toContain('Deltag: Bedre venteværelser');
    expect(page.body).toContain('Jeg har læst teksten ovenfor');
  });
});
