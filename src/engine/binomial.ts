import { assertNonNegativeInteger } from './validate';
/**
 * The Binomial(n, p) distribution: how many of n independent elements dropout zeroes when each is dropped with
 * probability p. The tensor lab draws these probabilities against the zero counts a student actually observes.
 */


function assertProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be between 0 and 1, but got ${p}`);
}

/** ln(n!) by summation: exact enough for the tensor lab's n ≤ a few thousand and free of a gamma approximation. */
function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) table[i] = table[i - 1] + Math.log(i);
  return table;
}

/**
 * P(K = k) for every k = 0 … n, where K ~ Binomial(n, p).
 * Worked in log space so C(64, 32) ≈ 1.8e18 times a tiny power keeps full relative precision.
 */
export function binomialPmf(n: number, p: number): Float64Array {
  assertNonNegativeInteger(n, 'n');
  assertProbability(p);
  const pmf = new Float64Array(n + 1);
  // The end points are exact (0^0 = 1): p = 0 means nothing is ever dropped, p = 1 means everything is.
  if (p === 0 || p === 1) {
    pmf[p === 0 ? 0 : n] = 1;
    return pmf;
  }
  const lf = logFactorials(n);
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  for (let k = 0; k <= n; k++) {
    pmf[k] = Math.exp(lf[n] - lf[k] - lf[n - k] + k * logP + (n - k) * logQ);
  }
  return pmf;
}

/** P(K = k) for one k; 0 outside 0 … n. */
export function binomialProbability(n: number, p: number, k: number): number {
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  return binomialPmf(n, p)[k];
}

/** E[K] = n·p: the only sense in which "n·p elements are dropped". */
export function binomialMean(n: number, p: number): number {
  assertNonNegativeInteger(n, 'n');
  assertProbability(p);
  return n * p;
}

/** SD[K] = √(n·p·(1−p)): how far a single pass typically strays from n·p. */
export function binomialStandardDeviation(n: number, p: number): number {
  assertNonNegativeInteger(n, 'n');
  assertProbability(p);
  return Math.sqrt(n * p * (1 - p));
}
