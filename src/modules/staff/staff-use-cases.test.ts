import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { actorOf, buildOrganization, buildStaff } from '../../../test/support/staff-factory.js';
import { AppError } from '../../platform/errors.js';
import { createStaff } from './create-staff.js';
import { updateStaffMember } from './update-staff-member.js';

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the use case to fail');
}

describe.each(engines)('staff use cases on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('creates staff with a lower-case unique email and refuses short passwords', async () => {
    const org = await buildOrganization(t.db);
    const member = await createStaff(t.db, {
      organizationId: org.id,
      email: 'Mixed.Case@Test.example',
      name: 'Mia',
      role: 'analyst',
      password: 'twelve chars!',
    });
    expect(member).toMatchObject({ email: 'mixed.case@test.example', role: 'analyst', status: 'active' });
    const row = await t.db
      .selectFrom('staff')
      .selectAll()
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);

    const taken = await failureOf(
      createStaff(t.db, {
        organizationId: org.id,
        email: 'MIXED.case@test.example',
        name: 'Other',
        role: 'admin',
        password: 'another long password',
      }),
    );
    expect(taken.code).toBe('email_taken');

    const short = await failureOf(
      createStaff(t.db, {
        organizationId: org.id,
        email: 'x@test.example',
        name: '',
        role: 'boss',
        password: 'short',
      }),
    );
    expect(short.code).toBe('validation_failed');
    expect(short.fields.map((f) => `${f.field}:${f.code}`).sort()).toEqual([
      'name:required',
      'password:passwordTooShort',
      'role:invalidChoice',
    ]);
  });

  it('keeps one active admin when two admins demote each other at the same time', async () => {
    const org = await buildOrganization(t.db);
    const a = await buildStaff(t.db, { organizationId: org.id, role: 'admin' });
    const b = await buildStaff(t.db, { organizationId: org.id, role: 'admin' });
    const demote = { role: 'analyst', status: 'active' };
    // The first demotion stays uncommitted while the second runs: without a lock both would see
    // the other admin still active and the organization would end with none.
    let firstDone!: () => void;
    const firstApplied = new Promise<void>((resolve) => (firstDone = resolve));
    const first = t.db.transaction().execute(async (trx) => {
      await updateStaffMember(trx, actorOf(a), b.id, demote);
      firstDone();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await firstApplied;
    const second = t.db.transaction().execute((trx) => updateStaffMember(trx, actorOf(b), a.id, demote));
    const results = await Promise.allSettled([first, second]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(
      rejected?.status === 'rejected' && rejected.reason instanceof AppError && rejected.reason.code,
    ).toBe('conflict');
    const admins = await t.db
      .selectFrom('staff')
      .select('id')
      .where('organization_id', '=', org.id)
      .where('role', '=', 'admin')
      .where('status', '=', 'active')
      .execute();
    expect(admins).toHaveLength(1);
  });
});
