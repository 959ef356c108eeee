// Experiments as an input source for decisions and the feedback loop, on both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { recordResults } from './decide-experiment.js';
import { experimentInputSource as source } from './experiment-input-source.js';
import { planExperiment } from './plan-experiment.js';

describe.each(engines)('experiment input source on %s', (engine) => {
  let s: InterviewsSetup;
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
  });
  afterAll(async () => s.t.close());

  it('offers each experiment with its results and learnings, as staff work without a participant', async () => {
    const org = s.org.id;
    const facilitator = actorOf(s.staff.facilitator);
    const screen = await planExperiment(s.t.db, facilitator, s.initiative.id, plan);
    await recordResults(s.t.db, facilitator, s.initiative.id, screen.id, {
      usersTested: 40,
      userSegments: 'Visitors on weekdays',
      results: 'Questions fell by 60%.',
      learnings: 'People READ the screen from the door.',
    });
    const signs = await planExperiment(s.t.db, facilitator, s.initiative.id, {
      ...plan,
      title: 'Signs_test',
      weBelieve: 'bigger signs',
    });
    await planExperiment(s.t.db, actorOf(s.otherAdmin), s.otherInitiative.id, plan);

    const [item] = await source.byIds(s.t.db, org, [screen.id, 'no-such-experiment']);
    expect(item).toEqual({
      kind: 'experiment',
      id: screen.id,
      initiativeId: s.initiative.id,
      participantId: null,
      createdAt: screen.createdAt,
      label: 'Queue screen pilot',
      text: 'Questions fell by 60%.\n\nPeople READ the screen from the door.',
      href: `/staff/initiatives/${s.initiative.id}/experiments/${screen.id}`,
    });
    const ids = async (query: string, limit = 10) =>
      (await source.search(s.t.db, org, s.initiative.id, query, limit)).map((i) => i.id);
    expect(await ids('read the SCREEN')).toEqual([screen.id]);
    expect(await ids('60%')).toEqual([screen.id]);
    expect(await ids('6_%')).toEqual([]);
    expect(await ids('signs_')).toEqual([signs.id]);
    expect(await ids('signs%')).toEqual([]);
    expect(await ids('BIGGER signs')).toEqual([signs.id]);
    expect(new Set(await ids(''))).toEqual(new Set([screen.id, signs.id]));
    expect(await ids('', 1)).toHaveLength(1);
    const otherOrg = s.otherInitiative.organizationId;
    expect(await source.search(s.t.db, otherOrg, s.initiative.id, '', 10)).toEqual([]);
    expect(await source.byIds(s.t.db, otherOrg, [screen.id])).toEqual([]);

    expect(await source.census(s.t.db, org, s.initiative.id)).toEqual({ inputs: 2, contributors: [] });
    expect(await source.census(s.t.db, otherOrg, s.initiative.id)).toEqual({ inputs: 0, contributors: [] });
    expect(await source.ofParticipant(s.t.db, org, s.consentingId)).toEqual([]);
    expect(await source.lastActivity(s.t.db, org)).toEqual([]);
  });
});
