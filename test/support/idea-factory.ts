import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/database.js';
import type { StaffActor } from '../../src/platform/actor.js';
import { postStaffIdea } from '../../src/modules/ideas/post-idea.js';
import type { Idea } from '../../src/modules/ideas/ideas.table.js';
import type { FormClient } from './http-client.js';

/** A valid idea as a form or API body, with overrides. */
export function ideaInput(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'A bench by the bus stop',
    description: 'Put a bench with a roof at the stop outside the clinic.',
    problem: 'Older patients wait standing in the rain for the bus home.',
    ...overrides,
  };
}

/** Posts an idea through the staff use case (as the given actor). */
export async function buildIdea(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  overrides: Record<string, string> = {},
): Promise<Idea> {
  return postStaffIdea(db, actor, initiativeId, ideaInput(overrides));
}

/** The smallest valid PNG: one transparent pixel. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * Posts a multipart form (text fields and one file) with the client's cookies and CSRF token, as a
 * browser without JavaScript sends a form with a file input.
 */
export async function postMultipart(
  app: FastifyInstance,
  client: FormClient,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; fileName: string; contentType: string; bytes: Buffer },
): Promise<LightMyRequestResponse> {
  const boundary = '----engineroom' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  const all = { _csrf: client.csrf, ...fields };
  for (const [k, v] of Object.entries(all))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(cookie ? { cookie } : {}) },
    payload: Buffer.concat(parts),
  });
}
