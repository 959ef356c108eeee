import type { Count, Moments } from './tally-types.js';

export const zeroCount = (): Count => ({ n: 0, w: 0, ww: 0 });
export const zeroMoments = (): Moments => ({ n: 0, sw: 0, sx: 0, sxx: 0, swx: 0, swxx: 0, sww: 0 });

// Option ids come from outside: never let one named `__proto__` touch a prototype.
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
export function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
export function recordOf<T>(keys: readonly string[], make: () => T): Record<string, T> {
  const r: Record<string, T> = {};
  for (const k of keys) put(r, k, make());
  return r;
}

/** Reads a count by key without ever touching a prototype (for option ids from outside). */
export function countOf(record: Record<string, Count>, key: string): Count {
  return own(record, key) ?? zeroCount();
}
