// The staff pages of decisions over HTTP on both engines: record and edit, the linking screen's
// forms (link, already linked, another organization's input), unlinking and review marks.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { buildIdea } from '../../../test/support/idea-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { recordDecision } from './record-decision.js';

const decisionForm = {
  title: 'Benches with roofs at three bus stops',
  rationale: 'Many asked for somewhere dry to wait.',
  decidedBy: 'council',
  decidedOn: '2026-11-20',
  status: 'adopted',
  notAdoptedReason: '',
  topic: 'Waiting',
};

describe.each(engines)('decision pages on %s', (engine) => {
  let s: InterviewsSetup;
  let pages: string;

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    pages = `/staff/initiatives/${s.initiative.id}/decisions`;
  });
  afterAll(async () => s.t.close());

  const facilitator = () => actorOf(s.staff.facilitator);
  const rows = async (table: 'decisions' | 'decision_links' | 'input_reviews') =>
    (await s.t.db.selectFrom(table).select('id').execute()).length;
  const newDecision = async (title: string) =>
    (await recordDecision(s.t.db, facilitator(), s.initiative.id, { ...decisionForm, title })).id;

  it('records a decision from the form; not adopted without a reason comes back with the message beside the field', async () => {
    const client = s.staff.facilitator.client;
    expect((await client.get(`${pages}/new`)).statusCode).toBe(200);
    const before = await rows('decisions');
    const refused = await client.post(pages, { ...decisionForm, status: 'not_adopted' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('id="f-notAdoptedReason-error"');
    expect(refused.body).toContain('Say why it was not adopted');
    expect(refused.body).toContain('aria-invalid="true"');
    expect(refused.body).toContain('value="Benches with roofs at three bus stops"');
    expect(await rows('decisions')).toBe(before);

    const made = await client.post(pages, {
      ...decisionForm,
      status: 'not_adopted',
      notAdoptedReason: 'The bus company owns the stops.',
    });
    expect(made.statusCode).toBe(303);
    const location = String(made.headers.location);
    expect(location).toMatch(/\/decisions\/[^/?]+\?notice=recorded$/);
    const page = await client.get(location);
    expect(page.body).toContain('The decision is recorded.');
    expect(page.body).toContain('The bus company owns the stops.');

    const list = await s.staff.analyst.client.get(pages);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Benches with roofs at three bus stops');
    expect(list.body).toContain('Not adopted');
    expect(list.body).toContain('Council');
    expect(list.body).toContain('Waiting');
    expect(list.body).not.toContain(`${pages}/new`);
    const da = await s.t.app.inject({
      method: 'GET',
      url: pages,
      headers: {
        cookie: `${[...s.staff.analyst.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')}; er_lang=da`,
      },
    });
    expect(da.body).toContain('Ikke vedtaget');
    expect(da.body).toContain('Kommunalbestyrelsen');
  });

  it('edits every field; the edit form refuses a missing reason beside the field and keeps the decision', async () => {
    const client = s.staff.facilitator.client;
    const id = await newDecision('Longer opening hours');
    const edit = `${pages}/${id}/edit`;
    const form = await client.get(edit);
    expect(form.body).toContain('value="Longer opening hours"');
    const refused = await client.post(edit, { ...decisionForm, title: 'Changed', status: 'not_adopted' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('id="f-notAdoptedReason-error"');
    const kept = await s.t.db
      .selectFrom('decisions')
      .select(['title', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ title: 'Longer opening hours', status: 'adopted' });

    const saved = await client.post(edit, {
      title: 'Opening hours until 20',
      rationale: 'Asked by people who work days.',
      decidedBy: 'management',
      decidedOn: '2026-11-21',
      status: 'in_pilot',
      notAdoptedReason: '',
      topic: 'Opening hours',
    });
    expect(saved.statusCode).toBe(303);
    const page = await client.get(String(saved.headers.location));
    for (const text of [
      'Opening hours until 20',
      'Asked by people who work days.',
      'Management',
      'In pilot',
      'Opening hours',
    ])
      expect(page.body).toContain(text);
  });

  it('links an idea through the linking screen’s form, refuses it twice and another organization’s idea, and unlinks', async () => {
    const client = s.staff.facilitator.client;
    const id = await newDecision('Roofs over benches');
    const other = await newDecision('Bins at the stops');
    const idea = await buildIdea(s.t.db, facilitator(), s.initiative.id, {
      title: 'Roof over the hospital bench',
      description: 'A roof, so we can sit when it rains.',
    });
    const foreign = await buildIdea(s.t.db, actorOf(s.otherAdmin), s.otherInitiative.id, {
      title: 'Roof from another municipality',
    });

    const screen = await client.get(`${pages}/${id}/link?q=hospital%20bench&kind=idea`);
    expect(screen.statusCode).toBe(200);
    expect(screen.body).toContain('Roof over the hospital bench');
    expect(screen.body).toContain('A roof, so we can sit when it rains.');
    expect(screen.body).toContain('Not linked yet');
    expect(screen.body).toContain(`href="/staff/initiatives/${s.initiative.id}/ideas/${idea.id}"`);
    expect(screen.body).toContain(`name="inputId" value="${idea.id}"`);
    // The search only finds this initiative's input.
    expect(screen.body).not.toContain('Roof from another municipality');

    const before = await rows('decision_links');
    const linked = await client.post(`${pages}/${id}/links`, {
      inputKind: 'idea',
      inputId: idea.id,
      q: 'hospital bench',
      within: 'idea',
    });
    expect(linked.statusCode).toBe(303);
    expect(String(linked.headers.location)).toBe(
      `${pages}/${id}/link?q=hospital+bench&kind=idea&notice=linked`,
    );
    const after = await client.get(String(linked.headers.location));
    expect(after.body).toContain('The input is linked to the decision.');
    expect(after.body).toContain('Linked to this decision');
    expect(await rows('decision_links')).toBe(before + 1);

    const twice = await client.post(`${pages}/${id}/links`, { inputKind: 'idea', inputId: idea.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Each input is linked to a decision once.');
    const foreignTry = await client.post(`${pages}/${id}/links`, { inputKind: 'idea', inputId: foreign.id });
    expect(foreignTry.statusCode).toBe(422);
    expect(foreignTry.body).toContain('This does not exist or is not available');
    expect(await rows('decision_links')).toBe(before + 1);

    // Another decision's linking screen says where the idea is linked already.
    const elsewhere = await client.get(`${pages}/${other}/link?q=hospital`);
    expect(elsewhere.body).toContain('Also linked to:');
    expect(elsewhere.body).toContain('Roofs over benches');

    const decisionPage = await client.get(`${pages}/${id}`);
    expect(decisionPage.body).toContain('Roof over the hospital bench');
    expect(decisionPage.body).toContain('A roof, so we can sit when it rains.');
    expect(decisionPage.body).toContain('>Idea<');
    expect(decisionPage.body).toContain(`href="/staff/initiatives/${s.initiative.id}/ideas/${idea.id}"`);
    const list = await client.get(pages);
    expect(list.body).toMatch(/Roofs over benches<\/a><\/td>(?:<td>.*?<\/td>){4}<td>1<\/td>/s);
    const link = await s.t.db
      .selectFrom('decision_links')
      .select('id')
      .where('decision_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(decisionPage.body).toContain(`${pages}/${id}/links/${link.id}/delete`);
    const unlinked = await client.post(`${pages}/${id}/links/${link.id}/delete`);
    expect(unlinked.statusCode).toBe(303);
    expect((await client.get(String(unlinked.headers.location))).body).toContain('No input is linked yet.');
    expect(await rows('decision_links')).toBe(before);
  });

  it('marks an input reviewed once, unmarks it, and lets analysts look but not act', async () => {
    const client = s.staff.facilitator.client;
    const id = await newDecision('Shelter at the clinic');
    const idea = await buildIdea(s.t.db, facilitator(), s.initiative.id, { title: 'Shelter from the wind' });
    await client.get(`${pages}/${id}/link?q=wind`);
    const before = await rows('input_reviews');
    const mark = {
      inputKind: 'idea',
      inputId: idea.id,
      reviewed: 'yes',
      from: 'link',
      q: 'wind',
      within: '',
    };
    const first = await client.post(`${pages}/${id}/review`, mark);
    expect(first.statusCode).toBe(303);
    expect(String(first.headers.location)).toBe(`${pages}/${id}/link?q=wind&notice=reviewed`);
    const firstAt = await s.t.db
      .selectFrom('input_reviews')
      .select('reviewed_at')
      .where('input_id', '=', idea.id)
      .executeTakeFirstOrThrow();
    expect((await client.post(`${pages}/${id}/review`, mark)).statusCode).toBe(303);
    expect(await rows('input_reviews')).toBe(before + 1);
    const again = await s.t.db
      .selectFrom('input_reviews')
      .select('reviewed_at')
      .where('input_id', '=', idea.id)
      .executeTakeFirstOrThrow();
    expect(again.reviewed_at).toBe(firstAt.reviewed_at);
    const screen = await client.get(String(first.headers.location));
    expect(screen.body).toContain('The input is marked reviewed.');
    expect(screen.body).toContain('Reviewed ');
    expect(screen.body).toContain('Unmark reviewed');

    const analyst = s.staff.analyst.client;
    const looking = await analyst.get(`${pages}/${id}/link?q=wind`);
    expect(looking.statusCode).toBe(200);
    expect(looking.body).toContain('Shelter from the wind');
    expect(looking.body).not.toContain(`action="${pages}/${id}/links"`);
    expect(looking.body).not.toContain('Unmark reviewed');
    expect((await analyst.post(`${pages}/${id}/review`, { ...mark, reviewed: 'no' })).statusCode).toBe(403);
    expect(await rows('input_reviews')).toBe(before + 1);

    const unmarked = await client.post(`${pages}/${id}/review`, {
      ...mark,
      reviewed: 'no',
      from: 'decision',
    });
    expect(unmarked.statusCode).toBe(303);
    expect(String(unmarked.headers.location)).toBe(`${pages}/${id}?notice=unreviewed`);
    expect(await rows('input_reviews')).toBe(before);

    const foreign = await buildIdea(s.t.db, actorOf(s.otherAdmin), s.otherInitiative.id);
    expect((await client.post(`${pages}/${id}/review`, { ...mark, inputId: foreign.id })).statusCode).toBe(
      404,
    );
    expect(await rows('input_reviews')).toBe(before);
  });

  it('links to the decisions from the initiative’s staff page', async () => {
    const page = await s.staff.analyst.client.get(`/staff/initiatives/${s.initiative.id}`);
    expect(page.body).toContain(`href="${pages}"`);
  });
});
