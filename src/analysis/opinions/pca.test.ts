import { describe, expect, it } from 'vitest';
import { voteMatrixFromRows, type Vote } from './matrix.js';
import { columnMeans, principalComponents, projectParticipants, symmetricEigen2 } from './pca.js';
import { seededRandom } from './random.js';

describe('principalComponents with missing votes', () => {
  it('imputes the column mean: a hand-checked 3 × 2 matrix', () => {
    // Rows [1, 1], [-1, -1], [1, ·]: column means 1/3 and 0; centred [2/3, 1], [-4/3, -1], [2/3, 0];
    // XᵀX = [[8/3, 2], [2, 2]], eigenvalues (7 ± √37) / 3, leading eigenvector ∝ (2, (√37 − 1) / 3).
    const matrix = voteMatrixFromRows(
      ['a', 'b', 'c'],
      ['s', 't'],
      [
        [1, 1],
        [-1, -1],
        [1, null],
      ],
    );
    const pca = principalComponents(matrix);
    expect(Array.from(pca.center)).toEqual([1 / 3, 0]);
    expect(pca.eigenvalues[0]).toBeCloseTo((7 + Math.sqrt(37)) / 3, 9);
    expect(pca.eigenvalues[1]).toBeCloseTo((7 - Math.sqrt(37)) / 3, 9);
    const v = [2, (Math.sqrt(37) - 1) / 3];
    const length = Math.hypot(v[0]!, v[1]!);
    expect(pca.components[0][0]).toBeCloseTo(v[0]! / length, 9);
    expect(pca.components[0][1]).toBeCloseTo(v[1]! / length, 9);
    // Participant c voted on one of two statements: Pol.is scales by sqrt(2 / 1).
    const { x } = projectParticipants(matrix, pca);
    expect(x[2]).toBeCloseTo((2 / 3) * pca.components[0][0]! * Math.SQRT2, 9);
    expect(x[0]).toBeCloseTo((2 / 3) * pca.components[0][0]! + 1 * pca.components[0][1]!, 9);
  });

  it('finds eigenvectors of the imputed, centred matrix on random sparse data', () => {
    const random = seededRandom(3);
    const nP = 60;
    const nS = 8;
    const rows: (Vote | null)[][] = Array.from({ length: nP }, () =>
      Array.from({ length: nS }, () =>
        random() < 0.3 ? null : ([-1, 0, 1] as const)[Math.floor(random() * 3)]!,
      ),
    );
    const matrix = voteMatrixFromRows(
      rows.map((_, p) => `p${p}`),
      rows[0]!.map((_, s) => `s${s}`),
      rows,
    );
    const pca = principalComponents(matrix);
    const mean = columnMeans(matrix);
    const centred = rows.map((row) => row.map((v, s) => (v === null ? 0 : v - mean[s]!)));
    const xtx = (v: Float64Array) => {
      const out = new Float64Array(nS);
      for (const row of centred) {
        const d = row.reduce((sum, x, s) => sum + x * v[s]!, 0);
        row.forEach((x, s) => (out[s]! += d * x));
      }
      return out;
    };
    for (const [c, component] of pca.components.entries()) {
      const product = xtx(component);
      for (let s = 0; s < nS; s++) expect(product[s]).toBeCloseTo(pca.eigenvalues[c]! * component[s]!, 6);
    }
    const dot = pca.components[0].reduce((sum, x, s) => sum + x * pca.components[1][s]!, 0);
    expect(dot).toBeCloseTo(0, 9);
    // The first component explains at least as much as any random direction.
    for (let trial = 0; trial < 20; trial++) {
      const v = Float64Array.from({ length: nS }, () => random() - 0.5);
      const length = Math.hypot(...v);
      v.forEach((x, s) => (v[s] = x / length));
      const rayleigh = xtx(v).reduce((sum, x, s) => sum + x * v[s]!, 0);
      expect(rayleigh).toBeLessThanOrEqual(pca.eigenvalues[0] + 1e-9);
    }
  });

  it('gives the same result for the same input (seeded start vectors, fixed sign)', () => {
    const matrix = voteMatrixFromRows(
      ['a', 'b', 'c', 'd'],
      ['s', 't', 'u'],
      [
        [1, -1, null],
        [-1, 1, 0],
        [1, null, 1],
        [null, 1, -1],
      ],
    );
    const first = principalComponents(matrix);
    const second = principalComponents(matrix);
    expect(Array.from(second.components[0])).toEqual(Array.from(first.components[0]));
    expect(Array.from(second.components[1])).toEqual(Array.from(first.components[1]));
  });

  it('leaves excluded statements out of the components but counts them as seen, as Pol.is zeroes them', () => {
    const matrix = voteMatrixFromRows(
      ['a', 'b', 'c'],
      ['s', 't', 'mod'],
      [
        [1, 1, 1],
        [-1, -1, null],
        [1, null, -1],
      ],
    );
    const excluded = Uint8Array.of(0, 0, 1);
    const pca = principalComponents(matrix, { excluded });
    expect(pca.center[2]).toBe(0);
    expect(pca.components[0][2]).toBeCloseTo(0, 12);
    const { x } = projectParticipants(matrix, pca, excluded);
    // b voted on s and t, and counts the moderated column as seen: scale sqrt(3 / 3) = 1.
    const expected =
      (-1 - pca.center[0]!) * pca.components[0][0]! + (-1 - pca.center[1]!) * pca.components[0][1]!;
    expect(x[1]).toBeCloseTo(expected, 12);
  });
});

describe('symmetricEigen2', () => {
  it('returns the eigenvalues largest first and the leading eigenvector as a rotation', () => {
    const [l1, l2, c, s] = symmetricEigen2(2, 1, 2);
    expect(l1).toBeCloseTo(3);
    expect(l2).toBeCloseTo(1);
    expect(Math.abs(c)).toBeCloseTo(Math.SQRT1_2);
    expect(Math.abs(s)).toBeCloseTo(Math.SQRT1_2);
  });
});

describe('principalComponents with zero imputation (Pol.is before October 2017)', () => {
  it('centres on the mean over everyone, a missing vote counting 0: a hand-checked 3 × 2 matrix', () => {
    // Rows [1, 1], [1, −1], [·, 1] read as [1, 1], [1, −1], [0, 1]: centre (2/3, 1/3); centred
    // [1/3, 2/3], [1/3, −4/3], [−2/3, 2/3]; XᵀX = [[2/3, −2/3], [−2/3, 8/3]], eigenvalues (5 ± √13) / 3,
    // leading eigenvector ∝ (−2, 3 + √13).
    const matrix = voteMatrixFromRows(
      ['a', 'b', 'c'],
      ['s', 't'],
      [
        [1, 1],
        [1, -1],
        [null, 1],
      ],
    );
    const pca = principalComponents(matrix, { imputation: 'zero' });
    expect(Array.from(pca.center)).toEqual([2 / 3, 1 / 3]);
    expect(pca.eigenvalues[0]).toBeCloseTo((5 + Math.sqrt(13)) / 3, 9);
    expect(pca.eigenvalues[1]).toBeCloseTo((5 - Math.sqrt(13)) / 3, 9);
    const v = [-2, 3 + Math.sqrt(13)];
    const length = Math.hypot(v[0]!, v[1]!);
    expect(pca.components[0][0]).toBeCloseTo(v[0]! / length, 9);
    expect(pca.components[0][1]).toBeCloseTo(v[1]! / length, 9);
    // The mean imputation of the same matrix differs: column means over the votes cast, (1, 1/3).
    expect(Array.from(principalComponents(matrix).center)).toEqual([1, 1 / 3]);
  });

  it('matches the dense zero-filled PCA on random sparse data', () => {
    const random = seededRandom(8);
    const nP = 50;
    const nS = 6;
    const rows: (Vote | null)[][] = Array.from({ length: nP }, () =>
      Array.from({ length: nS }, () =>
        random() < 0.4 ? null : ([-1, 0, 1] as const)[Math.floor(random() * 3)]!,
      ),
    );
    const matrix = voteMatrixFromRows(
      rows.map((_, p) => `p${p}`),
      Array.from({ length: nS }, (_, s) => `s${s}`),
      rows,
    );
    const pca = principalComponents(matrix, { imputation: 'zero' });
    const dense: number[][] = rows.map((row) => row.map((v) => v ?? 0));
    const centre = Array.from({ length: nS }, (_, s) => dense.reduce((sum, row) => sum + row[s]!, 0) / nP);
    // Each component v satisfies XᵀX v = λ v for the centred dense matrix.
    pca.components.forEach((v, c) => {
      const xv = dense.map((row) => row.reduce((sum, x, s) => sum + (x - centre[s]!) * v[s]!, 0));
      for (let s = 0; s < nS; s++) {
        const w = dense.reduce((sum, row, p) => sum + (row[s]! - centre[s]!) * xv[p]!, 0);
        expect(w).toBeCloseTo(pca.eigenvalues[c]! * v[s]!, 6);
      }
    });
  });

  it('projects without the sparsity scaling when asked (Pol.is before October 2014)', () => {
    const rows: (Vote | null)[][] = [
      [1, null],
      [-1, 1],
    ];
    const matrix = voteMatrixFromRows(['a', 'b'], ['s', 't'], rows);
    const pca = principalComponents(matrix);
    const scaled = projectParticipants(matrix, pca);
    const plain = projectParticipants(matrix, pca, undefined, false);
    expect(scaled.x[0]).toBeCloseTo(plain.x[0]! * Math.SQRT2, 12);
    expect(scaled.x[1]).toBeCloseTo(plain.x[1]!, 12);
  });
});
