// Sprints over real HTTP: the team and its composition warnings, the board, and external members
// who join by link, see only their sprint and give feedback on its prototypes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api, FormClient } from '../../../test/support/http-client.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { buildPrototype, dayFromNow, endRound } from '../../../test/support/prototype-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { createDepartment } from '../staff/create-department.js';
import { planExperiment } from '../experiments/plan-experiment.js';
import { buildIdea } from '../../../test/support/idea-factory.js';

describe.each(engines)('sprints on %s', (engine) => {
  let s: InterviewsSetup;
  let base: string;
  const sprintForm = {
    challenge: 'Shorter waits at the citizen service desk',
    inScope: 'The queue and the waiting room',
    outOfScope: 'Opening hours',
    startsOn: '2026-12-01',
    endsOn: '2026-12-12',
  };

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    base = `/staff/initiatives/${s.initiative.id}/sprints`;
  });
  afterAll(async () => s.t.close());

  async function newSprint(): Promise<string> {
    const facilitator = s.staff.facilitator.client;
    await facilitator.get(base);
    const res = await facilitator.post(base, sprintForm);
    expect(res.statusCode).toBe(303);
    return String(res.headers.location).split('?')[0]!.split('/').pop()!;
  }

  it('refuses a sprint that ends before it starts, and an empty challenge, beside the fields', async () => {
    const facilitator = s.staff.facilitator.client;
    await facilitator.get(base);
    const res = await facilitator.post(base, { ...sprintForm, challenge: '', endsOn: '2026-11-01' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('id="f-challenge-error"');
    const later = await facilitator.post(base, { ...sprintForm, endsOn: '2026-11-01' });
    expect(later.body).toContain('The sprint cannot end before it starts.');
    expect(await s.t.db.selectFrom('sprints').select('id').execute()).toHaveLength(0);
  });

  it('shows composition warnings until resolved or dismissed, and logs what happened', async () => {
    const id = await newSprint();
    const page = `${base}/${id}`;
    const facilitator = s.staff.facilitator.client;
    let body = (await facilitator.get(page)).body;
    for (const w of [
      'No users on the team',
      'No front-line staff on the team.',
      'No facilitator on the team.',
    ])
      expect(body).toContain(w);

    const admin = actorOf(s.staff.admin);
    const dept = await createDepartment(s.t.db, admin, { departmentName: 'Citizen service' });
    const add = (form: Record<string, string>) => facilitator.post(`${page}/members`, form);
    expect(
      (await add({ role: 'facilitator', staffId: s.staff.facilitator.id, departmentId: dept.id })).statusCode,
    ).toBe(303);
    expect(
      (await add({ role: 'frontline', staffId: s.staff.frontline.id, departmentId: dept.id })).statusCode,
    ).toBe(303);
    const noName = await add({ role: 'user', name: '' });
    expect(noName.statusCode).toBe(422);
    expect(noName.body).toContain('id="f-m-name-error"');
    expect((await add({ role: 'user', name: 'Karen' })).statusCode).toBe(303);
    body = (await facilitator.get(page)).body;
    expect(body).not.toContain('No users on the team');
    expect(body).not.toContain('No facilitator on the team.');
    expect(body).toContain('All staff come from one department: a silo.');
    expect(body).toContain('Front-line staff');

    expect(
      (await facilitator.post(`${page}/warnings/dismiss`, { warning: 'oneDepartment' })).statusCode,
    ).toBe(303);
    body = (await facilitator.get(page)).body;
    expect(body).toContain('The team is well composed.');
    expect(body).toContain('dismissed a warning (oneDepartment)');
    expect(body).toContain('added Karen to the team');
    // Analysts read, but do not run sprints.
    expect((await s.staff.analyst.client.get(page)).statusCode).toBe(200);
    await s.staff.analyst.client.get(page);
    expect((await s.staff.analyst.client.post(`${page}/stage`, { stage: 'ideate' })).statusCode).toBe(403);
  });

  it('lets an external member join by link, see only that sprint, and give feedback on its prototypes', async () => {
    const id = await newSprint();
    const other = await newSprint();
    const page = `${base}/${id}`;
    const facilitator = s.staff.facilitator.client;
    await facilitator.get(page);
    const noKind = await facilitator.post(`${page}/members`, {
      role: 'external',
      name: 'Ole from the bus company',
    });
    expect(noKind.statusCode).toBe(422);
    const invited = await facilitator.post(`${page}/members`, {
      role: 'external',
      name: 'Ole from the bus company',
      externalKind: 'partner',
    });
    expect(invited.statusCode).toBe(200);
    const link = /<code>([^<]+)<\/code>/.exec(invited.body)![1]!;
    const path = new URL(link).pathname;

    const proto = await buildPrototype(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      title: 'Queue screen',
    });
    const closed = await buildPrototype(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      title: 'Old sign',
    });
    await endRound(s.t.db, closed.versions[0]!.id);
    await facilitator.post(`${page}/items`, { item: `prototype:${proto.id}`, stage: 'test' });
    await facilitator.post(`${page}/items`, { item: `prototype:${closed.id}`, stage: 'test' });
    const bad = await facilitator.post(`${page}/items`, { item: 'prototype:nope', stage: 'test' });
    expect(bad.statusCode).toBe(422);

    const ole = new FormClient(s.t.app);
    const invitation = await ole.get(path);
    expect(invitation.body).toContain('Hello Ole from the bus company');
    const joined = await ole.post(path);
    expect(joined.statusCode).toBe(303);
    expect(joined.headers.location).toBe(`/x/sprints/${id}`);
    const workspace = await ole.get(`/x/sprints/${id}`);
    expect(workspace.statusCode).toBe(200);
    expect(workspace.body).toContain('Shorter waits at the citizen service desk');
    expect(workspace.body).toContain('Queue screen');

    // Nothing outside the sprint: another sprint, staff pages, the API, a prototype not on the board.
    expect((await ole.get(`/x/sprints/${other}`)).statusCode).toBe(403);
    const staffPage = await ole.get(page);
    expect(staffPage.statusCode).toBe(303);
    expect(staffPage.headers.location).toContain('/signin');
    expect(
      (await api(s.t.app, undefined, 'GET', `/api/v1/initiatives/${s.initiative.id}/sprints`)).statusCode,
    ).toBe(401);
    const unplaced = await buildPrototype(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      title: 'Secret',
    });
    expect((await ole.get(`/x/sprints/${id}/prototypes/${unplaced.id}`)).statusCode).toBe(404);

    const protoPage = `/x/sprints/${id}/prototypes/${proto.id}`;
    await ole.get(protoPage);
    const q = proto.versions[0]!.questions[0]!;
    const sent = await ole.post(`${protoPage}/feedback`, {
      [`answers.${q.id}`]: 'Yes, from the door',
      rating: '4',
    });
    expect(sent.statusCode).toBe(303);
    const twice = await ole.post(`${protoPage}/feedback`, { works: 'Again', rating: '4' });
    expect(twice.statusCode).toBe(409);
    await ole.get(`/x/sprints/${id}/prototypes/${closed.id}`);
    const late = await ole.post(`/x/sprints/${id}/prototypes/${closed.id}/feedback`, {
      works: 'Late',
      rating: '2',
    });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Feedback is no longer taken for this version.');
    const feedback = await s.t.db.selectFrom('prototype_feedback').select('responder').execute();
    expect(feedback.map((f) => f.responder.slice(0, 2))).toEqual(['m:']);

    const log = (await facilitator.get(page)).body;
    expect(log).toContain('Ole from the bus company joined the sprint');
    expect(log).toContain('Ole from the bus company gave feedback on a prototype');
  });

  it('shows ideas, prototypes and experiments of the initiative on the board by stage, and nothing else', async () => {
    const id = await newSprint();
    const page = `${base}/${id}`;
    const actor = actorOf(s.staff.facilitator);
    const idea = await buildIdea(s.t.db, actor, s.initiative.id, { title: 'Ticket by text message' });
    const experiment = await planExperiment(s.t.db, actor, s.initiative.id, {
      title: 'Text message pilot',
      weBelieve: 'a text when it is your turn',
      forWhom: 'people waiting',
      willResultIn: 'calmer waiting rooms',
      measure: 'Complaints',
      successCriterion: 'Fewer complaints',
      method: 'before_after',
      startsOn: '2026-12-01',
      endsOn: '2026-12-20',
    });
    const foreign = await buildIdea(s.t.db, actorOf(s.otherAdmin), s.otherInitiative.id);
    const facilitator = s.staff.facilitator.client;
    await facilitator.get(page);
    expect(
      (await facilitator.post(`${page}/items`, { item: `idea:${idea.id}`, stage: 'ideate' })).statusCode,
    ).toBe(303);
    expect(
      (await facilitator.post(`${page}/items`, { item: `experiment:${experiment.id}`, stage: 'test' }))
        .statusCode,
    ).toBe(303);
    const refused = await facilitator.post(`${page}/items`, { item: `idea:${foreign.id}`, stage: 'ideate' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('id="f-i-item-error"');
    const body = (await facilitator.get(page)).body;
    expect(body).toMatch(/<h3>Ideate<\/h3><ul><li><span>Idea: <\/span><span>Ticket by text message<\/span>/);
    expect(body).toMatch(/<h3>Test<\/h3><ul><li><span>Experiment: <\/span><span>Text message pilot<\/span>/);
  });

  it('has a JSON API for sprints and team members', async () => {
    const token = s.staff.facilitator.token;
    const apiBase = `/api/v1/initiatives/${s.initiative.id}/sprints`;
    const created = await api(s.t.app, token, 'POST', apiBase, {
      ...sprintForm,
      startsOn: dayFromNow(1),
      endsOn: dayFromNow(10),
    });
    expect(created.statusCode).toBe(201);
    const sprint = created.json<{ id: string }>();
    const member = await api(s.t.app, token, 'POST', `${apiBase}/${sprint.id}/members`, {
      role: 'external',
      name: 'Dr. Hansen',
      externalKind: 'researcher',
    });
    expect(member.json<{ invitationUrl: string }>().invitationUrl).toMatch(/\/sprint-invitations\/sp_/);
    const wrong = await api(s.t.app, token, 'POST', `${apiBase}/${sprint.id}/members`, { role: 'frontline' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ errors: [{ field: 'staffId', code: 'required' }] });
    const detail = await api(s.t.app, s.staff.analyst.token, 'GET', `${apiBase}/${sprint.id}`);
    expect(detail.json()).toMatchObject({
      members: [{ name: 'Dr. Hansen', role: 'external', externalKind: 'researcher', joined: false }],
      warnings: ['noUsers', 'noFrontline', 'noFacilitator'],
    });
    expect((await api(s.t.app, s.otherAdmin.token, 'GET', `${apiBase}/${sprint.id}`)).statusCode).toBe(404);
  });
});
