import { describe, expect, it } from 'vitest';
import { normalQuantile, studentTCdf, studentTQuantile } from './student-t.js';

describe('studentTQuantile', () => {
  // t_{0.975, df} from printed tables (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
  it.each([
    [1, 12.7062047],
    [2, 4.30265273],
    [3, 3.18244631],
    [5, 2.57058184],
    [10, 2.22813885],
    [30, 2.04227246],
    [100, 1.98397152],
    [1000, 1.96233908],
  ])('t_0.975 with %d df is %f', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 7);
  });

  it('handles other probabilities and is symmetric', () => {
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.81246112, 7);
    expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.03214298, 7);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.22813885, 7);
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it('accepts fractional degrees of freedom between the integers', () => {
    const q = studentTQuantile(0.975, 10.5);
    expect(q).toBeLessThan(2.22813885);
    expect(q).toBeGreaterThan(2.20098516); // df = 11
  });

  it('approaches the normal quantile for very large df, continuously across the switch at 2000', () => {
    expect(studentTQuantile(0.975, 1e9)).toBeCloseTo(1.95996398, 7);
    // Above 2000 df the expansion is used: it must still invert the exact CDF.
    for (const df of [2001, 50_000])
      expect(studentTCdf(studentTQuantile(0.975, df), df)).toBeCloseTo(0.975, 9);
    expect(studentTQuantile(0.975, 10_000)).toBeCloseTo(1.96020124, 6);
  });

  it('inverts the CDF', () => {
    for (const df of [1.5, 4, 17, 250]) {
      for (const p of [0.6, 0.9, 0.975, 0.999]) {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
      }
    }
  });

  it('rejects nonsense', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
  });
});

describe('normalQuantile', () => {
  it('matches known values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.09023231, 7);
  });
});
