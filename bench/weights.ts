// `npm run bench:weights`: rakes 1,000,000 synthetic respondents on 6 attributes (3–10 categories) to a
// max relative margin error of 1e-10 and compares with a straightforward implementation (one object per
// respondent, category labels as strings, a Map of totals) on a tenth of the data for the same sweeps.
// Targets: under 1 s and under 300 MB peak memory on the 2-core machine. The last line is the summary.
import { rake, type RakingAttribute } from '../src/analysis/weighting/index.js';

const N = 1_000_000;
const CATEGORY_COUNTS = [3, 4, 5, 6, 8, 10];
const EPSILON = 1e-10;

/** Small fast seeded generator (mulberry32), so every run rakes the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Respondents whose attributes are correlated through a latent trait (as age, education and income
 * are), drawn from skewed shares, so that raking needs more than one sweep; population shares differ
 * from the sample's.
 */
function synthesize(n: number): { attributes: RakingAttribute[] } {
  const next = random(20240613);
  const latent = new Float64Array(n);
  for (let i = 0; i < n; i++) latent[i] = next();
  const attributes = CATEGORY_COUNTS.map((k, a) => {
    const skew = Array.from({ length: k }, (_, c) => 1 + ((c * 7 + a * 3) % k));
    const cumulative: number[] = [];
    let total = 0;
    for (const s of skew) cumulative.push((total += s));
    const codes = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      if (next() < 0.45) {
        codes[i] = Math.min(k - 1, Math.floor(latent[i]! * k));
      } else {
        const u = next() * total;
        let c = 0;
        while (cumulative[c]! <= u) c++;
        codes[i] = c;
      }
    }
    const population = Array.from({ length: k }, () => 0.5 + next());
    const sum = population.reduce((s, x) => s + x, 0);
    return {
      name: `attribute${a + 1}`,
      categories: Array.from({ length: k }, (_, c) => `category ${c + 1}`),
      targets: population.map((x) => x / sum),
      kind: 'proportion' as const,
      codes,
    };
  });
  return { attributes };
}

/** The largest relative margin error of the weights, computed afresh (not trusting the raking's report). */
function marginError(attributes: RakingAttribute[], weights: Float64Array): number {
  let total = 0;
  for (const w of weights) total += w;
  let worst = 0;
  for (const attribute of attributes) {
    const sums = new Float64Array(attribute.categories.length);
    for (let i = 0; i < weights.length; i++) sums[attribute.codes[i]!]! += weights[i]!;
    for (let c = 0; c < sums.length; c++) {
      const target = attribute.targets[c]! * total;
      worst = Math.max(worst, Math.abs(sums[c]! - target) / target);
    }
  }
  return worst;
}

/** The straightforward way: an object per respondent, string labels, a Map of totals per attribute. */
function rakeNaively(attributes: RakingAttribute[], n: number, sweeps: number): number[] {
  const people = Array.from({ length: n }, (_, i) => ({
    weight: 1,
    answers: Object.fromEntries(attributes.map((a) => [a.name, a.categories[a.codes[i]!]!])),
  }));
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (const attribute of attributes) {
      const totals = new Map<string, number>();
      for (const person of people) {
        const category = person.answers[attribute.name]!;
        totals.set(category, (totals.get(category) ?? 0) + person.weight);
      }
      const targets = new Map(attribute.categories.map((c, i) => [c, attribute.targets[i]! * n]));
      for (const person of people) {
        const category = person.answers[attribute.name]!;
        person.weight *= targets.get(category)! / totals.get(category)!;
      }
    }
  }
  return people.map((p) => p.weight);
}

const { attributes } = synthesize(N);

// Warm-up on a slice so the timed run measures steady-state code, not the first compilation.
rake(
  { attributes: attributes.map((a) => ({ ...a, codes: (a.codes as Uint16Array).subarray(0, 20_000) })) },
  { epsilon: EPSILON, maxIterations: 5 },
);

const started = performance.now();
const result = rake({ attributes }, { epsilon: EPSILON, maxIterations: 1000 });
const elapsed = performance.now() - started;
const peakMb = process.resourceUsage().maxRSS / 1024;
const error = marginError(attributes, result.weights);

console.log(
  `raked ${N} respondents x ${attributes.length} attributes (${CATEGORY_COUNTS.join(', ')} categories): ` +
    `${result.iterations} sweeps, converged ${result.converged}, max relative margin error ${error.toExponential(2)}`,
);
console.log(
  `deff ${result.summary.deff.toFixed(4)}, effective sample size ${Math.round(result.summary.effectiveSampleSize)}, ` +
    `weights ${result.summary.minWeight.toFixed(4)}..${result.summary.maxWeight.toFixed(4)}`,
);
console.log(
  `typed arrays, end to end (coding, raking, report): ${elapsed.toFixed(0)} ms, ${((elapsed * 1e6) / (N * result.iterations)).toFixed(2)} ns per respondent-sweep`,
);

const baselineN = N / 10;
const baselineStarted = performance.now();
rakeNaively(attributes, baselineN, result.iterations);
const baselineElapsed = performance.now() - baselineStarted;
const baselinePer = (baselineElapsed * 1e6) / (baselineN * result.iterations);
const oursPer = (elapsed * 1e6) / (N * result.iterations);
console.log(
  `baseline (object per respondent, Map totals) on ${baselineN} respondents, ${result.iterations} sweeps: ` +
    `${baselineElapsed.toFixed(0)} ms, ${baselinePer.toFixed(2)} ns per respondent-sweep; ` +
    `typed arrays are ${(baselinePer / oursPer).toFixed(1)}x faster`,
);
console.log(
  `targets: < 1000 ms ${elapsed < 1000 ? 'met' : 'MISSED'}, < 300 MB peak ${peakMb < 300 ? 'met' : 'MISSED'}, ` +
    `margin error <= ${EPSILON} ${error <= EPSILON ? 'met' : 'MISSED'}`,
);
console.log(
  `weights: ${N} respondents x ${attributes.length} attributes in ${Math.round(elapsed)} ms, ${result.iterations} iterations, peak ${Math.round(peakMb)} MB`,
);
if (!result.converged || error > EPSILON) process.exitCode = 1;
