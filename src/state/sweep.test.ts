import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, validateScenario } from '../engine';
import { planSweep, summariseSweep, SWEEP_PS } from './sweep';

describe('p-sweep plan and summary', () => {
  it('plans every p for every seed, seed by seed, with valid scenarios', () => {
    const plan = planSweep(validateScenario({ ...DEFAULT_SCENARIO, seed: 7 }), { seeds: 2, epochs: 100 });
    expect(plan).toHaveLength(2 * SWEEP_PS.length);
    expect(plan.slice(0, SWEEP_PS.length).every((job) => job.seed === 7)).toBe(true);
    expect(plan.map((job) => job.p).slice(0, 3)).toEqual([0, 0.1, 0.2]);
    for (const job of plan) expect(() => validateScenario(job.scenario)).not.toThrow();
  });
  it('summarises finished finite runs by p and skips pending or diverged ones', () => {
    const points = summariseSweep([
      { p: 0, seed: 0, finalVal: 0.2 },
      { p: 0, seed: 1, finalVal: 0.4 },
      { p: 0.1, seed: 0, finalVal: null },
      { p: 0.2, seed: 0, finalVal: NaN },
      { p: 0.3, seed: 0, finalVal: 0.1 },
    ]);
    expect(points).toEqual([
      { p: 0, mean: expect.closeTo(0.3, 10), min: 0.2, max: 0.4, count: 2 },
      { p: 0.3, mean: 0.1, min: 0.1, max: 0.1, count: 1 },
    ]);
  });
});
