// The pulse form is a public form: rate-limited per address like the others (here 2 a minute).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { buildOrganization, buildStaff } from '../../../test/support/staff-factory.js';

describe.each(engines)('rate limit of the pulse form on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(async () => t.close());

  it('refuses the third post within a minute with 429 and stores only what was accepted', async () => {
    const org = await buildOrganization(t.db);
    const staff = await buildStaff(t.db, { organizationId: org.id, role: 'facilitator' });
    const initiative = await buildInitiative(t.db, org.id, { open: true, staffId: staff.id });
    const pulse = `/o/${org.slug}/i/${initiative.slug}/pulse?activity=ideas:${initiative.id}`;
    const person = await joinAsParticipant(t.app, org.slug, initiative.slug);
    await person.get(pulse);
    const codes: number[] = [];
    // An empty post (422) still counts; then one accepted pulse; then the limit.
    codes.push((await person.post(pulse, {})).statusCode);
    codes.push((await person.post(pulse, { heard: '3' })).statusCode);
    codes.push((await person.post(pulse, { heard: '4' })).statusCode);
    expect(codes).toEqual([422, 303, 429]);
    const rows = await t.db.selectFrom('pulse_answers').select('heard').execute();
    expect(rows).toEqual([{ heard: 3 }]);
  });
});
