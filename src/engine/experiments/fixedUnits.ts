/**
 * Srivastava et al. (2014), Fig. 9: the p-sweep in two forms. (a) The hidden widths stay fixed while p grows, so a
 * larger p leaves fewer units per pass. (b) Every hidden width is round(n/(1−p)), so the expected number of units
 * kept per pass stays n. The paper's p is the probability of KEEPING a unit (its pn is our (1−p)·width).
 * Only the dropout twin is trained (its validation loss is the quantity plotted); p = 0 is the no-dropout network.
 */
import { DEFAULT_SCENARIO, SCENARIO_LIMITS, type ScenarioOptions } from '../scenario';
import { assertSeedCount, mean, standardDeviation, type ExperimentTable } from './table';
import { trainOneTwin } from './trainOne';

export const FIXED_UNITS_PS = Object.freeze([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
/** n, the expected units kept per pass in form (b) and the width in form (a). round(32/(1−0.7)) = 107 ≤ 128. */
export const FIXED_UNITS_N = 32;

export type FixedUnitsForm = 'fixed-width' | 'fixed-kept';

export interface FixedUnitsJob {
  experiment: 'fixed-units';
  id: number;
  seed: number;
  form: FixedUnitsForm;
  p: number;
  width: number;
  scenario: Partial<ScenarioOptions>;
}

export interface FixedUnitsJobResult {
  experiment: 'fixed-units';
  id: number;
  seed: number;
  form: FixedUnitsForm;
  p: number;
  width: number;
  finalValLoss: number;
  diverged: boolean;
}

export interface FixedUnitsOptions {
  seeds: number;
  ps?: readonly number[];
  n?: number;
  scenario?: Partial<ScenarioOptions>;
}

/** The hidden width of form (b) at drop probability p: round(n/(1−p)). */
export function keptUnitsWidth(n: number, p: number): number {
  return Math.round(n / (1 - p));
}

/** One job per seed × form × p, widest first. Both forms share p = 0 (the same network), so it runs once. */
export function fixedUnitsJobs(options: FixedUnitsOptions): FixedUnitsJob[] {
  assertSeedCount(options.seeds);
  const n = options.n ?? FIXED_UNITS_N;
  const ps = options.ps ?? FIXED_UNITS_PS;
  const base = { ...DEFAULT_SCENARIO, ...options.scenario };
  const layers = base.hidden.length;
  const specs: { form: FixedUnitsForm; p: number; width: number }[] = [];
  for (const p of ps) {
    if (!(p >= 0 && p < 1)) throw new RangeError(`every p must be in [0, 1), but got ${p}`);
    specs.push({ form: 'fixed-width', p, width: n });
    const width = keptUnitsWidth(n, p);
    if (width > SCENARIO_LIMITS.maxWidth) throw new RangeError(`round(${n}/(1−${p})) = ${width} is wider than ${SCENARIO_LIMITS.maxWidth}`);
    if (p > 0) specs.push({ form: 'fixed-kept', p, width });
  }
  specs.sort((a, b) => b.width - a.width);
  const jobs: FixedUnitsJob[] = [];
  for (const spec of specs) {
    for (let seed = 0; seed < options.seeds; seed++) {
      jobs.push({
        experiment: 'fixed-units', id: jobs.length, seed, ...spec,
        scenario: { ...base, seed, p: spec.p, hidden: Array.from({ length: layers }, () => spec.width) },
      });
    }
  }
  return jobs;
}

export function runFixedUnitsJob(job: FixedUnitsJob): FixedUnitsJobResult {
  const trained = trainOneTwin(job.scenario, 'dropout');
  return {
    experiment: 'fixed-units', id: job.id, seed: job.seed, form: job.form, p: job.p, width: job.width,
    finalValLoss: trained.finalValLoss, diverged: trained.diverged,
  };
}

/**
 * One row per p: the width and mean ± spread validation loss of each form, and the paper's keep probability
 * 1 − p. Form (b) at p = 0 is form (a)'s network.
 */
export function combineFixedUnits(results: readonly FixedUnitsJobResult[]): ExperimentTable {
  const ps = [...new Set(results.map((r) => r.p))].sort((a, b) => a - b);
  const seeds = new Set(results.map((r) => r.seed)).size;
  const pick = (form: FixedUnitsForm, p: number) =>
    results.filter((r) => r.p === p && (r.form === form || (p === 0 && r.form === 'fixed-width')));
  const rows = ps.map((p) => {
    const a = pick('fixed-width', p);
    const b = pick('fixed-kept', p);
    const losses = (rs: FixedUnitsJobResult[]) => rs.map((r) => r.finalValLoss);
    return [
      p, 1 - p, a[0]?.width ?? NaN, mean(losses(a)), standardDeviation(losses(a)),
      b[0]?.width ?? NaN, mean(losses(b)), standardDeviation(losses(b)),
    ];
  });
  return {
    experiment: 'fixed-units', seeds,
    columns: ['p_drop', 'paper_p_keep', 'width_a', 'val_a_mean', 'val_a_sd', 'width_b', 'val_b_mean', 'val_b_sd'],
    rows,
  };
}
