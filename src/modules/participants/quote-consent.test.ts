import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { FormClient } from '../../../test/support/http-client.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { buildOrganization } from '../../../test/support/staff-factory.js';
import type { Organization } from '../organizations/get-organization.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import type { MyDataExport } from './export-my-data.js';
import { PARTICIPANT_COOKIE } from './participant-cookie.js';
import { quotableParticipants } from './quotable-participants.js';

describe.each(engines)('quote consent on %s', (engine) => {
  let t: TestApp;
  let org: Organization;
  let initiative: Initiative;

  const idOf = (client: FormClient) => (client.cookies.get(PARTICIPANT_COOKIE) ?? '').split('.')[0] ?? '';
  const stored = async (id: string) =>
    (
      await t.db
        .selectFrom('participants')
        .select('quote_consent')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).quote_consent;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await buildOrganization(t.db);
    initiative = await buildInitiative(t.db, org.id, { open: true });
  });
  afterAll(async () => t.close());

  it('is asked on the join form, off unless ticked, and stored when ticked', async () => {
    const page = await new FormClient(t.app).get(`/o/${org.slug}/i/${initiative.slug}/join`);
    expect(page.body).toContain('name="quoteConsent"');
    expect(page.body).toContain('without my name');
    const silent = await joinAsParticipant(t.app, org.slug, initiative.slug);
    expect(Number(await stored(idOf(silent)))).toBe(0);
    const willing = await joinAsParticipant(t.app, org.slug, initiative.slug, { quoteConsent: 'true' });
    expect(Number(await stored(idOf(willing)))).toBe(1);
  });

  it('is shown and changed on "My data" and included in the download', async () => {
    const client = await joinAsParticipant(t.app, org.slug, initiative.slug);
    const me = await client.get(`/o/${org.slug}/me`);
    expect(me.body).toContain('May be quoted without name');
    expect(me.body).toMatch(/name="quoteConsent" value="true"(?! checked)/);
    const saved = await client.submit(`/o/${org.slug}/me`, `/o/${org.slug}/me`, { quoteConsent: 'true' });
    expect(saved.statusCode).toBe(303);
    expect(Number(await stored(idOf(client)))).toBe(1);
    const again = await client.get(`/o/${org.slug}/me`);
    expect(again.body).toMatch(/name="quoteConsent" value="true" checked/);
    const data = (await client.get(`/o/${org.slug}/me/data.json`)).json<MyDataExport>();
    expect(data.participant.quoteConsent).toBe(true);

    // Unticking withdraws it (an unticked checkbox sends nothing).
    await client.submit(`/o/${org.slug}/me`, `/o/${org.slug}/me`, {});
    expect(Number(await stored(idOf(client)))).toBe(0);
    expect(
      (await client.get(`/o/${org.slug}/me/data.json`)).json<MyDataExport>().participant.quoteConsent,
    ).toBe(false);
  });

  it('is shown in Danish', async () => {
    const danish = new FormClient(t.app, { 'accept-language': 'da' });
    const client = await joinAsParticipant(t.app, org.slug, initiative.slug, {}, danish);
    const page = await new FormClient(t.app, { 'accept-language': 'da' }).get(
      `/o/${org.slug}/i/${initiative.slug}/join`,
    );
    expect(page.body).toContain('Ja, I må citere det, jeg skriver');
    const me = await client.get(`/o/${org.slug}/me`);
    expect(me.body).toContain('Må citeres uden navn');
  });

  it('makes only consenting, not erased participants of the organization quotable', async () => {
    const yes = idOf(await joinAsParticipant(t.app, org.slug, initiative.slug, { quoteConsent: 'true' }));
    const no = idOf(await joinAsParticipant(t.app, org.slug, initiative.slug));
    const erasedClient = await joinAsParticipant(t.app, org.slug, initiative.slug, { quoteConsent: 'true' });
    const erased = idOf(erasedClient);
    await erasedClient.submit(`/o/${org.slug}/me`, `/o/${org.slug}/me/erase`, { confirm: 'erase' });
    const other = await buildOrganization(t.db);
    const quotable = await quotableParticipants(t.db, other.id, [yes]);
    expect([...quotable]).toEqual([]);
    const mine = await quotableParticipants(t.db, org.id, [yes, no, erased, yes, 'unknown']);
    expect([...mine]).toEqual([yes]);
    expect(Number(await stored(erased))).toBe(0);
  });
});
