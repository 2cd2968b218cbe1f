import { describe, expect, it } from 'vitest';
import { checkRun, tabulateChecks, type DefaultRunCheck } from './claims';
import { DEFAULT_SCENARIO } from './trainer';

/*
 * The default scenario's promises (issue 14), measured on seeds 0–29 at the end of its epoch budget ("end" =
 * mean of the last 5 evaluations, which smooths the wobble): the four numbers, every seed held to the
 * per-seed bounds. scripts/measure-overfitting.ts prints the same numbers for any variant; the README's science
 * section lists every variant tried. For 20 points, one hidden layer of 128, lr 0.003, p 0.5 and 8,000 epochs
 * it measured: dropout lower on 30 of 30; no-dropout end / min min 1.37, median 3.00; dropout steepest slope max
 * 3.6, median 1.7 (sin's is 1). On seeds the tests do not use it misses a bound on about 1 seed in 20 (0 of
 * 30–59; 15 of 60–299), which the README lists.
 */
const SEEDS = Array.from({ length: 30 }, (_, seed) => seed);

describe(`the default scenario (seeds 0–29, ${DEFAULT_SCENARIO.epochs} epochs)`, () => {
  const checks: DefaultRunCheck[] = [];
  for (const seed of SEEDS) {
    it(`seed ${seed}: overfits without dropout, stays smooth with it`, () => {
      const c = checkRun({ ...DEFAULT_SCENARIO, seed }, 5);
      checks.push(c);
      expect(c.plainEndOverMin, 'no-dropout end / min').toBeGreaterThanOrEqual(1.3);
      // The minimum comes early: it is overfitting, not slow convergence.
      expect(c.plainMinEpoch).toBeLessThan(DEFAULT_SCENARIO.epochs / 2);
      expect(c.dropoutSteepestSlope, 'dropout steepest slope').toBeLessThanOrEqual(4);
    }, 600_000);
  }

  it('over the 30 seeds: dropout lower on ≥ 29, median end/min ≥ 2, median steepest slope ≤ 3', () => {
    expect(checks).toHaveLength(SEEDS.length);
    const table = tabulateChecks(checks);
    expect(table.dropoutWins).toBeGreaterThanOrEqual(29);
    expect(table.plainEndOverMin.median).toBeGreaterThanOrEqual(2);
    expect(table.dropoutSteepestSlope.median).toBeLessThanOrEqual(3);
  });
});
