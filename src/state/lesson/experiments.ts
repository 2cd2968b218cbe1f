/**
 * The lesson's measured experiments (src/engine/experiments): the ensemble step's "K thinned networks against the
 * eval network" (Srivastava et al. 2014, Fig. 11) and the data-size step's "dropout's gain at 10, 30, 100 and 300
 * points" (Fig. 10). Their jobs run on background instances of the training worker, as the p-sweep's do, and the
 * combined table is kept here; a step shows it and its reveal quotes it.
 */
import { create } from 'zustand';
import { combineExperiment, experimentJobs, type ExperimentJobResult, type ExperimentName, type ExperimentTable } from '../../engine';
import type { ExperimentReply } from '../../worker/training.worker';

const MAX_WORKERS = 4;

export interface ExperimentRun {
  status: 'idle' | 'running' | 'done' | 'failed';
  completed: number;
  total: number;
  table: ExperimentTable | null;
  error: string | null;
}

const idle = (): ExperimentRun => ({ status: 'idle', completed: 0, total: 0, table: null, error: null });

export const useExperiments = create<Record<ExperimentName, ExperimentRun>>(() => ({
  ensemble: idle(),
  'data-size': idle(),
  'fixed-units': idle(),
}));

const running = new Map<ExperimentName, Worker[]>();

function stop(name: ExperimentName): void {
  running.get(name)?.forEach((worker) => worker.terminate());
  running.delete(name);
}

/** Runs every job of `name` (its engine default seeds) on up to two … four workers; a second call restarts it. */
export function startExperiment(name: ExperimentName): void {
  stop(name);
  const jobs = experimentJobs(name);
  const results: ExperimentJobResult[] = [];
  const set = (run: Partial<ExperimentRun>) => useExperiments.setState((state) => ({ [name]: { ...state[name], ...run } }) as never);
  set({ status: 'running', completed: 0, total: jobs.length, table: null, error: null });
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  const workers: Worker[] = [];
  running.set(name, workers);
  let next = 0;
  const feed = (worker: Worker) => {
    if (next >= jobs.length) return;
    const jobId = next++;
    worker.postMessage({ type: 'experiment', jobId, job: jobs[jobId] });
  };
  const fail = (message: string) => {
    if (running.get(name) !== workers) return;
    stop(name);
    set({ status: 'failed', error: message });
  };
  for (let i = 0; i < Math.max(1, Math.min(cores, MAX_WORKERS, jobs.length)); i++) {
    let worker: Worker;
    try {
      worker = new Worker(new URL('../../worker/training.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return;
    }
    workers.push(worker);
    worker.onmessage = (event: MessageEvent<ExperimentReply>) => {
      if (running.get(name) !== workers) return;
      const reply = event.data;
      if (reply.type === 'experimentFailed') {
        fail(reply.message);
        return;
      }
      results.push(reply.result);
      if (results.length === jobs.length) {
        stop(name);
        set({ status: 'done', completed: results.length, table: combineExperiment(name, results) });
      } else {
        set({ completed: results.length });
        feed(worker);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || 'worker error');
    };
    feed(worker);
  }
}

/** Stops an experiment (leaving the step); finished tables stay. */
export function cancelExperiment(name: ExperimentName): void {
  if (!running.has(name)) return;
  stop(name);
  useExperiments.setState((state) => ({ [name]: { ...state[name], status: state[name].table ? 'done' : 'idle' } }) as never);
}

/** A column of an experiment's table by its name. */
export function column(table: ExperimentTable, name: string): number[] {
  const index = table.columns.indexOf(name);
  return index < 0 ? [] : table.rows.map((row) => row[index]);
}
