// Transcript files uploaded with the staff form (multipart): WebVTT, plain text and what is refused.

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api, type FormClient } from '../../../test/support/http-client.js';
import { SAMPLE_VTT } from '../../../test/support/interview-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import type { InterviewView } from './interview-view.js';

/** A multipart/form-data body as a browser sends it, with an optional file. */
function multipart(
  fields: Record<string, string>,
  file?: { name: string; fileName: string; content: string | Buffer; type?: string },
): { payload: Buffer; contentType: string } {
  const boundary = '----interviewTestBoundary7MA4YWxk';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.type ?? 'text/vtt'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(engines)('interview transcript uploads on %s', (engine) => {
  let t: InterviewsSetup['t'];
  let staff: InterviewsSetup['staff'];
  let base: InterviewsSetup['base'];
  let apiBase: InterviewsSetup['apiBase'];
  let count: InterviewsSetup['count'];

  async function postMultipart(
    client: FormClient,
    url: string,
    body: { payload: Buffer; contentType: string },
  ): Promise<LightMyRequestResponse> {
    return t.app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': body.contentType,
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      payload: body.payload,
    });
  }

  beforeAll(async () => {
    ({ t, staff, base, apiBase, count } = await setUpInterviews(engine));
  });
  afterAll(async () => t.close());

  it('imports an uploaded WebVTT file, and refuses a malformed one naming the line, storing nothing', async () => {
    const client = staff.frontline.client;
    await client.get(`${base()}/new`);
    const fields = { _csrf: client.csrf, method: 'focus_group', heldOn: '2026-01-16', place: 'Library' };
    const ok = await postMultipart(
      client,
      base(),
      multipart(fields, { name: 'transcriptFile', fileName: 'group.vtt', content: SAMPLE_VTT }),
    );
    expect(ok.statusCode).toBe(303);
    const view = await api(
      t.app,
      staff.analyst.token,
      'GET',
      `${apiBase()}/${String(ok.headers.location).split('/').pop()!.split('?')[0]}`,
    );
    const stored = view.json<InterviewView>();
    expect(stored.method).toBe('focus_group');
    expect(stored.participant).toBeNull();
    expect(stored.transcript?.format).toBe('vtt');
    expect(stored.transcript?.segments.map((s) => [s.start, s.end, s.speaker])).toEqual([
      [1, 4.5, 'Interviewer'],
      [4.5, 9, 'Ann'],
    ]);

    const before = [await count('interviews'), await count('interview_pieces')];
    const broken = SAMPLE_VTT.replace('00:04.500 --> 00:09.000', '00:04.500 -> 00:09.000');
    const refused = await postMultipart(
      client,
      base(),
      multipart(
        { ...fields, 'notes.0.text': 'Kept in the form' },
        { name: 'transcriptFile', fileName: 'group.vtt', content: broken },
      ),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('class="error-summary"');
    expect(refused.body).toContain('id="f-transcript-error"');
    expect(refused.body).toContain('Line 12: “00:04.500 -> 00:09.000” are not valid cue times');
    // What was sent comes back: the notes, and the file's text to correct in the box.
    expect(refused.body).toContain('Kept in the form');
    expect(refused.body).toContain('\n00:04.500 -> 00:09.000\n&lt;v.patient Ann>');
    expect([await count('interviews'), await count('interview_pieces')]).toEqual(before);

    const wrongType = await postMultipart(
      client,
      base(),
      multipart(fields, {
        name: 'transcriptFile',
        fileName: 'notes.docx',
        content: 'PK\u0003\u0004',
        type: 'application/zip',
      }),
    );
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.body).toContain('Upload a WebVTT (.vtt) or plain text (.txt) file');
    expect([await count('interviews'), await count('interview_pieces')]).toEqual(before);

    const truncated = await t.app.inject({
      method: 'POST',
      url: base(),
      headers: {
        'content-type': 'multipart/form-data; boundary=xyz',
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      payload: '--xyz\r\nContent-Disposition: form-data; name="place"\r\n\r\nno end',
    });
    expect(truncated.statusCode).toBe(400);
    expect([await count('interviews'), await count('interview_pieces')]).toEqual(before);

    // A file over the upload limit (5 MB) is refused as too large, and nothing is stored.
    const huge = await postMultipart(
      client,
      base(),
      multipart(fields, {
        name: 'transcriptFile',
        fileName: 'huge.txt',
        content: 'a'.repeat(5 * 1024 * 1024 + 1),
        type: 'text/plain',
      }),
    );
    expect(huge.statusCode).toBe(413);
    expect([await count('interviews'), await count('interview_pieces')]).toEqual(before);

    // An older plain-text file in Windows-1252 (not UTF-8) keeps its Danish letters.
    const latin = await postMultipart(
      client,
      base(),
      multipart(fields, {
        name: 'transcriptFile',
        fileName: 'samtale.txt',
        content: Buffer.from('Borger: Ventetiden er for lang, især om fredagen.\n', 'latin1'),
        type: 'text/plain',
      }),
    );
    expect(latin.statusCode).toBe(303);
    const text = await api(
      t.app,
      staff.analyst.token,
      'GET',
      `${apiBase()}/${String(latin.headers.location).split('/').pop()!.split('?')[0]}`,
    );
    expect(text.json<InterviewView>().transcript).toMatchObject({
      format: 'text',
      segments: [{ start: null, speaker: 'Borger', text: 'Ventetiden er for lang, især om fredagen.' }],
    });
  });
});
