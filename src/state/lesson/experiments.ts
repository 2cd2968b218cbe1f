/**
 * The lesson's measured experiments (src/engine/experiments): the ensemble step's "K thinned networks against the
 * eval network" (Srivastava et al. 2014, Fig. 11) and the data-size step's "dropout's gain at 10, 30, 100 and 300
 * points" (Fig. 10). Their jobs run on background instances of the training worker, as the p-sweep's do, and the
 * combined table is kept here; a step shows it and its reveal quotes it.
 */
import { create } from 'zustand';
import { combineExperiment, experimentJobs, type ExperimentJobResult, type ExperimentName, type ExperimentTable } from '../../engine';
import type { ExperimentReply } from '../../worker/training.worker';
import { startJobPool, type JobPool } from '../jobPool';

const MAX_WORKERS = 4;

export interface ExperimentRun {
  status: 'idle' | 'running' | 'done' | 'failed';
  completed: number;
  total: number;
  table: ExperimentTable | null;
  error: string | null;
  /** The workers of the run in progress (cancelled by a restart or by leaving the step), else null. */
  pool: JobPool | null;
}

const idle = (): ExperimentRun => ({ status: 'idle', completed: 0, total: 0, table: null, error: null, pool: null });

export const useExperiments = create<Record<ExperimentName, ExperimentRun>>(() => ({
  ensemble: idle(),
  'data-size': idle(),
  'fixed-units': idle(),
}));

/** Runs every job of `name` (its engine default seeds) on up to two … four workers; a second call restarts it. */
export function startExperiment(name: ExperimentName): void {
  useExperiments.getState()[name].pool?.cancel();
  const jobs = experimentJobs(name);
  const results: ExperimentJobResult[] = [];
  const set = (run: Partial<ExperimentRun>) => useExperiments.setState((state) => ({ [name]: { ...state[name], ...run } }) as never);
  set({ status: 'running', completed: 0, total: jobs.length, table: null, error: null, pool: null });
  const pool = startJobPool<(typeof jobs)[number], ExperimentJobResult>(jobs, MAX_WORKERS, {
    message: (job, jobId) => ({ type: 'experiment', jobId, job }),
    read: (reply) => {
      const answer = reply as ExperimentReply;
      return answer.type === 'experimentFailed' ? { error: answer.message } : { jobId: answer.jobId, result: answer.result };
    },
    onResult: (_jobId, result, completed) => {
      results.push(result);
      set({ completed });
    },
    onDone: () => set({ status: 'done', pool: null, table: combineExperiment(name, results) }),
    onFail: (message) => set({ status: 'failed', error: message, pool: null }),
  });
  if (useExperiments.getState()[name].status === 'running') set({ pool });
}

/** Stops an experiment (leaving the step); finished tables stay. */
export function cancelExperiment(name: ExperimentName): void {
  const { pool, table } = useExperiments.getState()[name];
  if (!pool) return;
  pool.cancel();
  useExperiments.setState((state) => ({ [name]: { ...state[name], pool: null, status: table ? 'done' : 'idle' } }) as never);
}

/** A column of an experiment's table by its name. */
export function column(table: ExperimentTable, name: string): number[] {
  const index = table.columns.indexOf(name);
  return index < 0 ? [] : table.rows.map((row) => row[index]);
}
