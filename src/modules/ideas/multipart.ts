import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { MAX_IMAGE_BYTES } from './idea-input.js';
import type { UploadedImage } from './post-idea.js';

// The idea form sends an optional image without JavaScript, so it is multipart/form-data, parsed
// by @fastify/multipart in this module's scope (as the interviews module does for transcripts).
// Unlike transcripts, images stay bytes; text fields become plain strings before the CSRF check.

/** Whether a form value is an uploaded image. */
export function isUploadedImage(value: unknown): value is UploadedImage {
  return (
    !!value &&
    typeof value === 'object' &&
    'fileName' in value &&
    Buffer.isBuffer((value as UploadedImage).bytes)
  );
}

async function plain(part: Multipart): Promise<unknown> {
  if (part.type === 'field') return typeof part.value === 'string' ? part.value : String(part.value);
  const bytes = await part.toBuffer();
  // An empty file input still sends a part with an empty file name: nothing was chosen.
  if (part.filename === '' && bytes.length === 0) return '';
  return { fileName: part.filename.split(/[\\/]/).pop() ?? '', bytes } satisfies UploadedImage;
}

/** Accepts multipart/form-data bodies (with one image) on the routes of the calling plugin's scope. */
export async function acceptImageForms(app: FastifyInstance): Promise<void> {
  // One byte over the limit is enough to tell "too large"; the plugin stops reading there.
  await app.register(multipart, {
    limits: { fileSize: MAX_IMAGE_BYTES + 1, files: 1, parts: 20, fields: 20 },
    throwFileSizeLimit: false,
  });
  app.addHook('preValidation', async (req) => {
    if (!req.isMultipart()) return;
    const out: Record<string, unknown> = {};
    try {
      for await (const part of req.parts()) {
        const value = await plain(part);
        if (out[part.fieldname] === undefined) out[part.fieldname] = value;
      }
    } catch {
      throw new AppError('bad_request');
    }
    req.body = out;
  });
}
