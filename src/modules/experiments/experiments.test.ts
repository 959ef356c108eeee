// Experiments and pilots over real HTTP: planning, the decision gate, and the public learning log.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api, FormClient } from '../../../test/support/http-client.js';
import { buildIdea } from '../../../test/support/idea-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { createDepartment } from '../staff/create-department.js';

describe.each(engines)('experiments on %s', (engine) => {
  let s: InterviewsSetup;
  let base: string;
  const plan = {
    title: 'Queue screen pilot',
    weBelieve: 'a screen showing the queue',
    forWhom: 'people waiting at the citizen service desk',
    willResultIn: 'fewer people asking how long it takes',
    measure: 'Questions about waiting time per day',
    successCriterion: 'Half as many questions',
    method: 'pilot_site',
    pilotSite: 'North library',
    startsOn: '2026-12-01',
    endsOn: '2026-12-31',
  };

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    base = `/staff/initiatives/${s.initiative.id}/experiments`;
  });
  afterAll(async () => s.t.close());

  async function planned(overrides: Record<string, string> = {}): Promise<string> {
    const facilitator = s.staff.facilitator.client;
    await facilitator.get(base);
    const res = await facilitator.post(base, { ...plan, ...overrides });
    expect(res.statusCode).toBe(303);
    return String(res.headers.location).split('?')[0]!;
  }

  it('refuses a plan with missing parts beside the fields, storing nothing', async () => {
    const facilitator = s.staff.facilitator.client;
    await facilitator.get(base);
    const res = await facilitator.post(base, { ...plan, weBelieve: '', pilotSite: '', endsOn: '2026-11-01' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('id="f-weBelieve-error"');
    const second = await facilitator.post(base, { ...plan, pilotSite: '', endsOn: '2026-11-01' });
    expect(second.body).toContain('It cannot end before it starts.');
    expect(second.body).toContain('id="f-pilotSite-error"');
    expect(await s.t.db.selectFrom('experiments').select('id').execute()).toHaveLength(0);
  });

  it('refuses a decision without results, and scale-up before a user test, then allows it', async () => {
    const idea = await buildIdea(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      title: 'Queue numbers',
    });
    const form = await s.staff.facilitator.client.get(base);
    expect(form.body).toContain('Queue numbers');
    const path = await planned({ 'ideaIds[]': idea.id });
    const stored = await s.t.db.selectFrom('experiments').select('idea_ids').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.idea_ids)).toEqual([idea.id]);
    const facilitator = s.staff.facilitator.client;
    await facilitator.get(path);
    const early = await facilitator.post(`${path}/decision`, { decision: 'iterate' });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('Record the results first: a decision needs them.');

    expect(
      (await facilitator.post(`${path}/results`, { usersTested: '0', results: 'Desk staff liked it.' }))
        .statusCode,
    ).toBe(303);
    const untested = await facilitator.post(`${path}/decision`, { decision: 'scale_up' });
    expect(untested.statusCode).toBe(422);
    expect(untested.body).toContain('Scale-up needs a test with users');
    const row = await s.t.db.selectFrom('experiments').select('decision').executeTakeFirstOrThrow();
    expect(row.decision).toBeNull();

    await facilitator.post(`${path}/results`, {
      usersTested: '42',
      userSegments: 'Visitors over 65',
      results: 'Questions fell from 80 to 35 a day.',
      learnings: 'Large numbers matter more than colours.',
    });
    const ok = await facilitator.post(`${path}/decision`, {
      decision: 'scale_up',
      reason: 'Met the criterion.',
    });
    expect(ok.statusCode).toBe(303);
    const after = await facilitator.get(path);
    expect(after.body).toContain('Scale up to business as usual — Met the criterion.');
    // Decided once.
    expect((await facilitator.post(`${path}/decision`, { decision: 'stop' })).statusCode).toBe(409);
  });

  it('lists stopped experiments with their learnings in the public learning log, with filters', async () => {
    const dept = await createDepartment(s.t.db, actorOf(s.staff.admin), { departmentName: 'Libraries' });
    const path = await planned({ title: 'Self-service kiosk', departmentId: dept.id });
    const facilitator = s.staff.facilitator.client;
    await facilitator.get(path);
    await facilitator.post(`${path}/results`, {
      usersTested: '12',
      results: 'Only 2 of 12 finished without help.',
      learnings: 'Older visitors want a person, not a screen.',
    });
    await facilitator.post(`${path}/decision`, { decision: 'stop', reason: 'It made waiting worse.' });

    const log = `/o/${s.org.slug}/learning`;
    const page = await new FormClient(s.t.app).get(log);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Self-service kiosk');
    expect(page.body).toContain('Older visitors want a person, not a screen.');
    expect(page.body).toContain('<span>Stop</span><span> — It made waiting worse.</span>');
    const stopped = await new FormClient(s.t.app).get(`${log}?outcome=stop`);
    expect(stopped.body).toContain('Self-service kiosk');
    expect(stopped.body).not.toContain('Queue screen pilot');
    const byDept = await new FormClient(s.t.app).get(
      `${log}?department=${dept.id}&initiative=${s.initiative.slug}`,
    );
    expect(byDept.body).toContain('Self-service kiosk');
    const other = await new FormClient(s.t.app).get(`${log}?initiative=nothing-here`);
    expect(other.body).toContain('No finished experiments match.');
    const da = await s.t.app.inject({ method: 'GET', url: log, headers: { cookie: 'er_lang=da' } });
    expect(da.body).toContain('har lært');
  });

  it('has a JSON API; links to ideas are checked through the ideas module', async () => {
    const apiBase = `/api/v1/initiatives/${s.initiative.id}/experiments`;
    const token = s.staff.facilitator.token;
    const idea = await buildIdea(s.t.db, actorOf(s.staff.facilitator), s.initiative.id);
    const foreign = await buildIdea(s.t.db, actorOf(s.otherAdmin), s.otherInitiative.id);
    const bad = await api(s.t.app, token, 'POST', apiBase, { ...plan, ideaIds: [foreign.id] });
    expect(bad.json()).toMatchObject({ status: 422, errors: [{ field: 'ideaIds', code: 'unknownId' }] });
    const created = await api(s.t.app, token, 'POST', apiBase, { ...plan, method: 'ab', ideaIds: [idea.id] });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const gate = await api(s.t.app, token, 'POST', `${apiBase}/${id}/decision`, { decision: 'scale_up' });
    expect(gate.json()).toMatchObject({ status: 422, errors: [{ code: 'experiments.noResults' }] });
    await api(s.t.app, token, 'POST', `${apiBase}/${id}/results`, { usersTested: 0, results: 'Flat.' });
    const untested = await api(s.t.app, token, 'POST', `${apiBase}/${id}/decision`, { decision: 'scale_up' });
    expect(untested.json()).toMatchObject({
      errors: [{ code: 'experiments.noUserTest', detail: expect.any(String) as unknown }],
    });
    const iterate = await api(s.t.app, token, 'POST', `${apiBase}/${id}/decision`, { decision: 'iterate' });
    expect(iterate.json()).toMatchObject({ decision: 'iterate', ideaIds: [idea.id] });
    expect((await api(s.t.app, s.otherAdmin.token, 'GET', `${apiBase}/${id}`)).statusCode).toBe(404);
  });
});
