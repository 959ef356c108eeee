import type { VoteMatrix } from './matrix.js';
import { seededRandom } from './random.js';

/** The two principal components of the vote matrix and the column means they are centred on. */
export interface Pca {
  /** Per statement: the mean of the votes cast on it (0 for a statement without votes or excluded). */
  center: Float64Array;
  /** Two unit vectors over statements, the first explaining the most variance. */
  components: [Float64Array, Float64Array];
  /** Their eigenvalues (variance × participants), for diagnostics. */
  eigenvalues: [number, number];
  iterations: number;
}

export interface PcaOptions {
  /** Statements to leave out (moderated out): their column counts as all zeros, as in Pol.is. */
  excluded?: Uint8Array;
  seed?: number;
  maxIterations?: number;
  tolerance?: number;
  /**
   * How a missing vote is filled in before centring: `mean`, the column mean over the votes cast (Pol.is
   * since October 2017), or `zero`, a pass (Pol.is before; the centre is then the mean over everyone).
   */
  imputation?: 'mean' | 'zero';
}

/**
 * Column means over the votes actually cast (Pol.is imputes missing votes with these means), or with
 * `overEveryone` the means over all participants counting a missing vote as 0 (zero imputation).
 */
export function columnMeans(matrix: VoteMatrix, excluded?: Uint8Array, overEveryone = false): Float64Array {
  const nS = matrix.statements.length;
  const sum = new Float64Array(nS);
  const count = new Float64Array(nS);
  const { columns, values } = matrix;
  for (let k = 0; k < columns.length; k++) {
    const s = columns[k]!;
    sum[s]! += values[k]!;
    count[s]!++;
  }
  const nP = matrix.participants.length;
  for (let s = 0; s < nS; s++) {
    const n = overEveryone ? nP : count[s]!;
    sum[s] = n > 0 && !excluded?.[s] ? sum[s]! / n : 0;
  }
  return sum;
}

/**
 * PCA to two components of the vote matrix with missing votes imputed by the column mean, as Pol.is does.
 * After centring, an imputed cell is exactly zero, so the centred matrix is as sparse as the votes and the
 * power iteration runs over the votes alone. With zero imputation the centred matrix is the sparse votes
 * minus the rank-one 1·centreᵀ, which the products take into account without densifying. Both components
 * iterate together (subspace iteration with a Rayleigh–Ritz step), which converges to the same vectors as
 * Pol.is' power iteration with deflation.
 */
export function principalComponents(matrix: VoteMatrix, options: PcaOptions = {}): Pca {
  const nS = matrix.statements.length;
  const nP = matrix.participants.length;
  const excluded = options.excluded;
  const zeroFill = options.imputation === 'zero';
  const center = columnMeans(matrix, excluded, zeroFill);
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-9;
  const random = seededRandom(options.seed ?? 1);
  const { rowStart, columns, values } = matrix;
  // Centred values once (8 bytes a vote): the inner loops then read one array instead of two. With zero
  // imputation the sparse part holds the raw votes and `shift` (the centre) is subtracted from every row.
  const centred = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const s = columns[k]!;
    centred[k] = excluded?.[s] ? 0 : values[k]! - (zeroFill ? 0 : center[s]!);
  }
  const shift = zeroFill ? center : undefined;

  let v1 = new Float64Array(nS);
  let v2 = new Float64Array(nS);
  for (let s = 0; s < nS; s++) {
    v1[s] = random() - 0.5;
    v2[s] = random() - 0.5;
  }
  orthonormalise(v1, v2);
  const w1 = new Float64Array(nS);
  const w2 = new Float64Array(nS);
  let eigenvalues: [number, number] = [0, 0];
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // W = XᵀX V in one pass over the votes.
    w1.fill(0);
    w2.fill(0);
    const shift1 = shift ? dot(shift, v1) : 0;
    const shift2 = shift ? dot(shift, v2) : 0;
    let sumA = 0;
    let sumB = 0;
    for (let p = 0; p < nP; p++) {
      const end = rowStart[p + 1]!;
      let a = -shift1;
      let b = -shift2;
      for (let k = rowStart[p]!; k < end; k++) {
        const s = columns[k]!;
        const x = centred[k]!;
        a += x * v1[s]!;
        b += x * v2[s]!;
      }
      if (a === 0 && b === 0) continue;
      sumA += a;
      sumB += b;
      for (let k = rowStart[p]!; k < end; k++) {
        const s = columns[k]!;
        const x = centred[k]!;
        w1[s]! += a * x;
        w2[s]! += b * x;
      }
    }
    if (shift) {
      for (let s = 0; s < nS; s++) {
        w1[s]! -= sumA * shift[s]!;
        w2[s]! -= sumB * shift[s]!;
      }
    }
    // Rayleigh–Ritz: rotate within the subspace to the eigenvectors of H = VᵀXᵀXV, largest first.
    const h11 = dot(v1, w1);
    const h12 = (dot(v1, w2) + dot(v2, w1)) / 2;
    const h22 = dot(v2, w2);
    const [l1, l2, c, sn] = symmetricEigen2(h11, h12, h22);
    eigenvalues = [l1, l2];
    const n1 = new Float64Array(nS);
    const n2 = new Float64Array(nS);
    for (let s = 0; s < nS; s++) {
      n1[s] = c * w1[s]! + sn * w2[s]!;
      n2[s] = -sn * w1[s]! + c * w2[s]!;
    }
    orthonormalise(n1, n2);
    // How far each vector moved (up to sign): about the angle, unlike 1 − |cos|, which is its square.
    const change = Math.max(distance(n1, v1), distance(n2, v2));
    v1 = n1;
    v2 = n2;
    if (change < tolerance) {
      iterations++;
      break;
    }
  }
  fixSign(v1);
  fixSign(v2);
  return { center, components: [v1, v2], eigenvalues, iterations };
}

/**
 * Projects every participant onto the two components over the statements they voted on, scaled by
 * sqrt(statements / votes) so that people who saw few statements are not all pulled to the centre
 * (Pol.is' sparsity-aware projection). Only statements with at least one vote count as columns, as in
 * Pol.is' rating matrix; excluded (moderated-out) statements count as a vote of 0 from everyone, because Pol.is
 * zeroes their columns rather than dropping them.
 */
export function projectParticipants(
  matrix: VoteMatrix,
  pca: Pca,
  excluded?: Uint8Array,
  /** Pol.is since October 2014; without it the plain projection onto the voted statements. */
  scaled = true,
): { x: Float64Array; y: Float64Array } {
  const nP = matrix.participants.length;
  const nS = matrix.statements.length;
  const { rowStart, columns, values } = matrix;
  const [c1, c2] = pca.components;
  const center = pca.center;
  const hasVotes = new Uint8Array(nS);
  for (let k = 0; k < columns.length; k++) hasVotes[columns[k]!] = 1;
  let nColumns = 0;
  let nExcluded = 0;
  for (let s = 0; s < nS; s++) {
    nColumns += hasVotes[s]!;
    if (excluded?.[s]) nExcluded += hasVotes[s]!;
  }
  const x = new Float64Array(nP);
  const y = new Float64Array(nP);
  for (let p = 0; p < nP; p++) {
    let a = 0;
    let b = 0;
    let voted = nExcluded;
    for (let k = rowStart[p]!; k < rowStart[p + 1]!; k++) {
      const s = columns[k]!;
      if (excluded?.[s]) continue;
      voted++;
      const d = values[k]! - center[s]!;
      a += d * c1[s]!;
      b += d * c2[s]!;
    }
    const scale = scaled ? Math.sqrt(nColumns / Math.max(voted, 1)) : 1;
    x[p] = a * scale;
    y[p] = b * scale;
  }
  return { x, y };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function distance(a: Float64Array, b: Float64Array): number {
  const sign = dot(a, b) < 0 ? -1 : 1;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - sign * b[i]!) ** 2;
  return Math.sqrt(sum);
}

function orthonormalise(a: Float64Array, b: Float64Array): void {
  normalise(a);
  const d = dot(a, b);
  for (let i = 0; i < b.length; i++) b[i]! -= d * a[i]!;
  normalise(b);
}

function normalise(a: Float64Array): void {
  const length = Math.sqrt(dot(a, a));
  if (length === 0) return;
  for (let i = 0; i < a.length; i++) a[i]! /= length;
}

/** A deterministic sign: the largest entry (by magnitude, first on ties) is positive. */
function fixSign(a: Float64Array): void {
  let best = 0;
  for (let i = 1; i < a.length; i++) if (Math.abs(a[i]!) > Math.abs(a[best]!) + 1e-12) best = i;
  if ((a[best] ?? 0) < 0) for (let i = 0; i < a.length; i++) a[i] = -a[i]!;
}

/**
 * Eigen-decomposition of the symmetric 2×2 matrix [[a, b], [b, d]]: eigenvalues (largest first) and the
 * rotation (cos, sin) whose first column is the leading eigenvector.
 */
export function symmetricEigen2(a: number, b: number, d: number): [number, number, number, number] {
  const mean = (a + d) / 2;
  const radius = Math.hypot((a - d) / 2, b);
  const l1 = mean + radius;
  const l2 = mean - radius;
  if (b === 0) return a >= d ? [l1, l2, 1, 0] : [l1, l2, 0, 1];
  const angle = 0.5 * Math.atan2(2 * b, a - d);
  return [l1, l2, Math.cos(angle), Math.sin(angle)];
}
