import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf, buildOrganization, buildStaff, signIn } from '../../../test/support/staff-factory.js';
import { buildSurvey } from '../../../test/support/survey-factory.js';

describe.each(engines)('raw response exports on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('exports one row per response and a codebook, as CSV and XLSX, only to roles that may see raw data', async () => {
    const org = await buildOrganization(t.db);
    const analyst = await buildStaff(t.db, { organizationId: org.id, role: 'analyst' });
    const frontline = await buildStaff(t.db, { organizationId: org.id, role: 'frontline' });
    const admin = await buildStaff(t.db, { organizationId: org.id, role: 'admin' });
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey, questions } = await buildSurvey(t.db, actorOf(admin), initiative.id, {
      questions: [
        { kind: 'single_choice', textEn: 'Visit', options: 'Often | Tit\nRarely | Sjældent' },
        { kind: 'multiple_choice', textEn: 'Rooms', options: 'Reading room\nCafé\nStacks' },
        { kind: 'number', textEn: 'Books a month', integer: true },
        { kind: 'long_text', textEn: 'Anything else?' },
      ],
    });
    const [visit, rooms, books, other] = questions;
    const path = `/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
    const given = [
      { visit: 0, rooms: [0, 2], books: '3', other: '=HYPERLINK("x") and, "quotes"\nnew line' },
      { visit: 1, rooms: [1], books: '12', other: 'Æøå ok' },
    ];
    for (const g of given) {
      const p = await joinAsParticipant(t.app, org.slug, initiative.slug);
      const res = await p.submit(path, path, {
        action: 'submit',
        [`q_${visit!.id}`]: visit!.options[g.visit]!.id,
        [`q_${rooms!.id}[]`]: g.rooms.map((i) => rooms!.options[i]!.id),
        [`q_${books!.id}`]: g.books,
        [`q_${other!.id}`]: g.other,
      });
      expect(res.statusCode).toBe(303);
    }

    const client = await signIn(t.app, analyst.email, analyst.password);
    const csv = await client.get(`/staff/surveys/${survey.id}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    const rows = parse<Record<string, string>>(csv.body, { bom: true, columns: true });
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    expect(first).toMatchObject({
      Q1: 'Often',
      [`Q2_${rooms!.options[0]!.id}`]: '1',
      [`Q2_${rooms!.options[1]!.id}`]: '0',
      [`Q2_${rooms!.options[2]!.id}`]: '1',
      Q3: '3',
      // A formula-looking answer is defused with an apostrophe; the rest is kept as typed.
      Q4: `'${given[0]!.other}`,
      channel: 'link',
      mode: 'online',
      version: '1',
    });
    expect(second).toMatchObject({ Q1: 'Rarely', Q3: '12', Q4: 'Æøå ok' });

    const codebook = parse<Record<string, string>>(
      (await client.get(`/staff/surveys/${survey.id}/codebook.csv`)).body,
      {
        bom: true,
        columns: true,
      },
    );
    expect(codebook.find((r) => r.column === 'Q1' && r.value === 'Rarely')).toMatchObject({
      labelDa: 'Sjældent',
    });

    const xlsx = await client.get(`/staff/surveys/${survey.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Responses')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const q4 = header.indexOf('Q4') + 1;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(q4).value).toBe(given[0]!.other);
    expect(sheet.getRow(3).getCell(header.indexOf('Q3') + 1).value).toBe(12);
    expect(book.getWorksheet('Codebook')!.rowCount).toBeGreaterThan(header.length);

    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'survey.export')
      .execute();
    expect(audit).toHaveLength(2);

    const front = await signIn(t.app, frontline.email, frontline.password);
    expect((await front.get(`/staff/surveys/${survey.id}/export.csv`)).statusCode).toBe(403);
    expect((await front.get(`/staff/surveys/${survey.id}/export.xlsx`)).statusCode).toBe(403);
  });
});
