// The per-address limits on the participant forms: statements as every public form, votes five times that.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { buildConversation } from '../../../test/support/conversation-factory.js';
import { engines } from '../../../test/support/databases.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf, buildOrganization, buildStaff } from '../../../test/support/staff-factory.js';

describe.each(engines)('rate limits of conversations on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(async () => t.close());

  it('limits statements like every public form and votes at five times that', async () => {
    const org = await buildOrganization(t.db);
    const staff = await buildStaff(t.db, { organizationId: org.id, role: 'facilitator' });
    const initiative = await buildInitiative(t.db, org.id, { open: true, staffId: staff.id });
    const seeds = Array.from({ length: 11 }, (_, i) => `Statement ${i}.`);
    const { conversation, statements } = await buildConversation(t.db, actorOf(staff), initiative.id, {
      seeds,
    });
    const path = `/o/${org.slug}/i/${initiative.slug}/c/${conversation.id}`;
    const person = await joinAsParticipant(t.app, org.slug, initiative.slug);
    await person.get(path);
    const codes: number[] = [];
    for (const st of statements)
      codes.push((await person.post(`${path}/vote`, { statementId: st.id, vote: 'pass' })).statusCode);
    expect(codes).toEqual([...Array<number>(10).fill(303), 429]);
    const added = [];
    for (let i = 0; i < 3; i++)
      added.push((await person.post(`${path}/statements`, { body: `Idea ${i}` })).statusCode);
    expect(added).toEqual([303, 303, 429]);
  });
});
