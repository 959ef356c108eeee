import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { authorize } from '../../platform/actor.js';
import { auditExport, exportLayout, exportRows, type CodebookRow } from './export-responses.js';
import { surveyRules } from './surveys.policy.js';

type IdParams = { Params: { id: string } };

// Spreadsheet programs run a cell that starts with = + - @ as a formula: text answers are typed by
// the public, so such cells get a leading apostrophe in CSV (XLSX stores them as plain strings).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvSafe(value: string | number): string | number {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

const codebookHeader: (keyof CodebookRow)[] = [
  'column',
  'question',
  'questionEn',
  'questionDa',
  'kind',
  'value',
  'labelEn',
  'labelDa',
];

function download(reply: FastifyReply, type: string, filename: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store');
}

/** Raw response exports (CSV, XLSX with a codebook sheet, and the codebook as CSV). */
export async function surveyExportRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  app.get<IdParams>('/staff/surveys/:id/export.csv', async (req, reply) => {
    authorize(req.staff, surveyRules.rawData);
    const actor = req.staff;
    const { survey, columns } = await exportLayout(db, actor, req.params.id);
    await auditExport(db, actor, survey.id, 'csv');
    const csv = stringify({ bom: true });
    const out = new PassThrough();
    csv.pipe(out);
    void (async () => {
      try {
        csv.write(columns.map((c) => c.name));
        for await (const row of exportRows(db, actor, survey, columns)) {
          if (!csv.write(row.map(csvSafe))) await new Promise((resolve) => csv.once('drain', resolve));
        }
        csv.end();
      } catch (error) {
        out.destroy(error as Error);
      }
    })();
    return download(reply, 'text/csv; charset=utf-8', `survey-${survey.id}.csv`).send(out);
  });

  app.get<IdParams>('/staff/surveys/:id/codebook.csv', async (req, reply) => {
    const { survey, codebook } = await exportLayout(db, req.staff, req.params.id);
    const csv = stringify({ bom: true, header: true, columns: codebookHeader });
    for (const row of codebook) csv.write(row);
    csv.end();
    return download(reply, 'text/csv; charset=utf-8', `survey-${survey.id}-codebook.csv`).send(csv);
  });

  app.get<IdParams>('/staff/surveys/:id/export.xlsx', async (req, reply) => {
    authorize(req.staff, surveyRules.rawData);
    const actor = req.staff;
    const { survey, columns, codebook } = await exportLayout(db, actor, req.params.id);
    await auditExport(db, actor, survey.id, 'xlsx');
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    void (async () => {
      try {
        const sheet = workbook.addWorksheet('Responses');
        sheet.addRow(columns.map((c) => c.name)).commit();
        for await (const row of exportRows(db, actor, survey, columns)) sheet.addRow(row).commit();
        sheet.commit();
        const book = workbook.addWorksheet('Codebook');
        book.addRow(codebookHeader).commit();
        for (const row of codebook) book.addRow(codebookHeader.map((k) => row[k])).commit();
        book.commit();
        await workbook.commit();
      } catch (error) {
        out.destroy(error as Error);
      }
    })();
    return download(
      reply,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `survey-${survey.id}.xlsx`,
    ).send(out);
  });
}
