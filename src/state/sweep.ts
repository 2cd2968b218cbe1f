/**
 * The p-sweep ("Which p is best?"): trains the current scenario for p = 0, 0.1, …, 0.8 over a few seeds in
 * background workers, one run per job, and collects each run's final validation loss. It has its own small
 * store so the training store and its subscribers are not disturbed by progress updates.
 */
import { create } from 'zustand';
import type { ScenarioOptions } from '../engine';
import type { SweepJob, SweepReply } from '../worker/sweepJob';

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
}

export const useSweep = create<SweepState>(() => ({
  status: 'idle',
  options: { ...SWEEP_DEFAULTS },
  runs: [],
  completed: 0,
  workers: 0,
  elapsedMs: 0,
  error: null,
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

let active: { workers: Worker[]; startedAt: number } | null = null;

function stopWorkers(): void {
  active?.workers.forEach((worker) => worker.terminate());
  active = null;
}

/** Starts a sweep of `base` (any running sweep is cancelled first). */
export function startSweep(base: ScenarioOptions, options: SweepOptions): void {
  stopWorkers();
  const plan = planSweep(base, options);
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  const count = Math.max(1, Math.min(cores, MAX_WORKERS, plan.length));
  const startedAt = performance.now();
  useSweep.setState({
    status: 'running', options, runs: plan.map(({ p, seed }) => ({ p, seed, finalVal: null })), completed: 0, workers: count,
    elapsedMs: 0, error: null,
  });
  let next = 0;
  const session = { workers: [] as Worker[], startedAt };
  active = session;
  const feed = (worker: Worker) => {
    if (next >= plan.length) return;
    const jobId = next++;
    const job: SweepJob = { type: 'run', jobId, scenario: plan[jobId].scenario, epochs: options.epochs, tail: SWEEP_TAIL };
    worker.postMessage(job);
  };
  const fail = (message: string) => {
    if (active !== session) return;
    stopWorkers();
    useSweep.setState({ status: 'failed', error: message, elapsedMs: performance.now() - startedAt });
  };
  for (let i = 0; i < count; i++) {
    let worker: Worker;
    try {
      worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return;
    }
    session.workers.push(worker);
    worker.onmessage = (event: MessageEvent<SweepReply>) => {
      if (active !== session) return;
      const reply = event.data;
      if (reply.type === 'failed') {
        fail(reply.message);
        return;
      }
      const state = useSweep.getState();
      const runs = state.runs.slice();
      runs[reply.jobId] = { ...runs[reply.jobId], finalVal: reply.diverged ? NaN : reply.finalVal };
      const completed = state.completed + 1;
      const finished = completed === plan.length;
      useSweep.setState({ runs, completed, elapsedMs: performance.now() - startedAt, status: finished ? 'done' : 'running' });
      if (finished) stopWorkers();
      else feed(worker);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || 'worker error');
    };
    feed(worker);
  }
}

/** Stops every sweep worker at once; finished runs stay on the chart. */
export function cancelSweep(): void {
  if (!active) return;
  const elapsedMs = performance.now() - active.startedAt;
  stopWorkers();
  useSweep.setState({ status: 'cancelled', elapsedMs });
}
