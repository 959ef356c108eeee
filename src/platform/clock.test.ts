import { describe, expect, it } from 'vitest';
import { newTimeOrderedId } from './clock.js';

describe('time-ordered ids', () => {
  it('are UUID v7 text carrying their millisecond', () => {
    const at = Date.UTC(2026, 10, 24, 16, 30, 0, 123);
    const id = newTimeOrderedId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sort by time as text, and differ within one millisecond', () => {
    const earlier = Array.from({ length: 100 }, () => newTimeOrderedId(1_700_000_000_000));
    const later = Array.from({ length: 100 }, () => newTimeOrderedId(1_700_000_000_001));
    expect(new Set([...earlier, ...later]).size).toBe(200);
    for (const a of earlier) for (const b of later) expect(a < b).toBe(true);
  });
});
