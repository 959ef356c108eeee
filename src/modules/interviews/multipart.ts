import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';

// The interview form uploads a transcript file without JavaScript, so it is sent as
// multipart/form-data. The platform has no multipart plugin; this small parser serves only this
// module's routes (it is registered in the module's own scope): text fields become strings (repeated
// names become lists, like the urlencoded parser), a file becomes an `UploadedFile`.

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

function param(header: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${name}\\*?=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1');
}

const MAX_PARTS = 400;

/** Parses a multipart/form-data body; malformed bodies are a plain bad request. */
export function parseMultipart(body: Buffer, contentType: string): Record<string, unknown> {
  const boundary = param(contentType, 'boundary');
  if (!boundary || boundary.length > 200) throw new AppError('bad_request');
  const delimiter = Buffer.from(`--${boundary}`);
  const out: Record<string, unknown> = {};
  let start = body.indexOf(delimiter);
  if (start < 0) throw new AppError('bad_request');
  let parts = 0;
  for (;;) {
    start += delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break;
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), start);
    if (next < 0) throw new AppError('bad_request');
    if (++parts > MAX_PARTS) throw new AppError('bad_request');
    const part = body.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new AppError('bad_request');
    const headers = part.subarray(0, headerEnd).toString('utf8').split('\r\n');
    const content = part.subarray(headerEnd + 4);
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
    const type = headers.find((h) => /^content-type:/i.test(h))?.replace(/^content-type:\s*/i, '') ?? '';
    const name = param(disposition, 'name');
    const fileName = param(disposition, 'filename');
    if (name) {
      let value: unknown;
      if (fileName !== undefined) {
        // An empty file input still sends a part with an empty file name: nothing was chosen.
        value =
          fileName === '' && content.length === 0
            ? ''
            : {
                fileName: fileName.split(/[\\/]/).pop() ?? '',
                contentType: type,
                text: decode(content),
                size: content.length,
              };
      } else {
        value = content.toString('utf8');
      }
      const existing = out[name];
      if (existing === undefined) out[name] = value;
      else out[name] = Array.isArray(existing) ? [...(existing as unknown[]), value] : [existing, value];
    }
    start = next + 2;
  }
  return out;
}

/** Accepts multipart/form-data bodies on the routes of the calling plugin's scope. */
export function acceptMultipart(app: FastifyInstance): void {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (req, body, done) => {
    try {
      done(null, parseMultipart(body as Buffer, String(req.headers['content-type'] ?? '')));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
