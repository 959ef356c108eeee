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
 * Accepts multipart/form-data bodies on the routes of the calling plugin's scope. Files over
 * `maxFileBytes` are read one byte past it and marked truncated, so the use case can say "too large".
 */
export async function acceptUploads(
  app: FastifyInstance,
  limits: { maxFileBytes: number; maxFiles: number },
): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: limits.maxFileBytes + 1, files: limits.maxFiles, parts: 100, fields: 100 },
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
    req.body = out;
  });
}
