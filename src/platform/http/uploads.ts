import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

// Forms that carry files (an idea's image, a prototype's drafts) work without JavaScript, so they
// are multipart/form-data, parsed by @fastify/multipart in the calling plugin's scope. Text fields
// become plain strings (repeated names lists) before the CSRF check reads `_csrf`; files stay bytes.
// What a file may be (type, size) is the use case's business: it sees every file and names the field.

/** A file sent with a form, as uploaded. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
  /** True when the file was cut at the size limit: it is larger than any use case accepts. */
  truncated: boolean;
}

/** Whether a form value is an uploaded file. */
export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    !!value &&
    typeof value === 'object' &&
    'fileName' in value &&
    Buffer.isBuffer((value as UploadedFile).bytes)
  );
}

/** The uploaded files of a form field (none, one or several). */
export function filesOf(value: unknown): UploadedFile[] {
  return (Array.isArray(value) ? value : [value]).filter(isUploadedFile);
}

async function plain(part: Multipart): Promise<unknown> {
  if (part.type === 'field') return typeof part.value === 'string' ? part.value : String(part.value);
  const bytes = await part.toBuffer();
  // An empty file input still sends a part with an empty file name: nothing was chosen.
  if (part.filename === '' && bytes.length === 0) return '';
  return {
    fileName: part.filename.split(/[\\/]/).pop() ?? '',
    bytes,
    truncated: part.file.truncated,
  } satisfies UploadedFile;
}

/**
 * A file's text: UTF-8, or Windows-1252 for older files that are not valid UTF-8 (a transcript
 * saved by an old word processor), so no upload is refused for its encoding alone.
 */
export function textOf(file: UploadedFile): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(file.bytes);
  }
}

/** How a scope takes uploads. */
export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
  /** Text fields and files in one form at the most (default 100; long repeating forms need more). */
  maxParts?: number;
  /**
   * A file over `maxFileBytes`: `mark` (default) reads it one byte past the limit and marks it
   * truncated, so the use case names the field; `refuse` answers the request "too large" (413).
   */
  oversized?: 'mark' | 'refuse';
}

/** Accepts multipart/form-data bodies on the routes of the calling plugin's scope. */
export async function acceptUploads(app: FastifyInstance, limits: UploadLimits): Promise<void> {
  const maxParts = limits.maxParts ?? 100;
  await app.register(multipart, {
    limits: { fileSize: limits.maxFileBytes + 1, files: limits.maxFiles, parts: maxParts, fields: maxParts },
    throwFileSizeLimit: false,
  });
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
      throw new AppError(code === 'FST_FILES_LIMIT' ? 'payload_too_large' : 'bad_request');
    }
    const oversized = (f: UploadedFile) => f.truncated || f.bytes.length > limits.maxFileBytes;
    if (limits.oversized === 'refuse' && Object.values(out).some((v) => filesOf(v).some(oversized)))
      throw new AppError('payload_too_large');
    req.body = out;
  });
}
