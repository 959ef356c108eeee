import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { actorOf, buildOrganization, buildStaff, signIn } from '../../../test/support/staff-factory.js';
import { createDepartment } from './create-department.js';

describe.each(engines)('team, departments and members on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  async function setup() {
    const org = await buildOrganization(t.db);
    const admin = await buildStaff(t.db, { organizationId: org.id, role: 'admin', name: 'Ada Admin' });
    const client = await signIn(t.app, admin.email, admin.password);
    return { org, admin, client };
  }
  const departmentsOf = (organizationId: string) =>
    t.db.selectFrom('departments').selectAll().where('organization_id', '=', organizationId).execute();
  const auditOf = (organizationId: string, action: string) =>
    t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('action', '=', action)
      .execute();

  it('lists the team with roles and departments; only admins see the forms', async () => {
    const { org, client } = await setup();
    const department = await createDepartment(
      t.db,
      actorOf(await buildStaff(t.db, { organizationId: org.id, role: 'admin' })),
      {
        departmentName: 'Emergency <Ward>',
      },
    );
    const analyst = await buildStaff(t.db, {
      organizationId: org.id,
      role: 'analyst',
      name: 'Ana <script>',
      departmentId: department.id,
    });
    const page = await client.get('/staff/team');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ana &lt;script>');
    expect(page.body).not.toContain('Ana <script>');
    expect(page.body).toContain('Emergency &lt;Ward>');
    expect(page.body).toContain('Analyst');
    expect(page.body).toContain('action="/staff/team/invitations"');
    expect(page.body).toContain('action="/staff/departments"');

    const analystClient = await signIn(t.app, analyst.email, analyst.password);
    const seen = await analystClient.get('/staff/team');
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('Ada Admin');
    expect(seen.body).not.toContain('action="/staff/team/invitations"');
    expect(seen.body).not.toContain('action="/staff/departments"');
    const da = await analystClient.get('/lang/da?next=/staff/team');
    expect(da.statusCode).toBe(303);
    expect((await analystClient.get('/staff/team')).body).toContain('Analytiker');
  });

  it('creates and renames departments with audit entries; names are unique', async () => {
    const { org, client } = await setup();
    const created = await client.post('/staff/departments', { departmentName: 'Outpatients' });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/staff/team?notice=departmentCreated');
    const [department] = await departmentsOf(org.id);
    expect(department?.name).toBe('Outpatients');

    const duplicate = await client.post('/staff/departments', { departmentName: 'Outpatients' });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.body).toContain('This is already in use');
    expect(duplicate.body).toContain('value="Outpatients"');

    const page = await client.get(`/staff/departments/${department?.id}`);
    expect(page.statusCode).toBe(200);
    const renamed = await client.post(`/staff/departments/${department?.id}`, {
      departmentName: 'Day clinic',
    });
    expect(renamed.statusCode).toBe(303);
    expect((await departmentsOf(org.id)).map((d) => d.name)).toEqual(['Day clinic']);
    expect(await auditOf(org.id, 'department.create')).toHaveLength(1);
    const [rename] = await auditOf(org.id, 'department.rename');
    expect(JSON.parse(rename?.details ?? '{}')).toEqual({ from: 'Outpatients', to: 'Day clinic' });

    const audit = await client.get('/staff/audit');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('Renamed a department');
  });

  it('refuses overlong input and a stale CSRF token, writing nothing', async () => {
    const { org, client } = await setup();
    const long = await client.post('/staff/departments', { departmentName: 'D'.repeat(201) });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('Must be at most 200 characters');
    const stale = await client.post('/staff/departments', { _csrf: 'stale', departmentName: 'Sneaky' });
    expect(stale.statusCode).toBe(403);
    expect(stale.body).toContain('The form expired');
    expect(await departmentsOf(org.id)).toHaveLength(0);
    expect(await auditOf(org.id, 'department.create')).toHaveLength(0);
  });

  it('changes a member and records the change in the audit log', async () => {
    const { org, client } = await setup();
    await client.post('/staff/departments', { departmentName: 'Front desk' });
    const [department] = await departmentsOf(org.id);
    const member = await buildStaff(t.db, { organizationId: org.id, role: 'frontline' });
    const res = await client.post(`/staff/team/${member.id}`, {
      role: 'facilitator',
      status: 'active',
      departmentId: department?.id ?? '',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/staff/team/${member.id}?notice=memberUpdated`);
    const row = await t.db
      .selectFrom('staff')
      .selectAll()
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'facilitator', department_id: department?.id });
    const [entry] = await auditOf(org.id, 'staff.update');
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({
      role: { from: 'frontline', to: 'facilitator' },
    });
  });

  it('disabling a member ends their session at once', async () => {
    const { org, client } = await setup();
    const member = await buildStaff(t.db, { organizationId: org.id, role: 'analyst' });
    const memberClient = await signIn(t.app, member.email, member.password);
    await client.post(`/staff/team/${member.id}`, { role: 'analyst', status: 'disabled' });
    const res = await memberClient.get('/staff/team');
    expect(res.statusCode).toBe(303);
  });

  it('keeps the last active admin: no self-demotion or disabling when alone', async () => {
    const { org, admin, client } = await setup();
    const demote = await client.post(`/staff/team/${admin.id}`, { role: 'analyst', status: 'active' });
    expect(demote.statusCode).toBe(409);
    expect(demote.body).toContain('The organization needs at least one active administrator');
    const disable = await client.post(`/staff/team/${admin.id}`, { role: 'admin', status: 'disabled' });
    expect(disable.statusCode).toBe(409);
    const row = await t.db
      .selectFrom('staff')
      .selectAll()
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'admin', status: 'active' });

    await buildStaff(t.db, { organizationId: org.id, role: 'admin' });
    const allowed = await client.post(`/staff/team/${admin.id}`, { role: 'analyst', status: 'active' });
    expect(allowed.statusCode).toBe(303);
  });

  it('answers other organizations’ member and department ids with 404 and changes nothing', async () => {
    const { client } = await setup();
    const other = await buildOrganization(t.db);
    const otherAdmin = await buildStaff(t.db, { organizationId: other.id, role: 'admin' });
    const otherMember = await buildStaff(t.db, { organizationId: other.id, role: 'analyst' });
    const otherDepartment = await createDepartment(t.db, actorOf(otherAdmin), { departmentName: 'Theirs' });

    expect((await client.get(`/staff/team/${otherMember.id}`)).statusCode).toBe(404);
    const update = await client.post(`/staff/team/${otherMember.id}`, { role: 'admin', status: 'active' });
    expect(update.statusCode).toBe(404);
    expect((await client.get(`/staff/departments/${otherDepartment.id}`)).statusCode).toBe(404);
    const rename = await client.post(`/staff/departments/${otherDepartment.id}`, { departmentName: 'Mine' });
    expect(rename.statusCode).toBe(404);
    const invite = await client.post('/staff/team/invitations', {
      email: 'cross@test.example',
      name: 'Cross',
      role: 'analyst',
      departmentId: otherDepartment.id,
    });
    expect(invite.statusCode).toBe(422);
    expect(invite.body).toContain('This does not exist or is not available');

    const member = await t.db
      .selectFrom('staff')
      .selectAll()
      .where('id', '=', otherMember.id)
      .executeTakeFirstOrThrow();
    expect(member.role).toBe('analyst');
    const department = await t.db
      .selectFrom('departments')
      .selectAll()
      .where('id', '=', otherDepartment.id)
      .executeTakeFirstOrThrow();
    expect(department.name).toBe('Theirs');
  });

  it('does not let a non-admin change members or departments (403)', async () => {
    const { org, admin } = await setup();
    const facilitator = await buildStaff(t.db, { organizationId: org.id, role: 'facilitator' });
    const client = await signIn(t.app, facilitator.email, facilitator.password);
    const page = await client.get(`/staff/team/${admin.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`action="/staff/team/${admin.id}"`);
    expect(
      (await client.post(`/staff/team/${admin.id}`, { role: 'analyst', status: 'active' })).statusCode,
    ).toBe(403);
    expect((await client.post('/staff/departments', { departmentName: 'X' })).statusCode).toBe(403);
    expect(await departmentsOf(org.id)).toHaveLength(0);
  });
});
