// Gathering influence metrics from ideas, decisions, links and reviews on both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { buildIdea } from '../../../test/support/idea-factory.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { daysBetween, median } from '../../analysis/influence/index.js';
import { newId } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { linkInput } from '../decisions/link-input.js';
import { markLinksTold } from '../decisions/loop-facts.js';
import { recordDecision } from '../decisions/record-decision.js';
import { postParticipantIdea } from '../ideas/post-idea.js';
import type { Idea } from '../ideas/ideas.table.js';
import { changeInitiativeStatus } from '../initiatives/change-initiative-status.js';
import { getInitiativeInfluence, getOrganizationInfluence } from './get-influence.js';
import { getInfluenceThresholds, saveInfluenceThresholds } from './influence-settings.js';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const DAY = 86_400_000;

describe.each(engines)('influence metrics gathered on %s', (engine) => {
  let s: InterviewsSetup;
  let ideas: Record<'a' | 'b' | 'c' | 'staff', Idea>;
  let secondId: string;
  let reviewedAt: string;
  let linkedAt: string;

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    const facilitator = actorOf(s.staff.facilitator);
    const other = idOf(
      await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug, { email: 'bo@example.org' }),
    );
    const post = (participantId: string, title: string) =>
      postParticipantIdea(s.t.db, s.org.id, s.initiative.slug, participantId, {
        title,
        description: `${title}, please.`,
        problem: 'It is hard to come now.',
      });
    // Four ideas by two participants and staff: a linked and told, c reviewed, b and staff's untouched.
    ideas = {
      a: await post(s.consentingId, 'Longer opening hours'),
      b: await post(s.consentingId, 'A ramp at the side door'),
      c: await post(other, 'Quiet hours'),
      staff: await buildIdea(s.t.db, facilitator, s.initiative.id, { title: 'Staff idea' }),
    };
    const adopted = await recordDecision(s.t.db, facilitator, s.initiative.id, {
      title: 'Open until eight on Thursdays',
      decidedBy: 'management',
      decidedOn: '2026-11-20',
      status: 'adopted',
    });
    await recordDecision(s.t.db, facilitator, s.initiative.id, {
      title: 'New chairs',
      decidedBy: 'staff',
      decidedOn: '2026-11-21',
      status: 'implemented',
    });
    const link = await linkInput(s.t.db, facilitator, s.initiative.id, adopted.id, {
      inputKind: 'idea',
      inputId: ideas.a.id,
    });
    linkedAt = link.linkedAt;
    await markLinksTold(s.t.db, s.org.id, [link.id], linkedAt);
    // Reviews are written by the linking screen (another capability); stored here as it stores them.
    reviewedAt = new Date(Date.parse(ideas.c.createdAt) + 3 * DAY).toISOString();
    await s.t.db
      .insertInto('input_reviews')
      .values([
        {
          id: newId(),
          organization_id: s.org.id,
          initiative_id: s.initiative.id,
          input_kind: 'idea',
          input_id: ideas.c.id,
          reviewed_by: s.staff.facilitator.id,
          reviewed_at: reviewedAt,
        },
        // A review of a kind no source reads yet is left out rather than failing.
        {
          id: newId(),
          organization_id: s.org.id,
          initiative_id: s.initiative.id,
          input_kind: 'interview',
          input_id: 'not-readable',
          reviewed_by: null,
          reviewed_at: reviewedAt,
        },
      ])
      .execute();
    // A second initiative with one untouched idea.
    const second = await buildInitiative(s.t.db, s.org.id, { open: true, staffId: s.staff.facilitator.id });
    secondId = second.id;
    await buildIdea(s.t.db, facilitator, second.id, { title: 'Elsewhere' });
  }, 60_000);
  afterAll(async () => s.t.close());

  it('computes an initiative’s metrics from the registry’s census, links, reviews and decisions', async () => {
    const view = await getInitiativeInfluence(s.t.db, actorOf(s.staff.analyst), s.initiative.id);
    expect(view.initiative).toMatchObject({ id: s.initiative.id, status: 'open', closedAt: null });
    expect(view.thresholds).toEqual({ closedDays: 60, responseSharePercent: 20 });
    expect(view.canConfigure).toBe(false);
    const m = view.metrics;
    expect(m).toMatchObject({
      inputs: 4,
      reviewed: 2,
      reviewedShare: 0.5,
      linked: 1,
      linkedShare: 0.25,
      contributors: 2,
      informed: 1,
      informedShare: 0.5,
      withFeedback: 2,
      decisionsWithInput: 1,
      decisionsWithoutInput: 1,
      daysSinceClosed: null,
      tokenRisk: false,
    });
    const expected = median([
      daysBetween(ideas.a.createdAt, linkedAt),
      daysBetween(ideas.c.createdAt, reviewedAt),
    ]);
    expect(m.medianDaysToFeedback).toBeCloseTo(expected!, 9);
    expect(m.medianDaysToFeedback).toBeGreaterThan(1.5);
  });

  it('flags a closed initiative past the thresholds, with the organization’s own thresholds', async () => {
    const closed = await changeInitiativeStatus(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      'close',
    );
    const at = (days: number) => new Date(Date.parse(closed.closedAt!) + days * DAY).toISOString();
    const analyst = actorOf(s.staff.analyst);
    // Half the input answered: never under 20 %, whatever the time.
    expect((await getInitiativeInfluence(s.t.db, analyst, s.initiative.id, at(61))).metrics.tokenRisk).toBe(
      false,
    );

    const admin = actorOf(s.staff.admin);
    await saveInfluenceThresholds(s.t.db, admin, { closedDays: '30', responseSharePercent: '51' });
    expect(await getInfluenceThresholds(s.t.db, analyst)).toEqual({
      closedDays: 30,
      responseSharePercent: 51,
    });
    const exactly = await getInitiativeInfluence(s.t.db, analyst, s.initiative.id, at(30));
    expect(exactly.initiative.closedAt).toBe(closed.closedAt);
    expect(exactly.metrics.daysSinceClosed).toBe(30);
    expect(exactly.metrics.tokenRisk).toBe(false);
    const later = await getInitiativeInfluence(s.t.db, analyst, s.initiative.id, at(31));
    expect(later.metrics.tokenRisk).toBe(true);

    // The organization lists the flag per initiative and counts its inputs and people once.
    const org = await getOrganizationInfluence(s.t.db, actorOf(s.staff.facilitator), at(31));
    expect(org.flagged).toBe(1);
    expect(org.canConfigure).toBe(false);
    expect(org.initiatives.map((i) => [i.initiative.id, i.metrics.tokenRisk]).sort()).toEqual(
      [
        [s.initiative.id, true],
        [secondId, false],
      ].sort(),
    );
    expect(org.metrics).toMatchObject({
      inputs: 5,
      reviewed: 2,
      linked: 1,
      contributors: 2,
      informed: 1,
      decisionsWithInput: 1,
      decisionsWithoutInput: 1,
      daysSinceClosed: null,
      tokenRisk: false,
    });
    expect(org.metrics.reviewedShare).toBeCloseTo(0.4, 12);
    await saveInfluenceThresholds(s.t.db, admin, { closedDays: 60, responseSharePercent: 20 });
  });

  it('shows another organization nothing of this one', async () => {
    const other = await getOrganizationInfluence(s.t.db, actorOf(s.otherAdmin));
    expect(other.initiatives.map((i) => i.initiative.id)).toEqual([s.otherInitiative.id]);
    expect(other.metrics.inputs).toBe(0);
    expect(other.thresholds).toEqual({ closedDays: 60, responseSharePercent: 20 });
    expect((await failure(getInitiativeInfluence(s.t.db, actorOf(s.otherAdmin), s.initiative.id))).code).toBe(
      'not_found',
    );
  });

  it('lets analysts and facilitators look, only admins set thresholds, and refuses bad thresholds whole', async () => {
    expect((await failure(getOrganizationInfluence(s.t.db, actorOf(s.staff.frontline)))).code).toBe(
      'forbidden',
    );
    expect((await failure(getOrganizationInfluence(s.t.db, undefined))).code).toBe('unauthenticated');
    expect(
      (await failure(saveInfluenceThresholds(s.t.db, actorOf(s.staff.facilitator), { closedDays: 1 }))).code,
    ).toBe('forbidden');
    const bad = await failure(
      saveInfluenceThresholds(s.t.db, actorOf(s.staff.admin), {
        closedDays: '90',
        responseSharePercent: '120',
      }),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.fields).toEqual([
      { field: 'responseSharePercent', code: 'outOfRange', params: { min: 0, max: 100 } },
    ]);
    const control = await failure(
      saveInfluenceThresholds(s.t.db, actorOf(s.staff.admin), {
        closedDays: '9\u0000',
        responseSharePercent: '1',
      }),
    );
    expect(control.fields).toEqual([{ field: 'closedDays', code: 'invalidCharacters' }]);
    // Nothing half-written: the last good thresholds stay.
    expect(await getInfluenceThresholds(s.t.db, actorOf(s.staff.admin))).toEqual({
      closedDays: 60,
      responseSharePercent: 20,
    });
  });
});
