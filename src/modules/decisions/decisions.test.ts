// Decisions and their links to input, through the use cases on both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { buildIdea } from '../../../test/support/idea-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { AppError } from '../../platform/errors.js';
import { getDecision, listDecisions } from './list-decisions.js';
import { linkInput, unlinkInput } from './link-input.js';
import { editDecision, recordDecision } from './record-decision.js';

/** The error a promise rejects with, so its code and fields can be checked. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(engines)('decisions on %s', (engine) => {
  let s: InterviewsSetup;
  const decision = {
    title: 'Benches with roofs at three bus stops',
    rationale: 'Many asked for somewhere dry to wait.',
    decidedBy: 'council',
    decidedOn: '2026-11-20',
    status: 'adopted',
    topic: 'Waiting',
  };

  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  const facilitator = () => actorOf(s.staff.facilitator);
  const count = async (table: 'decisions' | 'decision_links') =>
    (await s.t.db.selectFrom(table).select('id').execute()).length;

  it('records a decision and lists it; a decision not adopted needs a reason, kept and shown', async () => {
    const before = await count('decisions');
    const refused = await failure(
      recordDecision(s.t.db, facilitator(), s.initiative.id, { ...decision, status: 'not_adopted' }),
    );
    expect(refused.code).toBe('validation_failed');
    expect(refused.fields).toEqual([{ field: 'notAdoptedReason', code: 'decisions.reasonRequired' }]);
    expect(await count('decisions')).toBe(before);

    const made = await recordDecision(s.t.db, facilitator(), s.initiative.id, {
      ...decision,
      notAdoptedReason: 'ignored while adopted',
    });
    expect(made).toMatchObject({
      title: decision.title,
      status: 'adopted',
      decidedBy: 'council',
      notAdoptedReason: '',
    });
    const edited = await editDecision(s.t.db, facilitator(), s.initiative.id, made.id, {
      ...decision,
      status: 'not_adopted',
      notAdoptedReason: '  The bus company owns the stops.  ',
    });
    expect(edited.notAdoptedReason).toBe('The bus company owns the stops.');
    const listed = await listDecisions(s.t.db, actorOf(s.staff.analyst), s.initiative.id);
    expect(listed.canManage).toBe(false);
    expect(listed.decisions.map((d) => [d.id, d.status])).toContainEqual([made.id, 'not_adopted']);
  });

  it('refuses unknown deciders and statuses, and roles that may not manage', async () => {
    const bad = await failure(
      recordDecision(s.t.db, facilitator(), s.initiative.id, {
        ...decision,
        decidedBy: 'mayor',
        status: 'maybe',
      }),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.fields.map((f) => f.field).sort()).toEqual(['decidedBy', 'status']);
    expect(
      (await failure(recordDecision(s.t.db, actorOf(s.staff.analyst), s.initiative.id, decision))).code,
    ).toBe('forbidden');
    expect((await failure(recordDecision(s.t.db, undefined, s.initiative.id, decision))).code).toBe(
      'unauthenticated',
    );
  });

  it('links an idea once, refuses another organization’s idea and a second link, and unlinks', async () => {
    const made = await recordDecision(s.t.db, facilitator(), s.initiative.id, decision);
    const idea = await buildIdea(s.t.db, facilitator(), s.initiative.id, { title: 'Roof over the bench' });
    const foreign = await buildIdea(s.t.db, actorOf(s.otherAdmin), s.otherInitiative.id);

    const link = await linkInput(s.t.db, facilitator(), s.initiative.id, made.id, {
      inputKind: 'idea',
      inputId: idea.id,
    });
    expect(link).toMatchObject({ decisionId: made.id, inputKind: 'idea', inputId: idea.id });
    const twice = await failure(
      linkInput(s.t.db, facilitator(), s.initiative.id, made.id, { inputKind: 'idea', inputId: idea.id }),
    );
    expect(twice.code).toBe('already_linked');
    const other = await failure(
      linkInput(s.t.db, facilitator(), s.initiative.id, made.id, { inputKind: 'idea', inputId: foreign.id }),
    );
    expect(other.fields).toEqual([{ field: 'inputId', code: 'unknownId' }]);
    // The other organization cannot see the decision at all.
    expect(
      (
        await failure(
          linkInput(s.t.db, actorOf(s.otherAdmin), s.initiative.id, made.id, {
            inputKind: 'idea',
            inputId: foreign.id,
          }),
        )
      ).code,
    ).toBe('not_found');

    const shown = await getDecision(s.t.db, actorOf(s.staff.frontline), s.initiative.id, made.id);
    expect(shown.links.map((l) => l.inputId)).toEqual([idea.id]);
    await unlinkInput(s.t.db, facilitator(), s.initiative.id, made.id, link.id);
    expect((await getDecision(s.t.db, facilitator(), s.initiative.id, made.id)).links).toEqual([]);
    expect((await failure(unlinkInput(s.t.db, facilitator(), s.initiative.id, made.id, link.id))).code).toBe(
      'not_found',
    );
  });
});
