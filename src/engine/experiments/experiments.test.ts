import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, TwinTrainer } from '../trainer';
import {
  combineDataSize, combineEnsemble, combineExperiment, combineFixedUnits, dataSizeJobs, ensembleJobs, experimentJobs,
  experimentTableToCsv, fixedUnitsJobs, keptUnitsWidth, runEnsembleJob, runExperimentJob, trainOneTwin,
  type DataSizeJobResult, type FixedUnitsJobResult,
} from './index';

describe('trainOneTwin', () => {
  it('trains the very network TwinTrainer trains as each twin, bit for bit', () => {
    const scenario = { hidden: [8, 8], epochs: 40, seed: 3, p: 0.4 };
    const twins = new TwinTrainer(scenario);
    while (twins.epoch < 40) twins.stepEpoch();
    expect(Array.from(trainOneTwin(scenario, 'plain').model.params)).toEqual(Array.from(twins.plain.params));
    expect(Array.from(trainOneTwin(scenario, 'dropout').model.params)).toEqual(Array.from(twins.dropoutModel.params));
  });

  it('averages the last evaluations and refuses mini-batches', () => {
    const r = trainOneTwin({ hidden: [4], epochs: 20, trainSize: 10 }, 'dropout', 5, 2);
    expect(Number.isFinite(r.finalValLoss)).toBe(true);
    expect(() => trainOneTwin({ batchSize: 10 }, 'plain')).toThrow(/full batches only/);
  });
});

describe('ensemble (Fig. 11): K thinned networks against the eval network', () => {
  it('the gap shrinks monotonically with K on average over seeds, roughly as 1/√K at first', () => {
    const results = ensembleJobs({ seeds: 3, scenario: { epochs: 300 } }).map(runEnsembleJob);
    const table = combineEnsemble(results);
    const gaps = table.rows.map((row) => row[1]);
    expect(table.rows.map((row) => row[0])).toEqual([1, 2, 5, 10, 20, 50, 100, 200]);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i], `K = ${table.rows[i][0]}`).toBeLessThan(gaps[i - 1]);
    // K = 2 and K = 5 are within 15% of 1/√K of K = 1 (independent masks); later the weight-scaling bias takes over.
    expect(gaps[1] / gaps[0]).toBeCloseTo(1 / Math.SQRT2, 1);
    expect(Math.abs(gaps[2] / gaps[0] - 1 / Math.sqrt(5))).toBeLessThan(0.15 / Math.sqrt(5));
  });
});

describe('job lists and combining', () => {
  it('data-size: one job per size × seed × twin, biggest first; the table pairs the twins per seed', () => {
    const jobs = dataSizeJobs({ seeds: 2 });
    expect(jobs).toHaveLength(4 * 2 * 2);
    expect(jobs[0].trainSize).toBe(300);
    expect(jobs[jobs.length - 1].trainSize).toBe(10);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(jobs.length);
    const fake: DataSizeJobResult[] = jobs.map((j) => ({
      experiment: 'data-size', id: j.id, seed: j.seed, trainSize: j.trainSize, which: j.which, diverged: false,
      finalValLoss: j.which === 'plain' ? 0.2 + j.seed / 10 : 0.1,
    }));
    const table = combineDataSize([...fake].reverse());
    expect(table.rows.map((r) => r[0])).toEqual([10, 30, 100, 300]);
    // gain = plain − dropout: seeds give 0.1 and 0.2; ratio 2 and 3; both seeds won.
    expect(table.rows[0][3]).toBeCloseTo(0.15, 12);
    expect(table.rows[0][5]).toBeCloseTo(2.5, 12);
    expect(table.rows[0][7]).toBe(2);
    expect(experimentTableToCsv(table).split('\n')[0]).toBe('train_points,val_no_dropout,val_dropout,gain_mean,gain_sd,ratio_mean,ratio_sd,dropout_wins');
  });

  it('fixed-units: widths fixed in form (a), round(n/(1−p)) in form (b); p = 0 runs once for both', () => {
    expect(keptUnitsWidth(32, 0.5)).toBe(64);
    expect(keptUnitsWidth(32, 0.7)).toBe(107);
    const jobs = fixedUnitsJobs({ seeds: 1 });
    expect(jobs.filter((j) => j.p === 0)).toHaveLength(1);
    expect(jobs.filter((j) => j.form === 'fixed-width').every((j) => j.width === 32)).toBe(true);
    for (const j of jobs.filter((job) => job.form === 'fixed-kept')) {
      // Every hidden layer of the default network is widened.
      expect(j.scenario.hidden).toEqual(DEFAULT_SCENARIO.hidden.map(() => keptUnitsWidth(32, j.p)));
    }
    expect(() => fixedUnitsJobs({ seeds: 1, n: 64, ps: [0.6] })).toThrow(/wider than 128/);
    const fake: FixedUnitsJobResult[] = jobs.map((j) => ({
      experiment: 'fixed-units', id: j.id, seed: j.seed, form: j.form, p: j.p, width: j.width, diverged: false,
      finalValLoss: j.form === 'fixed-width' ? 1 + j.p : 2 + j.p,
    }));
    const table = combineFixedUnits(fake);
    expect(table.rows[0]).toEqual([0, 1, 32, 1, 0, 32, 1, 0]);
    expect(table.rows[5].slice(0, 7)).toEqual([0.5, 0.5, 32, 1.5, 0, 64, 2.5]);
  });

  it('jobs are pure: any order of running and combining gives the same table', () => {
    const jobs = experimentJobs('fixed-units', { seeds: 1, ps: [0, 0.5], scenario: { epochs: 20 } });
    const forward = jobs.map(runExperimentJob);
    const backward = [...jobs].reverse().map(runExperimentJob);
    expect(combineExperiment('fixed-units', backward)).toEqual(combineExperiment('fixed-units', forward));
    expect(() => combineExperiment('ensemble', forward)).toThrow(/another experiment/);
  });
});
