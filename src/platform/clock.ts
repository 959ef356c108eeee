import { randomBytes, randomUUID } from 'node:crypto';

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
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ISO timestamp `hours` from `from`. */
export function addHours(from: Date, hours: number): string {
  return new Date(from.getTime() + hours * 3_600_000).toISOString();
}
