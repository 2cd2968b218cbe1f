/**
 * The p-sweep ("Which p is best?"): trains the current scenario for p = 0, 0.1, …, 0.8 over a few seeds in
 * background workers, one run per job, and collects each run's final validation loss. It has its own small
 * store so the training store and its subscribers are not disturbed by progress updates.
 */
import { create } from 'zustand';
import type { ScenarioOptions } from '../engine';
import type { SweepJob, SweepReply } from '../worker/sweepJob';
import { poolSize, startJobPool, type JobPool } from './jobPool';

export const SWEEP_PS: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
/** Measured: 27 runs of 1,000 epochs take about 30 s on 2 busy cores; more seeds or epochs are options. */
export const SWEEP_DEFAULTS = Object.freeze({ seeds: 3, epochs: 1000 });
export const SWEEP_SEED_CHOICES: readonly number[] = [1, 3, 5];
export const SWEEP_EPOCH_CHOICES: readonly number[] = [300, 1000, 2000, 3000];
/** Evaluating every 50 epochs and averaging the last 4 evaluations smooths the end of each curve cheaply. */
const SWEEP_EVAL_EVERY = 50;
const SWEEP_TAIL = 4;
const MAX_WORKERS = 4;

export interface SweepOptions {
  seeds: number;
  epochs: number;
}

export interface SweepRun {
  p: number;
  seed: number;
  /** The dropout twin's final validation loss; null while pending, NaN when the run diverged. */
  finalVal: number | null;
}

export interface SweepState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  options: SweepOptions;
  runs: SweepRun[];
  completed: number;
  workers: number;
  elapsedMs: number;
  error: string | null;
  /** The workers of the sweep in progress (cancelled by the next start or by Cancel), else null. */
  pool: JobPool | null;
  startedAt: number;
}

export const useSweep = create<SweepState>(() => ({
  status: 'idle',
  options: { ...SWEEP_DEFAULTS },
  runs: [],
  completed: 0,
  workers: 0,
  elapsedMs: 0,
  error: null,
  pool: null,
  startedAt: 0,
}));

/** Seed by seed, p by p: after the first seed's runs a whole (rough) curve is already there. */
export function planSweep(base: ScenarioOptions, options: SweepOptions): { p: number; seed: number; scenario: ScenarioOptions }[] {
  const plan: { p: number; seed: number; scenario: ScenarioOptions }[] = [];
  for (let k = 0; k < options.seeds; k++) {
    const seed = (base.seed + k) >>> 0;
    for (const p of SWEEP_PS) plan.push({ p, seed, scenario: { ...base, p, seed, evalEvery: SWEEP_EVAL_EVERY } });
  }
  return plan;
}

export interface SweepPoint {
  p: number;
  mean: number;
  min: number;
  max: number;
  /** Finished, finite runs behind this point. */
  count: number;
}

/** Mean and min–max over seeds for every p with at least one finished, finite run. */
export function summariseSweep(runs: readonly SweepRun[]): SweepPoint[] {
  const points: SweepPoint[] = [];
  for (const p of SWEEP_PS) {
    const values = runs.filter((r) => r.p === p && r.finalVal !== null && Number.isFinite(r.finalVal)).map((r) => r.finalVal as number);
    if (values.length === 0) continue;
    points.push({ p, mean: values.reduce((a, b) => a + b, 0) / values.length, min: Math.min(...values), max: Math.max(...values), count: values.length });
  }
  return points;
}

/** Starts a sweep of `base` (any running sweep is cancelled first). */
export function startSweep(base: ScenarioOptions, options: SweepOptions): void {
  useSweep.getState().pool?.cancel();
  const plan = planSweep(base, options);
  const startedAt = performance.now();
  const elapsedMs = () => performance.now() - startedAt;
  useSweep.setState({
    status: 'running', options, runs: plan.map(({ p, seed }) => ({ p, seed, finalVal: null })), completed: 0,
    workers: poolSize(plan.length, MAX_WORKERS), elapsedMs: 0, error: null, pool: null, startedAt,
  });
  const pool = startJobPool<{ scenario: ScenarioOptions }, SweepReply & { type: 'result' }>(plan, MAX_WORKERS, {
    message: ({ scenario }, jobId) => ({ type: 'run', jobId, scenario, epochs: options.epochs, tail: SWEEP_TAIL }) satisfies SweepJob,
    read: (reply) => {
      const answer = reply as SweepReply;
      return answer.type === 'failed' ? { error: answer.message } : { jobId: answer.jobId, result: answer };
    },
    onResult: (jobId, result, completed) => {
      const runs = useSweep.getState().runs.slice();
      runs[jobId] = { ...runs[jobId], finalVal: result.diverged ? NaN : result.finalVal };
      useSweep.setState({ runs, completed, elapsedMs: elapsedMs() });
    },
    onDone: () => useSweep.setState({ status: 'done', pool: null, elapsedMs: elapsedMs() }),
    onFail: (message) => useSweep.setState({ status: 'failed', error: message, pool: null, elapsedMs: elapsedMs() }),
  });
  // A pool that failed at once has already said so; only a live one is kept for Cancel.
  if (useSweep.getState().status === 'running') useSweep.setState({ pool, workers: pool.workers });
}

/** Stops every sweep worker at once; finished runs stay on the chart. */
export function cancelSweep(): void {
  const { pool, startedAt } = useSweep.getState();
  if (!pool) return;
  pool.cancel();
  useSweep.setState({ status: 'cancelled', pool: null, elapsedMs: performance.now() - startedAt });
}
