// The idea board's JSON API: the same rules as the pages, problem details for every refusal.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api } from '../../../test/support/http-client.js';
import { ideaInput } from '../../../test/support/idea-factory.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import type { CommentView, IdeaView } from './idea-view.js';

describe.each(engines)('idea board API on %s', (engine) => {
  let s: InterviewsSetup;
  let base: string;

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    base = `/api/v1/initiatives/${s.initiative.id}/ideas`;
  });
  afterAll(async () => s.t.close());

  const post = async (token: string, overrides: Record<string, string> = {}) => {
    const res = await api(s.t.app, token, 'POST', base, ideaInput(overrides));
    expect(res.statusCode).toBe(201);
    return res.json<IdeaView>();
  };

  it('posts, lists, reads, comments, supports once and moves an idea through statuses', async () => {
    const idea = await post(s.staff.facilitator.token, { title: 'Queue screen' });
    expect(idea).toMatchObject({
      title: 'Queue screen',
      status: 'new',
      author: { kind: 'staff' },
      supportCount: 0,
    });
    const comment = await api(s.t.app, s.staff.frontline.token, 'POST', `${base}/${idea.id}/comments`, {
      body: 'People ask for this daily.',
    });
    expect(comment.statusCode).toBe(201);
    const supported = await api(s.t.app, s.staff.frontline.token, 'POST', `${base}/${idea.id}/support`);
    expect(supported.json<IdeaView>().supportCount).toBe(1);
    const twice = await api(s.t.app, s.staff.frontline.token, 'POST', `${base}/${idea.id}/support`);
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    expect(twice.json()).toMatchObject({ code: 'already_supported' });

    const noReason = await api(s.t.app, s.staff.admin.token, 'POST', `${base}/${idea.id}/status`, {
      status: 'not_adopted',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'reason', code: 'ideas.reasonRequired' }],
    });
    const moved = await api(s.t.app, s.staff.admin.token, 'POST', `${base}/${idea.id}/status`, {
      status: 'in_pilot',
      reason: 'Tried at the east entrance in March.',
    });
    expect(moved.json<IdeaView>()).toMatchObject({
      status: 'in_pilot',
      statusReason: 'Tried at the east entrance in March.',
    });

    const one = await api(s.t.app, s.staff.analyst.token, 'GET', `${base}/${idea.id}`);
    const body = one.json<{ idea: IdeaView; comments: CommentView[] }>();
    expect(body.comments.map((c) => c.body)).toEqual(['People ask for this daily.']);
    const list = await api(s.t.app, s.staff.analyst.token, 'GET', base);
    expect(list.json<{ items: IdeaView[] }>().items.map((i) => i.id)).toContain(idea.id);
  });

  it('refuses bad input with problem details and stores nothing', async () => {
    const before = (await api(s.t.app, s.staff.admin.token, 'GET', base)).json<{ items: IdeaView[] }>().items
      .length;
    const empty = await api(s.t.app, s.staff.admin.token, 'POST', base, {
      title: '',
      description: '',
      problem: 'x',
    });
    expect(empty.statusCode).toBe(422);
    const fields = empty.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'description']));
    const long = await api(s.t.app, s.staff.admin.token, 'POST', base, ideaInput({ title: 'x'.repeat(201) }));
    expect(long.statusCode).toBe(422);
    const after = (await api(s.t.app, s.staff.admin.token, 'GET', base)).json<{ items: IdeaView[] }>().items
      .length;
    expect(after).toBe(before);
  });

  it('refuses merging into itself, across initiatives and organizations', async () => {
    const a = await post(s.staff.admin.token, { title: 'A' });
    const self = await api(s.t.app, s.staff.admin.token, 'POST', `${base}/${a.id}/merge`, { targetId: a.id });
    expect(self.json()).toMatchObject({
      status: 422,
      errors: [{ field: 'targetId', code: 'ideas.mergeSelf' }],
    });
    const other = await buildInitiative(s.t.db, s.org.id, { open: true, staffId: s.staff.facilitator.id });
    const foreign = await api(
      s.t.app,
      s.staff.admin.token,
      'POST',
      `/api/v1/initiatives/${other.id}/ideas`,
      ideaInput(),
    );
    const across = await api(s.t.app, s.staff.admin.token, 'POST', `${base}/${a.id}/merge`, {
      targetId: foreign.json<IdeaView>().id,
    });
    expect(across.json()).toMatchObject({ status: 422, errors: [{ code: 'ideas.mergeOtherInitiative' }] });
    const theirs = await api(
      s.t.app,
      s.otherAdmin.token,
      'POST',
      `/api/v1/initiatives/${s.otherInitiative.id}/ideas`,
      ideaInput(),
    );
    const otherOrg = await api(s.t.app, s.staff.admin.token, 'POST', `${base}/${a.id}/merge`, {
      targetId: theirs.json<IdeaView>().id,
    });
    expect(otherOrg.json()).toMatchObject({ status: 422, errors: [{ code: 'unknownId' }] });
    expect((await api(s.t.app, s.otherAdmin.token, 'GET', `${base}/${a.id}`)).statusCode).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/initiatives/{id}/ideas',
        '/api/v1/initiatives/{id}/ideas/{ideaId}/merge',
        '/api/v1/initiatives/{id}/ideas/{ideaId}/support',
      ]),
    );
  });
});
