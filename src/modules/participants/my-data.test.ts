import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { FormClient } from '../../../test/support/http-client.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import {
  buildDemographics,
  joinAsParticipant,
  type BuiltDemographics,
} from '../../../test/support/participant-factory.js';
import { buildOrganization } from '../../../test/support/staff-factory.js';
import type { Organization } from '../organizations/get-organization.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { PARTICIPANT_COOKIE } from './participant-cookie.js';
import type { MyDataExport } from './export-my-data.js';

describe.each(engines)('my data on %s', (engine) => {
  let t: TestApp;
  let org: Organization;
  let initiative: Initiative;
  let demo: BuiltDemographics;

  const idOf = (client: FormClient) => (client.cookies.get(PARTICIPANT_COOKIE) ?? '').split('.')[0] ?? '';
  const answersOf = async (participantId: string) =>
    t.db
      .selectFrom('participant_demographics')
      .selectAll()
      .where('participant_id', '=', participantId)
      .orderBy('attribute_id')
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await buildOrganization(t.db);
    initiative = await buildInitiative(t.db, org.id, { open: true });
    demo = await buildDemographics(t.db, org.id);
  });
  afterAll(async () => t.close());

  it('explains that nothing is stored without a participant cookie', async () => {
    const res = await new FormClient(t.app).get(`/o/${org.slug}/me`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('We store nothing about you here');
    expect(res.body).not.toContain('action="/o/');
    const download = await new FormClient(t.app).get(`/o/${org.slug}/me/data.json`);
    expect(download.statusCode).toBe(404);
  });

  it('saves demographics including "prefer not to say" and "not answered"', async () => {
    const client = await joinAsParticipant(t.app, org.slug, initiative.slug);
    const page = await client.get(`/o/${org.slug}/me/demographics`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<legend>Age band</legend>');
    expect(page.body).toContain('Prefer not to say');
    expect(page.body).toContain('Not answered');

    const res = await client.post(`/o/${org.slug}/me/demographics`, {
      [`answers.${demo.ageBand.id}`]: demo.ageBand.categories['30_59'],
      [`answers.${demo.district.id}`]: 'prefer_not_to_say',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/o/${org.slug}/me?notice=demographicsSaved`);
    const rows = await answersOf(idOf(client));
    expect(rows).toHaveLength(2);
    const age = rows.find((r) => r.attribute_id === demo.ageBand.id);
    const district = rows.find((r) => r.attribute_id === demo.district.id);
    expect(age).toMatchObject({ category_id: demo.ageBand.categories['30_59'], prefer_not_to_say: 0 });
    expect(district).toMatchObject({ category_id: null, prefer_not_to_say: 1 });

    const me = await client.get(`/o/${org.slug}/me`);
    expect(me.body).toContain('30 to 59');
    expect(me.body).toContain('Prefer not to say');

    // "Not answered" (an empty value) removes an earlier answer.
    await client.get(`/o/${org.slug}/me/demographics`);
    await client.post(`/o/${org.slug}/me/demographics`, {
      [`answers.${demo.ageBand.id}`]: '',
      [`answers.${demo.district.id}`]: demo.district.categories.north,
    });
    const after = await answersOf(idOf(client));
    expect(after.map((r) => r.category_id)).toEqual([demo.district.categories.north]);
  });

  it("rejects unknown attribute and category ids, including another organization's", async () => {
    const client = await joinAsParticipant(t.app, org.slug, initiative.slug);
    const other = await buildOrganization(t.db);
    const foreign = await buildDemographics(t.db, other.id);
    await client.get(`/o/${org.slug}/me/demographics`);
    const res = await client.post(`/o/${org.slug}/me/demographics`, {
      [`answers.${demo.ageBand.id}`]: foreign.ageBand.categories.under_30,
      [`answers.${foreign.district.id}`]: foreign.district.categories.north,
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('This does not exist or is not available');
    expect(await answersOf(idOf(client))).toHaveLength(0);
  });

  it('changes details and downloads everything as a JSON attachment', async () => {
    const client = await joinAsParticipant(t.app, org.slug, initiative.slug, { email: 'a@example.org' });
    await client.get(`/o/${org.slug}/me/demographics`);
    await client.post(`/o/${org.slug}/me/demographics`, {
      [`answers.${demo.ageBand.id}`]: demo.ageBand.categories['60_plus'],
    });
    await client.get(`/o/${org.slug}/me`);
    const saved = await client.post(`/o/${org.slug}/me`, {
      email: 'b@example.org',
      followUp: 'true',
      locale: 'da',
      accessibilityNeeds: 'Step-free access',
    });
    expect(saved.statusCode).toBe(303);
    const tooLong = await client.post(`/o/${org.slug}/me`, { accessibilityNeeds: 'x'.repeat(1001) });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('Must be at most 1000 characters');

    const res = await client.get(`/o/${org.slug}/me/data.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="my-data-${org.slug}.json"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json<MyDataExport>();
    expect(data.organization.slug).toBe(org.slug);
    expect(data.participant).toMatchObject({
      id: idOf(client),
      email: 'b@example.org',
      followUp: true,
      language: 'da',
      accessibilityNeeds: 'Step-free access',
    });
    expect(data.participant.pseudonym).toMatch(/^Participant /);
    expect(data.demographics).toEqual([
      expect.objectContaining({
        attribute: 'age_band',
        category: '60_plus',
        categoryLabel: { en: '60 or older', da: '60 eller ældre' },
        preferNotToSay: false,
      }),
    ]);
    expect(data.initiatives).toEqual([
      expect.objectContaining({ slug: initiative.slug, consentVersion: 1, channel: 'web' }),
    ]);
  });

  it('erases personal data on explicit confirmation and keeps the anonymized membership', async () => {
    const client = await joinAsParticipant(t.app, org.slug, initiative.slug, {
      email: 'gone@example.org',
      accessibilityNeeds: 'Hearing loop',
    });
    const id = idOf(client);
    await client.get(`/o/${org.slug}/me/demographics`);
    await client.post(`/o/${org.slug}/me/demographics`, {
      [`answers.${demo.district.id}`]: demo.district.categories.south,
    });

    await client.get(`/o/${org.slug}/me`);
    const unconfirmed = await client.post(`/o/${org.slug}/me/erase`, { confirm: 'yes' });
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('Type the word shown to confirm');
    expect(
      (await t.db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
        .email,
    ).toBe('gone@example.org');

    const res = await client.post(`/o/${org.slug}/me/erase`, { confirm: 'erase' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/o/${org.slug}/me?notice=erased`);
    const cleared = res.cookies.find((c) => c.name === PARTICIPANT_COOKIE);
    expect(cleared?.value).toBe('');
    expect(client.cookies.has(PARTICIPANT_COOKIE)).toBe(false);

    const row = await t.db
      .selectFrom('participants')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      pseudonym: 'Erased participant',
      email: null,
      follow_up: 0,
      accessibility_needs: '',
    });
    expect(row.erased_at).not.toBeNull();
    expect(await answersOf(id)).toHaveLength(0);
    const membership = await t.db
      .selectFrom('initiative_participants')
      .selectAll()
      .where('participant_id', '=', id)
      .execute();
    expect(membership).toHaveLength(1);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', id)
      .where('action', '=', 'participant.erased')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toBe('{}');

    const after = await client.get(`/o/${org.slug}/me?notice=erased`);
    expect(after.body).toContain('Your personal data was erased');
    expect(after.body).toContain('We store nothing about you here');
  });

  it('accepts the Danish confirmation word too', async () => {
    const client = await joinAsParticipant(t.app, org.slug, initiative.slug);
    await client.get(`/o/${org.slug}/me`);
    const res = await client.post(`/o/${org.slug}/me/erase`, { confirm: 'SLET' });
    expect(res.statusCode).toBe(303);
  });

  it('refuses a stale CSRF token on erasure and keeps everything', async () => {
    const client = await joinAsParticipant(t.app, org.slug, initiative.slug, { email: 'stay@example.org' });
    const res = await client.post(`/o/${org.slug}/me/erase`, { _csrf: 'stale', confirm: 'ERASE' });
    expect(res.statusCode).toBe(403);
    const row = await t.db
      .selectFrom('participants')
      .selectAll()
      .where('id', '=', idOf(client))
      .executeTakeFirstOrThrow();
    expect(row.email).toBe('stay@example.org');
    expect(row.erased_at).toBeNull();
  });
});
