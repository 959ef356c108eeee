import { randomUUID } from 'node:crypto';

/** The current time as the ISO-8601 text every table stores. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

/** A new random id (UUID v4). */
export function newId(): string {
  return randomUUID();
}

/**
 * A new time-ordered id (UUID v7: 48 bits of milliseconds, then 74 random bits). For rows written
 * at a high rate: a random key lands on a random page of the primary-key index, so every insert
 * dirties (and every commit rewrites) a page of its own, while time-ordered keys fill the last pages.
 * It reveals when the row was made, so use it only where that time is no secret.
 */
export function newTimeOrderedId(now: number = Date.now()): string {
  // randomUUID draws from Node's cached entropy (much cheaper than randomBytes per call); its version
  // nibble and first 48 bits give way to v7's, leaving 74 random bits.
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}

/** ISO timestamp `hours` from `from`. */
export function addHours(from: Date, hours: number): string {
  return new Date(from.getTime() + hours * 3_600_000).toISOString();
}
