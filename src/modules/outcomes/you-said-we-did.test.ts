// "You said, we did" over HTTP on both engines: the public pages and the staff JSON, with
// small-cell suppression and quotes only from consenting contributors.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api, FormClient } from '../../../test/support/http-client.js';
import { buildIdea, ideaInput } from '../../../test/support/idea-factory.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { linkInput } from '../decisions/link-input.js';
import { recordDecision } from '../decisions/record-decision.js';
import type { Decision } from '../decisions/decisions.table.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { postParticipantIdea } from '../ideas/post-idea.js';

interface Json {
  smallCellK: number;
  topics: {
    topic: string | null;
    decisions: {
      id: string;
      status: string;
      notAdoptedReason: string;
      said: { suppressed: boolean; contributors: number | null; inputs: unknown[]; quotes: string[] };
    }[];
  }[];
}

describe.each(engines)('you said, we did on %s', (engine) => {
  let s: InterviewsSetup;
  let adopted: Decision;
  let rejected: Decision;
  let bare: Decision;
  let draft: Initiative;
  let inviteOnly: Initiative;
  const clients: Partial<Record<string, FormClient>> = {};
  const words = {
    ann: 'Ann wrote: a roof keeps the rain off while we wait',
    bo: 'Bo wrote: the stop is too dark at night',
    cy: 'Cy wrote: a bench would help my knees',
    staff: 'Staff wrote: the clinic could lend chairs',
  };

  const page = (path: string, locale = 'en') =>
    new FormClient(s.t.app, { 'accept-language': locale }).get(path);
  const pagePath = () => `/o/${s.org.slug}/i/${s.initiative.slug}/you-said-we-did`;
  /** The HTML of one decision on a page. */
  const articleOf = (body: string, d: Decision) => {
    const start = body.indexOf(`id="d-${d.id}"`);
    expect(start).toBeGreaterThan(-1);
    return body.slice(start, body.indexOf('</article>', start));
  };
  const setK = (k: number) =>
    s.t.db.updateTable('organizations').set({ small_cell_k: k }).where('id', '=', s.org.id).execute();

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    const db = s.t.db;
    const facilitator = actorOf(s.staff.facilitator);
    const ideaOf = async (name: keyof typeof words, consent: boolean) => {
      const client = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug, {
        ...(consent ? { quoteConsent: 'true' } : {}),
      });
      clients[name] = client;
      return postParticipantIdea(
        db,
        s.org.id,
        s.initiative.slug,
        idOf(client),
        ideaInput({
          title: `Idea of ${name}`,
          description: words[name],
        }),
      );
    };
    // Ann and Cy agreed to be quoted, Bo did not; staff input has no contributor who could agree.
    const ann = await ideaOf('ann', true);
    const bo = await ideaOf('bo', false);
    const cy = await ideaOf('cy', true);
    const staffIdea = await buildIdea(db, facilitator, s.initiative.id, {
      description: words.staff,
    });
    adopted = await recordDecision(db, facilitator, s.initiative.id, {
      title: 'Benches with roofs at three bus stops',
      rationale: 'Many asked for somewhere dry to wait.',
      decidedBy: 'council',
      decidedOn: '2026-11-20',
      status: 'adopted',
      topic: 'Waiting',
    });
    for (const idea of [ann, bo, cy, staffIdea])
      await linkInput(db, facilitator, s.initiative.id, adopted.id, { inputKind: 'idea', inputId: idea.id });
    rejected = await recordDecision(db, facilitator, s.initiative.id, {
      title: 'Lights at the bus stop',
      decidedBy: 'management',
      decidedOn: '2026-11-21',
      status: 'not_adopted',
      notAdoptedReason: 'The bus company owns the stops and will light them next year.',
    });
    for (const idea of [ann, bo])
      await linkInput(db, facilitator, s.initiative.id, rejected.id, { inputKind: 'idea', inputId: idea.id });
    bare = await recordDecision(db, facilitator, s.initiative.id, {
      title: 'A new timetable board',
      decidedBy: 'staff',
      decidedOn: '2026-11-22',
      status: 'in_pilot',
      topic: 'Information',
    });
    draft = await buildInitiative(db, s.org.id, {
      staffId: s.staff.facilitator.id,
      plan: { title: 'Draft plan' },
    });
    await recordDecision(db, facilitator, draft.id, {
      title: 'Draft-only decision',
      decidedBy: 'staff',
      decidedOn: '2026-11-22',
      status: 'adopted',
    });
    inviteOnly = await buildInitiative(db, s.org.id, {
      staffId: s.staff.facilitator.id,
      open: true,
      plan: { title: 'Closed circle', visibility: 'invite_only' },
    });
    await recordDecision(db, facilitator, inviteOnly.id, {
      title: 'Invite-only decision',
      decidedBy: 'staff',
      decidedOn: '2026-11-22',
      status: 'adopted',
    });
    await setK(3);
  });
  afterAll(async () => s.t.close());

  it('shows decisions by topic without sign-in: status, who and when, why, and "we did not, because"', async () => {
    const res = await page(pagePath());
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h1>You said, we did: ');
    // Named topics alphabetically, then "Other" for the decision without a topic.
    const order = ['>Information</h2>', '>Waiting</h2>', '>Other</h2>'].map((h) => body.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const a = articleOf(body, adopted);
    expect(a).toContain('Adopted');
    expect(a).toContain('Decided by the council on 20 November 2026');
    expect(a).toContain('Many asked for somewhere dry to wait.');
    expect(a).not.toContain('We did not, because');
    const r = articleOf(body, rejected);
    expect(r).toContain('Not adopted');
    expect(r).toContain('We did not, because …');
    expect(r).toContain('The bus company owns the stops and will light them next year.');
    expect(articleOf(body, bare)).toContain('No input is linked to this decision.');
    expect(articleOf(body, bare)).toContain('In pilot');
  });

  it('suppresses a decision with input from k-1 people and shows counts at k', async () => {
    const body = (await page(pagePath())).body;
    const a = articleOf(body, adopted);
    expect(a).toContain('3 people contributed:');
    expect(a).toContain('4 ideas');
    const r = articleOf(body, rejected);
    expect(r).toContain('Input from fewer than 3 people.');
    expect(r).not.toContain('people contributed');
    expect(r).not.toContain('ideas</li>');
    // Ann agreed to be quoted, but a small group shows no quotes at all.
    expect(r).not.toContain(words.ann);

    await setK(4);
    try {
      const raised = articleOf((await page(pagePath())).body, adopted);
      expect(raised).toContain('Input from fewer than 4 people.');
      expect(raised).not.toContain('4 ideas');
      expect(raised).not.toContain(words.ann);
    } finally {
      await setK(3);
    }
  });

  it('quotes only contributors who agreed to be quoted, never anonymous or staff input', async () => {
    const a = articleOf((await page(pagePath())).body, adopted);
    expect(a).toContain(words.ann);
    expect(a).toContain(words.cy);
    expect(a).not.toContain(words.bo);
    expect(a).not.toContain(words.staff);
    expect(a.match(/<blockquote/g)).toHaveLength(2);
  });

  it('is in Danish for Danish readers', async () => {
    const body = (await page(pagePath(), 'da')).body;
    expect(body).toContain('<html lang="da">');
    expect(body).toContain('I sagde, vi gjorde: ');
    expect(articleOf(body, adopted)).toContain('Vedtaget');
    expect(articleOf(body, adopted)).toContain('3 personer bidrog:');
    expect(articleOf(body, adopted)).toContain('20. november 2026');
    expect(articleOf(body, rejected)).toContain('Vi gjorde det ikke, fordi …');
    expect(articleOf(body, rejected)).toContain('Input fra færre end 3 personer.');
    expect(body).toContain('>Andet</h2>');
  });

  it("is not found for another organization's initiative, a draft, or an unknown slug", async () => {
    const otherOrg = await s.t.db
      .selectFrom('organizations')
      .select('slug')
      .where('id', '=', s.otherInitiative.organizationId)
      .executeTakeFirstOrThrow();
    // Only this organization has an initiative with this slug.
    expect((await page(`/o/${otherOrg.slug}/i/${inviteOnly.slug}/you-said-we-did`)).statusCode).toBe(404);
    // Both have one with the default slug: each organization shows only its own decisions.
    const sameSlug = await page(`/o/${otherOrg.slug}/i/${s.initiative.slug}/you-said-we-did`);
    expect(s.otherInitiative.slug).toBe(s.initiative.slug);
    expect(sameSlug.body).not.toContain('Benches with roofs');
    expect(sameSlug.body).toContain('No decisions have been published yet.');
    const drafted = await page(`/o/${s.org.slug}/i/${draft.slug}/you-said-we-did`);
    expect(drafted.statusCode).toBe(404);
    expect(drafted.body).not.toContain('Draft-only decision');
    expect((await page(`/o/${s.org.slug}/i/no-such-initiative/you-said-we-did`)).statusCode).toBe(404);
    expect((await page(`/o/no-such-org/you-said-we-did`)).statusCode).toBe(404);
  });

  it("follows the initiative's own public page for an invite-only initiative: reachable by its link only", async () => {
    const own = await page(`/o/${s.org.slug}/i/${inviteOnly.slug}`);
    const outcomes = await page(`/o/${s.org.slug}/i/${inviteOnly.slug}/you-said-we-did`);
    expect(outcomes.statusCode).toBe(own.statusCode);
    expect(outcomes.body).toContain('Invite-only decision');
  });

  it('lists the public initiatives on the organization page, never drafts or invite-only ones', async () => {
    const res = await page(`/o/${s.org.slug}/you-said-we-did`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/o/${s.org.slug}/i/${s.initiative.slug}/you-said-we-did"`);
    expect(res.body).toContain('Benches with roofs at three bus stops');
    expect(articleOf(res.body, rejected)).toContain('We did not, because …');
    expect(res.body).toContain('Input from fewer than 3 people.');
    expect(res.body).not.toContain('Draft-only decision');
    expect(res.body).not.toContain('Invite-only decision');
    const other = await s.t.db
      .selectFrom('organizations')
      .select('slug')
      .where('id', '=', s.otherInitiative.organizationId)
      .executeTakeFirstOrThrow();
    const elsewhere = await page(`/o/${other.slug}/you-said-we-did`);
    expect(elsewhere.body).not.toContain('Benches with roofs');
    expect(elsewhere.body).toContain('No decisions have been published yet.');
  });

  it("is linked from the initiative's public page and the organization's page", async () => {
    expect((await page(`/o/${s.org.slug}/i/${s.initiative.slug}`)).body).toContain(`href="${pagePath()}"`);
    expect((await page(`/o/${s.org.slug}`)).body).toContain(`href="/o/${s.org.slug}/you-said-we-did"`);
  });

  it('gives staff the same, suppressed, as JSON; other organizations and no token are refused', async () => {
    const url = `/api/v1/initiatives/${s.initiative.id}/you-said-we-did`;
    const res = await api(s.t.app, s.staff.frontline.token, 'GET', url);
    expect(res.statusCode).toBe(200);
    const body = res.json<Json>();
    expect(body.smallCellK).toBe(3);
    expect(body.topics.map((t) => t.topic)).toEqual(['Information', 'Waiting', null]);
    const all = body.topics.flatMap((t) => t.decisions);
    const a = all.find((d) => d.id === adopted.id)!;
    expect(a.said).toMatchObject({
      suppressed: false,
      contributors: 3,
      inputs: [{ kind: 'idea', count: 4 }],
    });
    expect(a.said.quotes).toHaveLength(2);
    expect(a.said.quotes.some((q) => q.startsWith(words.ann))).toBe(true);
    expect(a.said.quotes.some((q) => q.startsWith(words.cy))).toBe(true);
    const r = all.find((d) => d.id === rejected.id)!;
    expect(r.status).toBe('not_adopted');
    expect(r.notAdoptedReason).toBe('The bus company owns the stops and will light them next year.');
    expect(r.said).toEqual({ linked: true, suppressed: true, contributors: null, inputs: [], quotes: [] });

    expect((await api(s.t.app, s.otherAdmin.token, 'GET', url)).statusCode).toBe(404);
    const anonymous = await api(s.t.app, undefined, 'GET', url);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { get?: { tags?: string[] } }>;
    }>();
    expect(doc.paths['/api/v1/initiatives/{id}/you-said-we-did']?.get?.tags).toEqual(['outcomes']);
  });

  // Last: it changes what the other tests see.
  it('stops counting and quoting a contributor who erased their data', async () => {
    const cy = clients.cy!;
    await cy.submit(`/o/${s.org.slug}/me`, `/o/${s.org.slug}/me/erase`, { confirm: 'erase' });
    const a = articleOf((await page(pagePath())).body, adopted);
    // Two known contributors are left, under k = 3.
    expect(a).toContain('Input from fewer than 3 people.');
    expect(a).not.toContain(words.cy);
    await setK(2);
    const lowered = articleOf((await page(pagePath())).body, adopted);
    expect(lowered).toContain('2 people contributed:');
    expect(lowered).toContain(words.ann);
    expect(lowered).not.toContain(words.cy);
  });
});
