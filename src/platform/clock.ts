import { randomUUID } from 'node:crypto';

/** The current time as the ISO-8601 text every table stores. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

/** A new random id (UUID v4). */
export function newId(): string {
  return randomUUID();
}

/** ISO timestamp `hours` from `from`. */
export function addHours(from: Date, hours: number): string {
  return new Date(from.getTime() + hours * 3_600_000).toISOString();
}
