import type { Db } from '../../src/db/database.js';
import type { StaffActor } from '../../src/platform/actor.js';
import { publishPrototype, type VersionFile } from '../../src/modules/prototypes/publish-prototype.js';
import type { Prototype } from '../../src/modules/prototypes/prototypes.table.js';

/** A day `days` from today (UTC), as YYYY-MM-DD. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid prototype as an API body, with overrides. */
export function prototypeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'New signs in the waiting room',
    body: 'Large signs with the queue number and the expected wait.',
    questions: ['Can you read the sign from your seat?', 'What would you add?'],
    closesOn: dayFromNow(14),
    ...overrides,
  };
}

/** Publishes a prototype through the use case (as the given actor). */
export async function buildPrototype(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  overrides: Record<string, unknown> = {},
  files: VersionFile[] = [],
): Promise<Prototype> {
  return publishPrototype(db, actor, initiativeId, prototypeInput(overrides), files);
}

/**
 * Ends a version's feedback round as if its last day had passed: the only way to reach the past,
 * since publishing refuses closing days before today.
 */
export async function endRound(db: Db, versionId: string): Promise<void> {
  await db
    .updateTable('prototype_versions')
    .set({ closes_at: '2000-01-01T23:59:59.999Z' })
    .where('id', '=', versionId)
    .execute();
}

/** The smallest PDF header a PDF reader recognises as one (enough for the type check). */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
