import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';

// The Pol.is import form sends its CSV files without JavaScript as multipart/form-data, parsed by the
// official @fastify/multipart plugin in this plugin's own scope. Parts become the plain shape the
// urlencoded parser gives (strings), a file its text, before the platform's CSRF check reads `_csrf`.

/** Pol.is exports of large conversations run to a few megabytes of votes. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function plain(part: Multipart): Promise<string> {
  if (part.type === 'field') return typeof part.value === 'string' ? part.value : String(part.value);
  return decode(await part.toBuffer());
}

/** Accepts multipart/form-data (three CSV files and a few fields) on the calling plugin's routes. */
export async function acceptPolisUpload(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: 3, parts: 10, fields: 6 },
    throwFileSizeLimit: true,
  });
  app.addHook('preValidation', async (req) => {
    if (!req.isMultipart()) return;
    const out: Record<string, string> = {};
    try {
      for await (const part of req.parts()) out[part.fieldname] = await plain(part);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new AppError(code === 'FST_REQ_FILE_TOO_LARGE' ? 'payload_too_large' : 'bad_request');
    }
    req.body = out;
  });
}
