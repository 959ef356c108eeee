import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';

// The interview form uploads a transcript file without JavaScript, so it is sent as
// multipart/form-data, parsed by the official @fastify/multipart plugin in this module's own scope.
// Its parts are turned into the same plain shape the urlencoded parser gives (text fields become
// strings, repeated names lists) before the CSRF check and the routes read them; a file becomes an
// `UploadedFile` with its text.

/** A file sent with a form, decoded as text. */
export interface UploadedFile {
  fileName: string;
  contentType: string;
  /** The text of the file: UTF-8, or Windows-1252 for older files that are not valid UTF-8. */
  text: string;
  size: number;
}

/** Whether a form value is an uploaded file. */
export function isUploadedFile(value: unknown): value is UploadedFile {
  return !!value && typeof value === 'object' && 'fileName' in value && 'text' in value;
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Transcripts are text: a few megabytes is already hours of talk. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_PARTS = 400;

async function plain(part: Multipart): Promise<unknown> {
  if (part.type === 'field') {
    const value = part.value;
    return typeof value === 'string' ? value : String(value);
  }
  const file = part;
  const bytes = await file.toBuffer();
  // An empty file input still sends a part with an empty file name: nothing was chosen.
  if (file.filename === '' && bytes.length === 0) return '';
  return {
    fileName: file.filename.split(/[\\/]/).pop() ?? '',
    contentType: file.mimetype,
    text: decode(bytes),
    size: bytes.length,
  } satisfies UploadedFile;
}

/** Accepts multipart/form-data bodies on the routes of the calling plugin's scope. */
export async function acceptMultipart(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: 2, parts: MAX_PARTS, fields: MAX_PARTS },
    throwFileSizeLimit: true,
  });
  // Read the parts before the platform's CSRF check (preHandler), which reads `_csrf` as a plain
  // string; a malformed body is a bad request and an oversized file "too large", never a 500.
  app.addHook('preValidation', async (req) => {
    if (!req.isMultipart()) return;
    const out: Record<string, unknown> = {};
    try {
      for await (const part of req.parts()) {
        const value = await plain(part);
        const existing = out[part.fieldname];
        if (existing === undefined) out[part.fieldname] = value;
        else
          out[part.fieldname] = Array.isArray(existing)
            ? [...(existing as unknown[]), value]
            : [existing, value];
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new AppError(code === 'FST_REQ_FILE_TOO_LARGE' ? 'payload_too_large' : 'bad_request');
    }
    req.body = out;
  });
}
