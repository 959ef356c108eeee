// The decisions JSON API on both engines: decisions, links, the search across input, review marks.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api } from '../../../test/support/http-client.js';
import { buildIdea } from '../../../test/support/idea-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { actorOf } from '../../../test/support/staff-factory.js';

const decision = {
  title: 'Benches with roofs at three bus stops',
  rationale: 'Many asked for somewhere dry to wait.',
  decidedBy: 'council',
  decidedOn: '2026-11-20',
  status: 'adopted',
  notAdoptedReason: '',
  topic: 'Waiting',
};

interface Problem {
  code: string;
  errors?: { field: string; code: string; detail: string }[];
}

describe.each(engines)('decisions API on %s', (engine) => {
  let s: InterviewsSetup;
  let base: string;
  let inputs: string;

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    base = `/api/v1/initiatives/${s.initiative.id}/decisions`;
    inputs = `/api/v1/initiatives/${s.initiative.id}/inputs`;
  });
  afterAll(async () => s.t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, token?: string) =>
    api(s.t.app, token ?? s.staff.facilitator.token, method, url, body);
  const rows = async (table: 'decisions' | 'decision_links' | 'input_reviews') =>
    (await s.t.db.selectFrom(table).select('id').execute()).length;

  it('records, lists, reads and updates decisions; not adopted without a reason is a problem on the field', async () => {
    const before = await rows('decisions');
    const refused = await call('POST', base, { ...decision, status: 'not_adopted' });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const problem = refused.json<Problem>();
    expect(problem.errors?.[0]).toMatchObject({
      field: 'notAdoptedReason',
      code: 'decisions.reasonRequired',
    });
    expect(problem.errors?.[0]?.detail).toContain('Say why it was not adopted');
    expect(await rows('decisions')).toBe(before);
    const badDecider = await call('POST', base, { ...decision, decidedBy: 'mayor' });
    expect(badDecider.statusCode).toBeGreaterThanOrEqual(400);
    expect(badDecider.statusCode).toBeLessThan(500);

    const made = await call('POST', base, decision);
    expect(made.statusCode).toBe(201);
    const id = made.json<{ id: string }>().id;
    expect(made.json()).toMatchObject({ ...decision, id, initiativeId: s.initiative.id });

    const list = await call('GET', base, undefined, s.staff.analyst.token);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: string; linkCount: number }[] }>().items).toContainEqual(
      expect.objectContaining({ id, linkCount: 0 }),
    );

    const updated = await call('PUT', `${base}/${id}`, {
      ...decision,
      status: 'not_adopted',
      notAdoptedReason: 'The bus company owns the stops.',
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      decision: { id, status: 'not_adopted', notAdoptedReason: 'The bus company owns the stops.' },
      links: [],
    });
    expect((await call('PUT', `${base}/${id}`, decision, s.staff.analyst.token)).statusCode).toBe(403);
    expect((await call('GET', `${base}/${id}`, undefined, s.otherAdmin.token)).statusCode).toBe(404);
  });

  it('links input once, refuses another organization’s, reads links with the input, and unlinks', async () => {
    const id = (await call('POST', base, { ...decision, title: 'Roofs' })).json<{ id: string }>().id;
    const idea = await buildIdea(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      title: 'Roof over the bench',
    });
    const foreign = await buildIdea(s.t.db, actorOf(s.otherAdmin), s.otherInitiative.id);

    const link = await call('POST', `${base}/${id}/links`, { inputKind: 'idea', inputId: idea.id });
    expect(link.statusCode).toBe(201);
    const linkId = link.json<{ id: string }>().id;
    expect(link.json()).toMatchObject({
      decisionId: id,
      inputKind: 'idea',
      inputId: idea.id,
      reviewedAt: null,
      input: {
        kind: 'idea',
        id: idea.id,
        label: 'Roof over the bench',
        href: `/staff/initiatives/${s.initiative.id}/ideas/${idea.id}`,
      },
    });
    expect(link.json<Record<string, unknown>>().input).not.toHaveProperty('participantId');

    const twice = await call('POST', `${base}/${id}/links`, { inputKind: 'idea', inputId: idea.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Problem>().code).toBe('already_linked');
    const other = await call('POST', `${base}/${id}/links`, { inputKind: 'idea', inputId: foreign.id });
    expect(other.statusCode).toBe(422);
    expect(other.json<Problem>().errors?.[0]).toMatchObject({ field: 'inputId', code: 'unknownId' });
    const badKind = await call('POST', `${base}/${id}/links`, { inputKind: 'rumour', inputId: idea.id });
    expect(badKind.statusCode).toBe(422);
    expect(
      (
        await call(
          'POST',
          `${base}/${id}/links`,
          { inputKind: 'idea', inputId: idea.id },
          s.staff.analyst.token,
        )
      ).statusCode,
    ).toBe(403);

    const read = await call('GET', `${base}/${id}`, undefined, s.staff.frontline.token);
    expect(read.json<{ links: { id: string }[] }>().links.map((l) => l.id)).toEqual([linkId]);
    const links = await call('GET', `${base}/${id}/links`);
    expect(links.json<{ items: { id: string }[] }>().items.map((l) => l.id)).toEqual([linkId]);
    const list = await call('GET', base);
    expect(list.json<{ items: { id: string; linkCount: number }[] }>().items).toContainEqual(
      expect.objectContaining({ id, linkCount: 1 }),
    );

    expect((await call('DELETE', `${base}/${id}/links/${linkId}`)).statusCode).toBe(204);
    expect((await call('DELETE', `${base}/${id}/links/${linkId}`)).statusCode).toBe(404);
    expect((await call('GET', `${base}/${id}/links`)).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('searches across the initiative’s input with what was linked and reviewed, and marks reviews once', async () => {
    const id = (await call('POST', base, { ...decision, title: 'Shelter' })).json<{ id: string }>().id;
    const idea = await buildIdea(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      title: 'Shelter from the wind at 50% of stops',
    });
    await buildIdea(s.t.db, actorOf(s.otherAdmin), s.otherInitiative.id, { title: 'Shelter elsewhere' });
    await call('POST', `${base}/${id}/links`, { inputKind: 'idea', inputId: idea.id });

    const found = await call(
      'GET',
      `${inputs}?q=${encodeURIComponent('50%')}&kind=idea`,
      undefined,
      s.staff.analyst.token,
    );
    expect(found.statusCode).toBe(200);
    const items = found.json<{
      items: {
        input: { id: string; label: string };
        reviewedAt: string | null;
        linkedTo: { decisionId: string; title: string }[];
      }[];
    }>().items;
    expect(items.map((h) => h.input.label)).toEqual(['Shelter from the wind at 50% of stops']);
    expect(items[0]).toMatchObject({ reviewedAt: null, linkedTo: [{ decisionId: id, title: 'Shelter' }] });
    const everything = await call('GET', `${inputs}?q=shelter`);
    expect(
      everything.json<{ items: { input: { label: string } }[] }>().items.map((h) => h.input.label),
    ).not.toContain('Shelter elsewhere');
    const bad = await call('GET', `${inputs}?kind=rumour`);
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');

    const review = `${inputs}/idea/${idea.id}/review`;
    const before = await rows('input_reviews');
    const marked = await call('PUT', review);
    expect(marked.statusCode).toBe(200);
    const at = marked.json<{ reviewedAt: string }>().reviewedAt;
    expect(marked.json()).toEqual({ inputKind: 'idea', inputId: idea.id, reviewedAt: at });
    const again = await call('PUT', review);
    expect(again.json<{ reviewedAt: string }>().reviewedAt).toBe(at);
    expect(await rows('input_reviews')).toBe(before + 1);
    const seen = await call('GET', `${inputs}?q=50%25`);
    expect(seen.json<{ items: { reviewedAt: string | null }[] }>().items[0]?.reviewedAt).toBe(at);
    expect((await call('PUT', review, undefined, s.staff.analyst.token)).statusCode).toBe(403);

    expect((await call('DELETE', review)).statusCode).toBe(204);
    expect((await call('DELETE', review)).statusCode).toBe(204);
    expect(await rows('input_reviews')).toBe(before);
    const foreign = await buildIdea(s.t.db, actorOf(s.otherAdmin), s.otherInitiative.id);
    expect((await call('PUT', `${inputs}/idea/${foreign.id}/review`)).statusCode).toBe(404);
    expect((await call('PUT', `${inputs}/rumour/${idea.id}/review`)).statusCode).toBe(422);
    expect(await rows('input_reviews')).toBe(before);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/initiatives/{id}/decisions',
        '/api/v1/initiatives/{id}/decisions/{decisionId}',
        '/api/v1/initiatives/{id}/decisions/{decisionId}/links',
        '/api/v1/initiatives/{id}/decisions/{decisionId}/links/{linkId}',
        '/api/v1/initiatives/{id}/inputs',
        '/api/v1/initiatives/{id}/inputs/{kind}/{inputId}/review',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/initiatives/{id}/inputs/{kind}/{inputId}/review']!).sort()).toEqual(
      ['delete', 'put'],
    );
  });
});
