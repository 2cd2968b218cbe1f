/**
 * Srivastava et al. (2014), Fig. 10: how much dropout helps as the training set grows. The default scenario at
 * its default budget with 10, 30, 100 and 300 training points; per seed, the no-dropout and the dropout twins'
 * final validation losses (mean of the last evaluations). Gain = no-dropout − dropout (> 0: dropout helps);
 * ratio = no-dropout / dropout.
 */
import { DEFAULT_SCENARIO, type ScenarioOptions } from '../scenario';
import { assertSeedCount, mean, standardDeviation, type ExperimentTable } from './table';
import { trainOneTwin } from './trainOne';
import { DATA_SIZES } from './dataSizes';

export interface DataSizeJob {
  experiment: 'data-size';
  id: number;
  seed: number;
  trainSize: number;
  which: 'plain' | 'dropout';
  scenario: Partial<ScenarioOptions>;
}

export interface DataSizeJobResult {
  experiment: 'data-size';
  id: number;
  seed: number;
  trainSize: number;
  which: 'plain' | 'dropout';
  finalValLoss: number;
  diverged: boolean;
}

export interface DataSizeOptions {
  seeds: number;
  sizes?: readonly number[];
  scenario?: Partial<ScenarioOptions>;
}

/**
 * One job per seed × size × twin. The twins are separate jobs (each is the TwinTrainer twin bit for bit), so two
 * workers share a 300-point seed between them; the biggest jobs come first, so the pool ends evenly.
 */
export function dataSizeJobs(options: DataSizeOptions): DataSizeJob[] {
  assertSeedCount(options.seeds);
  const sizes = [...(options.sizes ?? DATA_SIZES)].sort((a, b) => b - a);
  const jobs: DataSizeJob[] = [];
  for (const trainSize of sizes) {
    for (let seed = 0; seed < options.seeds; seed++) {
      for (const which of ['plain', 'dropout'] as const) {
        jobs.push({
          experiment: 'data-size', id: jobs.length, seed, trainSize, which,
          scenario: { ...DEFAULT_SCENARIO, ...options.scenario, seed, trainSize },
        });
      }
    }
  }
  return jobs;
}

export function runDataSizeJob(job: DataSizeJob): DataSizeJobResult {
  const trained = trainOneTwin(job.scenario, job.which);
  return {
    experiment: 'data-size', id: job.id, seed: job.seed, trainSize: job.trainSize, which: job.which,
    finalValLoss: trained.finalValLoss, diverged: trained.diverged,
  };
}

/** One row per training-set size (ascending): mean and spread over seeds of both losses, the gain and the ratio. */
export function combineDataSize(results: readonly DataSizeJobResult[]): ExperimentTable {
  const sizes = [...new Set(results.map((r) => r.trainSize))].sort((a, b) => a - b);
  const seeds = new Set(results.map((r) => r.seed)).size;
  const rows = sizes.map((size) => {
    const plain = new Map<number, number>();
    const drop = new Map<number, number>();
    for (const r of results) if (r.trainSize === size) (r.which === 'plain' ? plain : drop).set(r.seed, r.finalValLoss);
    const paired = [...plain.keys()].filter((seed) => drop.has(seed));
    const gains = paired.map((seed) => plain.get(seed)! - drop.get(seed)!);
    const ratios = paired.map((seed) => plain.get(seed)! / drop.get(seed)!);
    return [
      size, mean(paired.map((s) => plain.get(s)!)), mean(paired.map((s) => drop.get(s)!)),
      mean(gains), standardDeviation(gains), mean(ratios), standardDeviation(ratios), gains.filter((g) => g > 0).length,
    ];
  });
  return {
    experiment: 'data-size', seeds,
    columns: ['train_points', 'val_no_dropout', 'val_dropout', 'gain_mean', 'gain_sd', 'ratio_mean', 'ratio_sd', 'dropout_wins'],
    rows,
  };
}
