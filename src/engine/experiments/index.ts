/**
 * The three experiments (Srivastava et al. 2014, Figs. 9–11, on the lab's toy problem), split into independent
 * jobs so that a pool of workers can run them with progress and cancel:
 *
 *   const jobs = experimentJobs('data-size', { seeds: 4 });    // plain data, structured-cloneable
 *   const results = jobs.map(runExperimentJob);                  // anywhere: a worker, a thread, a loop
 *   const table = combineExperiment('data-size', results);      // any order of results
 *
 * Every job is pure: the same job always gives the same result, whichever worker runs it and when.
 */
import { combineDataSize, dataSizeJobs, runDataSizeJob, type DataSizeJob, type DataSizeJobResult, type DataSizeOptions } from './dataSize';
import { combineEnsemble, ensembleJobs, runEnsembleJob, type EnsembleJob, type EnsembleJobResult, type EnsembleOptions } from './ensemble';
import {
  combineFixedUnits, fixedUnitsJobs, runFixedUnitsJob, type FixedUnitsJob, type FixedUnitsJobResult, type FixedUnitsOptions,
} from './fixedUnits';
import type { ExperimentTable } from './table';

export const EXPERIMENT_NAMES = Object.freeze(['ensemble', 'data-size', 'fixed-units'] as const);
export type ExperimentName = (typeof EXPERIMENT_NAMES)[number];
export type ExperimentJob = EnsembleJob | DataSizeJob | FixedUnitsJob;
export type ExperimentJobResult = EnsembleJobResult | DataSizeJobResult | FixedUnitsJobResult;

/**
 * Seeds each experiment uses by default. Measured on the idle 2-core machine (README's science section), with two
 * workers: ensemble 4.8 s, fixed-units 12.2 s, data-size 17.5 s (two thirds of it the 300-point twins), so each
 * finishes within the lesson's 20 s; fewer data-size seeds would say too little about the spread.
 */
export const EXPERIMENT_DEFAULT_SEEDS: Readonly<Record<ExperimentName, number>> = Object.freeze({
  ensemble: 10,
  'data-size': 3,
  'fixed-units': 3,
});

export interface ExperimentOptions {
  seeds?: number;
}

/** The independent jobs of one experiment, biggest first. */
export function experimentJobs(name: ExperimentName, options: ExperimentOptions & Partial<EnsembleOptions & DataSizeOptions & FixedUnitsOptions> = {}): ExperimentJob[] {
  const seeds = options.seeds ?? EXPERIMENT_DEFAULT_SEEDS[name];
  switch (name) {
    case 'ensemble':
      return ensembleJobs({ ...options, seeds });
    case 'data-size':
      return dataSizeJobs({ ...options, seeds });
    case 'fixed-units':
      return fixedUnitsJobs({ ...options, seeds });
    default:
      throw new RangeError(`experiment must be one of ${EXPERIMENT_NAMES.join(', ')}, but got ${String(name)}`);
  }
}

/** Runs one job. Pure and synchronous: call it in a worker. */
export function runExperimentJob(job: ExperimentJob): ExperimentJobResult {
  switch (job.experiment) {
    case 'ensemble':
      return runEnsembleJob(job);
    case 'data-size':
      return runDataSizeJob(job);
    case 'fixed-units':
      return runFixedUnitsJob(job);
    default:
      throw new RangeError(`unknown experiment job ${JSON.stringify(job)}`);
  }
}

/** Folds the results of one experiment's jobs (in any order) into its table. */
export function combineExperiment(name: ExperimentName, results: readonly ExperimentJobResult[]): ExperimentTable {
  const own = results.filter((r) => r.experiment === name);
  if (own.length !== results.length) throw new RangeError(`combineExperiment('${name}') got results of another experiment`);
  if (name === 'ensemble') return combineEnsemble(own as EnsembleJobResult[]);
  if (name === 'data-size') return combineDataSize(own as DataSizeJobResult[]);
  if (name === 'fixed-units') return combineFixedUnits(own as FixedUnitsJobResult[]);
  throw new RangeError(`experiment must be one of ${EXPERIMENT_NAMES.join(', ')}, but got ${String(name)}`);
}

/** All jobs in this thread, one after another (tests; the CLI and the app use a pool). */
export function runExperiment(name: ExperimentName, options: Parameters<typeof experimentJobs>[1] = {}): ExperimentTable {
  return combineExperiment(name, experimentJobs(name, options).map(runExperimentJob));
}

export * from './table';
export { ENSEMBLE_KS, ensembleJobs, runEnsembleJob, combineEnsemble, type EnsembleJob, type EnsembleJobResult, type EnsembleOptions } from './ensemble';
export { DATA_SIZES } from './dataSizes';
export { dataSizeJobs, runDataSizeJob, combineDataSize, type DataSizeJob, type DataSizeJobResult, type DataSizeOptions } from './dataSize';
export {
  FIXED_UNITS_N, FIXED_UNITS_PS, fixedUnitsJobs, keptUnitsWidth, runFixedUnitsJob, combineFixedUnits,
  type FixedUnitsForm, type FixedUnitsJob, type FixedUnitsJobResult, type FixedUnitsOptions,
} from './fixedUnits';
export { trainOneTwin, EXPERIMENT_EVAL_EVERY, EXPERIMENT_TAIL, type TrainedModel } from './trainOne';
