// `npm run bench:results`: how long the survey results use case (the results page and the API's
// results) takes at 1,000,000 completed responses, on SQLite with production settings.
//
// Seeding: the ingest benchmark's survey (eight questions, three demographic attributes), then
// 1,000,000 generated respondents. Their response rows are inserted in bulk (so everything the page
// reads from responses is there at full size), and their tallies are built with the real tally code
// (`tallyAnswers` per question and combination of categories, `mergeTallies` into the segments the
// submission path keeps: everyone, and every category or "unknown" of every attribute) and written
// with the same upsert the submission path uses. Then getSurveyResults runs for everyone, broken down
// by an attribute, filtered to one category, and with a text search, each a few times.
// The last line is the summary; set RESULTS_RESPONSES for another size.
//
// Measured on the 2-core machine (others' jobs running): first 7.3 s for everyone, when the funnel
// counted responses (1.0 s), the latest texts were sorted without an index (2.4 s) and the version's
// responses were counted; after keeping counts per channel and mode, indexing completed_at and not
// counting the version: median 16 ms for everyone, 26 ms at worst (seeding 30 s).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql, type Insertable } from 'kysely';
import { mergeTallies, tallyAnswers, type Tally } from '../src/analysis/survey-results/index.js';
import { connect } from '../src/db/connect.js';
import type { Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { listDemographicAttributes } from '../src/modules/participants/list-demographic-attributes.js';
import { getSurveyResults, type ResultsQuery } from '../src/modules/surveys/get-survey-results.js';
import { visibleQuestions, type Answer, type Answers } from '../src/modules/surveys/survey-answers.js';
import { PREFER_NOT_TO_SAY } from '../src/modules/surveys/survey-definition.js';
import {
  EVERYONE,
  segmentKey,
  toResultQuestion,
  unknownSegmentKey,
} from '../src/modules/surveys/survey-tallies.js';
import {
  findSurveyState,
  readTallies,
  responseCounts,
  textAnswers,
  upsertTallies,
} from '../src/modules/surveys/surveys.repository.js';
import { random, randomAnswers, seedIngestFixture } from './ingest.js';

const N = Number(process.env.RESULTS_RESPONSES ?? 1_000_000);
const CHUNK = 50_000;
const ROWS_PER_INSERT = 500;
const RUNS = 3;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'er-bench-results-'));
  try {
    const { db } = connect({ sqlitePath: join(dir, 'engine-room.sqlite') });
    await migrateToLatest(db);
    const fixture = await db.transaction().execute((trx) => seedIngestFixture(trx));
    const organizationId = fixture.actor.organizationId;
    const survey = (await findSurveyState(db, organizationId, fixture.surveyId))!;
    const attributes = await listDemographicAttributes(db, organizationId);
    const definition = {
      sections: [{ id: 's', title: { en: '', da: '' }, questions: fixture.questions }],
      nextCode: 1,
    };
    const questions = fixture.questions;
    const resultQuestions = questions.map(toResultQuestion);
    const demographic = questions.find((q) => q.kind === 'demographic')!;
    // A respondent's cell: their category (or none) of every attribute, as indexes; cells are merged
    // into segments at the end, so each response is tallied once per question.
    const radix = attributes.map((a) => a.categories.length + 1);
    const cellCount = radix.reduce((p, r) => p * r, 1);
    const cells: (Tally | undefined)[][] = questions.map(() => new Array<Tally | undefined>(cellCount));
    const next = random(11);
    const started = performance.now();
    const day = Date.parse('2027-01-01T00:00:00Z');

    for (let from = 0; from < N; from += CHUNK) {
      const size = Math.min(CHUNK, N - from);
      const byCell = new Map<number, Answers[]>();
      const rows: Insertable<Database['survey_responses']>[] = [];
      for (let i = 0; i < size; i++) {
        const raw = randomAnswers(questions, next) as Answers;
        const segments: Record<string, string> = {};
        let cell = 0;
        attributes.forEach((a, ai) => {
          let category: string | undefined;
          if (a.id === demographic.attributeId) {
            const given = raw[demographic.id];
            category = typeof given === 'string' && given !== PREFER_NOT_TO_SAY ? given : undefined;
          } else if (next() > 0.2) {
            category = a.categories[Math.floor(next() * a.categories.length)]!.id;
          }
          if (category) segments[a.id] = category;
          const index = category ? a.categories.findIndex((c) => c.id === category) + 1 : 0;
          cell = cell * radix[ai]! + index;
        });
        if (!byCell.has(cell)) byCell.set(cell, []);
        byCell.get(cell)!.push(raw);
        const at = new Date(day + (from + i) * 1000).toISOString();
        rows.push({
          id: `r${String(from + i).padStart(8, '0')}`,
          organization_id: organizationId,
          survey_id: fixture.surveyId,
          version_id: survey.currentVersionId!,
          participant_id: null,
          consent_text_id: null,
          channel: next() < 0.7 ? 'link' : 'api',
          mode: next() < 0.9 ? 'online' : 'paper',
          entered_by: null,
          status: 'completed',
          answers: JSON.stringify(raw),
          segments: JSON.stringify(segments),
          page: 0,
          started_at: at,
          updated_at: at,
          completed_at: at,
        });
      }
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
          await trx
            .insertInto('survey_responses')
            .values(rows.slice(i, i + ROWS_PER_INSERT))
            .execute();
      });
      for (const [cell, answers] of byCell) {
        const shown = answers.map((a) => new Set(visibleQuestions(definition, a).map((q) => q.id)));
        questions.forEach((q, qi) => {
          const given: { answer: Answer }[] = [];
          answers.forEach((a, i) => {
            if (shown[i]!.has(q.id)) given.push({ answer: a[q.id]! });
          });
          const tally = tallyAnswers(resultQuestions[qi]!, given);
          const before = cells[qi]![cell];
          cells[qi]![cell] = before ? mergeTallies(before, tally) : tally;
        });
      }
      process.stdout.write(`\rseeded ${from + size} responses`);
    }
    process.stdout.write('\n');

    // Segments as the submission path keys them: everyone, and per attribute a category or unknown.
    const writes: { questionId: string; segment: string; data: string }[] = [];
    questions.forEach((q, qi) => {
      const segments = new Map<string, Tally>();
      const add = (key: string, tally: Tally) => {
        const before = segments.get(key);
        segments.set(key, before ? mergeTallies(before, tally) : tally);
      };
      cells[qi]!.forEach((tally, cell) => {
        if (!tally) return;
        add(EVERYONE, tally);
        let rest = cell;
        for (let ai = attributes.length - 1; ai >= 0; ai--) {
          const index = rest % radix[ai]!;
          rest = Math.floor(rest / radix[ai]!);
          const a = attributes[ai]!;
          add(index === 0 ? unknownSegmentKey(a.id) : segmentKey(a.id, a.categories[index - 1]!.id), tally);
        }
      });
      for (const [segment, tally] of segments)
        writes.push({ questionId: q.id, segment, data: JSON.stringify(tally) });
    });
    await db.transaction().execute((trx) => upsertTallies(trx, organizationId, fixture.surveyId, writes));
    // The funnel's counts per channel and mode, as the submission path keeps them.
    await sql`
      insert into survey_response_counts (organization_id, survey_id, channel, mode, started, completed)
      select organization_id, survey_id, channel, mode, count(*), count(*)
      from survey_responses where survey_id = ${fixture.surveyId}
      group by organization_id, survey_id, channel, mode
      on conflict (survey_id, channel, mode) do update set
        started = excluded.started, completed = excluded.completed
    `.execute(db);
    const seedSeconds = (performance.now() - started) / 1000;
    console.log(`seeded ${N} responses and ${writes.length} tallies in ${seedSeconds.toFixed(1)} s`);

    // The first question is required: its tally for everyone must count every respondent.
    const first = writes.find((w) => w.questionId === questions[0]!.id && w.segment === EVERYONE)!;
    const counted = (JSON.parse(first.data) as Tally).answered.n;
    if (counted !== N) throw new Error(`the tally for everyone counts ${counted} of ${N} respondents`);

    const age = attributes.find((a) => a.id === demographic.attributeId)!;
    const cases: [string, ResultsQuery][] = [
      ['everyone', {}],
      ['breakdown by age band', { breakdownBy: age.id }],
      ['filter one age band', { filter: `${age.id}:${age.categories[0]!.id}` }],
      ['text search', { search: 'café' }],
    ];
    const medians: number[] = [];
    for (const [name, query] of cases) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await getSurveyResults(db, fixture.actor, fixture.surveyId, query);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      medians.push(median);
      console.log(
        `${name.padEnd(24)} median ${median.toFixed(0)} ms (of ${RUNS}: ${times.map((x) => x.toFixed(0)).join(', ')})`,
      );
    }
    // Where the time goes: the page's reads, one by one.
    const parts: [string, () => Promise<unknown>][] = [
      ['tallies for everyone', () => readTallies(db, organizationId, fixture.surveyId, [EVERYONE])],
      ['funnel counts (responses)', () => responseCounts(db, organizationId, fixture.surveyId)],
      [
        'latest 5000 texts (responses)',
        () => textAnswers(db, organizationId, fixture.surveyId, undefined, 5000),
      ],
    ];
    for (const [name, read] of parts) {
      const t = performance.now();
      await read();
      console.log(`  of which ${name.padEnd(30)} ${(performance.now() - t).toFixed(0)} ms`);
    }
    await db.destroy();
    console.log(
      `results: ${N} responses, getSurveyResults median ${medians[0]!.toFixed(0)} ms for everyone, ${Math.max(...medians).toFixed(0)} ms at worst (${cases.map(([n]) => n).join(', ')})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
