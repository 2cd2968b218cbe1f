import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCENARIO, SCENARIO_LIMITS, TwinTrainer, simulate, validateScenario, type ScenarioOptions,
} from './trainer';
import { lossHistoryToCsv } from './lossCsv';

// 30 samples, as the batch arithmetic below spells out; small layers keep the tests fast.
const quick: Partial<ScenarioOptions> = { trainSize: 30, hidden: [16, 16], evalEvery: 5 };

describe('validateScenario', () => {
  it('fills every default', () => {
    expect(validateScenario({})).toEqual({ ...DEFAULT_SCENARIO, hidden: [128] });
    expect(DEFAULT_SCENARIO).toMatchObject({
      dataset: 'sine', seed: 0, trainSize: 20, valSize: 200, noise: 0.3, gap: false, hidden: [128],
      activation: 'tanh', optimizer: 'adam', learningRate: 0.003, p: 0.5, batchSize: 0, evalEvery: 10, epochs: 8000,
    });
    expect(validateScenario({ p: 0.5, hidden: [8] })).toMatchObject({ p: 0.5, hidden: [8], seed: 0 });
  });

  it('throws a RangeError naming the argument and the value', () => {
    const cases: [Partial<ScenarioOptions>, string | RegExp][] = [
      [{ seed: -1 }, 'seed must be an integer between 0 and 2**32 - 1, but got -1'],
      [{ seed: 2 ** 32 }, /seed .* but got 4294967296/],
      [{ trainSize: 0 }, 'trainSize must be an integer between 1 and 2000, but got 0'],
      [{ valSize: 1.5 }, /valSize .* but got 1\.5/],
      [{ noise: NaN }, /noise .* but got NaN/],
      [{ hidden: [] }, /hidden must list 1 to 3 layer widths, but got \[\]/],
      [{ hidden: [64, 64, 64, 64] }, /hidden must list 1 to 3/],
      [{ hidden: [64, 129] }, 'hidden[1] must be an integer between 1 and 128, but got 129'],
      [{ activation: 'sigmoid' as 'tanh' }, /activation must be one of 'tanh', 'relu', but got "sigmoid"/],
      [{ optimizer: 'rmsprop' as 'adam' }, /optimizer .*"rmsprop"/],
      [{ learningRate: 0 }, 'learningRate must be a finite number > 0, but got 0'],
      [{ learningRate: Infinity }, /learningRate .* Infinity/],
      [{ p: 1.5 }, 'p: dropout probability has to be between 0 and 1, but got 1.5'],
      [{ p: NaN }, 'p: dropout probability has to be between 0 and 1, but got nan'],
      [{ trainSize: 30, batchSize: 31 }, /batchSize must be an integer between 0 \(full batch\) and trainSize \(30\), but got 31/],
      [{ evalEvery: 0 }, /evalEvery .* but got 0/],
      [{ dataset: 'moons', gap: true }, /gap is only available for the sine dataset/],
      [{ gap: 'yes' as unknown as boolean }, /gap must be true or false, but got "yes"/],
      [{ learningrate: 0.1 } as Partial<ScenarioOptions>, 'unknown scenario option "learningrate"'],
    ];
    for (const [options, message] of cases) {
      expect(() => validateScenario(options), JSON.stringify(options)).toThrow(RangeError);
      expect(() => validateScenario(options), JSON.stringify(options)).toThrow(message);
    }
  });
});

describe('TwinTrainer', () => {
  it('starts both twins from identical weights', () => {
    const t = new TwinTrainer(quick);
    expect(Array.from(t.dropoutModel.params)).toEqual(Array.from(t.plain.params));
    expect([t.epoch, t.forwardPasses, t.diverged]).toEqual([0, 0, false]);
  });

  it('keeps the twins identical when p = 0 (only masks differ between them)', () => {
    const t = new TwinTrainer({ ...quick, p: 0 });
    for (let i = 0; i < 20; i++) t.stepEpoch();
    expect(Array.from(t.dropoutModel.params)).toEqual(Array.from(t.plain.params));
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const run = (seed: number) => {
      const t = new TwinTrainer({ ...quick, seed, batchSize: 8 });
      for (let i = 0; i < 7; i++) t.step();
      return [...t.lastMasks().map((m) => Array.from(m)), Array.from(t.lastBatchIndices()), Array.from(t.dropoutModel.params)];
    };
    expect(run(4)).toEqual(run(4));
    expect(run(4)).not.toEqual(run(5));
  });

  it('counts steps and epochs and reports a LossPoint on evaluation epochs only', () => {
    const t = new TwinTrainer({ ...quick, batchSize: 8 }); // 30 samples → batches of 8, 8, 8, 6
    const seen: number[] = [];
    for (let i = 0; i < 4 * 10; i++) {
      const point = t.step();
      if (point) seen.push(point.epoch);
      if (i < 4) expect(t.lastBatchIndices().length).toBe(i < 3 ? 8 : 6);
      if (i < 4) expect(t.lastBatchSize).toBe(i < 3 ? 8 : 6);
    }
    expect(seen).toEqual([5, 10]);
    expect([t.epoch, t.forwardPasses]).toEqual([10, 40]);
    expect(t.stepEpoch()).toBeNull();
    expect(t.epoch).toBe(11);
  });

  it('shows every training sample once per epoch, in a shuffled order with minibatches', () => {
    const t = new TwinTrainer({ ...quick, batchSize: 10 });
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      t.step();
      seen.push(...t.lastBatchIndices());
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(seen).not.toEqual(Array.from({ length: 30 }, (_, i) => i));
    const full = new TwinTrainer(quick);
    full.step();
    expect(Array.from(full.lastBatchIndices())).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('exposes the real masks and post-dropout activations of the last training pass', () => {
    const t = new TwinTrainer({ p: 0.3, trainSize: 30, hidden: [64, 64] });
    t.step();
    const masks = t.lastMasks();
    const acts = t.lastHiddenActivations();
    expect(masks.map((m) => m.length)).toEqual([30 * 64, 30 * 64]);
    let dropped = 0;
    masks.forEach((mask, l) => {
      mask.forEach((m, i) => {
        expect(m === 0 || m === 1).toBe(true);
        if (m === 0) expect(Math.abs(acts[l][i])).toBe(0); // -0 for a dropped negative unit, as in PyTorch
        dropped += 1 - m;
      });
    });
    const fraction = dropped / (2 * 30 * 64);
    expect(Math.abs(fraction - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / 3840));
    // Copies: evaluating or mutating them leaves the trainer's view intact.
    masks[0].fill(7);
    t.evaluate();
    expect(Array.from(t.lastMasks()[0])).not.toContain(7);
  });

  it('hands out one example’s row of the last pass, equal to that row of the whole batch', () => {
    const t = new TwinTrainer({ p: 0.3, trainSize: 30, hidden: [64, 64] });
    t.step();
    const row = t.lastPassRow(3);
    expect(row.sample).toBe(t.lastBatchIndices()[3]);
    t.lastMasks().forEach((mask, l) => expect(Array.from(row.masks[l])).toEqual(Array.from(mask.subarray(3 * 64, 4 * 64))));
    t.lastHiddenActivations().forEach((a, l) => expect(Array.from(row.activations[l])).toEqual(Array.from(a.subarray(3 * 64, 4 * 64))));
    expect(row.output).toBe(t.lastOutputs()[3]);
    expect(() => t.lastPassRow(30)).toThrow(RangeError);
    // Eval mode: every unit on, nothing scaled, and the training pass's buffers untouched.
    const evalActs = t.evalHiddenActivations(t.dataset.trainX.slice(row.sample, row.sample + 1));
    expect(evalActs.map((a) => a.length)).toEqual([64, 64]);
    expect(Array.from(t.lastPassRow(3).masks[0])).toEqual(Array.from(row.masks[0]));
  });

  it('exposes the outputs of the last training pass, whose loss is the dropout-on train loss', () => {
    const t = new TwinTrainer({ p: 0.3 });
    t.step();
    const outputs = t.lastOutputs();
    const rows = t.lastBatchIndices();
    expect(outputs.length).toBe(rows.length);
    let sum = 0;
    rows.forEach((sample, i) => {
      const error = outputs[i] - t.dataset.trainY[sample];
      sum += error * error;
    });
    expect(sum / rows.length).toBeCloseTo(t.evaluate().dropout.trainWithDropout, 5);
  });

  it('lowers the training loss of both twins', () => {
    const t = new TwinTrainer(quick);
    const before = t.evaluate();
    for (let i = 0; i < 200; i++) t.stepEpoch();
    const after = t.evaluate();
    expect(after.plain.train).toBeLessThan(0.5 * before.plain.train);
    expect(after.dropout.train).toBeLessThan(0.5 * before.dropout.train);
  });

  it('reports the dropout-on training loss higher than the eval-mode one', () => {
    const t = new TwinTrainer({});
    let on = 0, off = 0;
    for (let i = 0; i < 300; i++) {
      const point = t.stepEpoch();
      if (point && point.epoch > 100) {
        on += point.dropout.trainWithDropout;
        off += point.dropout.train;
      }
    }
    expect(on).toBeGreaterThan(1.1 * off);
  });

  it('does not shift the training masks when evaluating, predicting or running MC dropout', () => {
    const a = new TwinTrainer(quick);
    const b = new TwinTrainer(quick);
    a.evaluate();
    for (let i = 0; i < 5; i++) {
      a.step();
      a.predict('dropout', new Float32Array([0.5]));
      a.mcPredict(new Float32Array([0, 1]), 3, 9);
      b.step();
    }
    expect(Array.from(a.lastMasks()[1])).toEqual(Array.from(b.lastMasks()[1]));
  });

  it('flags divergence at the first non-finite loss, then stops stepping', () => {
    const t = new TwinTrainer({ optimizer: 'sgd', learningRate: 10 });
    let steps = 0;
    while (!t.diverged && steps < 1000) {
      t.step();
      steps++;
    }
    expect(t.diverged).toBe(true);
    const passes = t.forwardPasses;
    expect(t.step()).toBeNull();
    expect(t.stepEpoch()).toBeNull();
    expect(t.forwardPasses).toBe(passes);
  });

  it('predicts in eval mode (deterministic) and returns probabilities for classification', () => {
    const t = new TwinTrainer(quick);
    const xs = Float32Array.from([-2, 0, 2]);
    expect(Array.from(t.predict('plain', xs))).toEqual(Array.from(t.predict('plain', xs)));
    expect(t.predict('dropout', xs)).toHaveLength(3);
    const moons = new TwinTrainer({ ...quick, dataset: 'moons', trainSize: 60, valSize: 60 });
    const before = moons.evaluate().plain.train;
    for (let i = 0; i < 100; i++) moons.stepEpoch();
    expect(moons.evaluate().plain.train).toBeLessThan(before);
    const probs = moons.predict('plain', Float32Array.from([0, 1, 1, -0.5]));
    expect(probs).toHaveLength(2);
    probs.forEach((q) => expect(q > 0 && q < 1).toBe(true));
  });

  it('runs MC dropout: deterministic per seed, spread only when masks vary', () => {
    const t = new TwinTrainer(quick);
    for (let i = 0; i < 50; i++) t.stepEpoch();
    const xs = Float32Array.from([-2, 0, 2]);
    const a = t.mcPredict(xs, 30, 1);
    expect(Array.from(a.mean)).toEqual(Array.from(t.mcPredict(xs, 30, 1).mean));
    a.std.forEach((s) => expect(s).toBeGreaterThan(0));
    t.mcPredict(xs, 1, 1).std.forEach((s) => expect(s).toBe(0));
    const still = new TwinTrainer({ ...quick, p: 0 });
    const b = still.mcPredict(xs, 10, 1);
    expect(Array.from(b.mean)).toEqual(Array.from(still.predict('dropout', xs)));
    b.std.forEach((s) => expect(s).toBe(0));
  });

  it('validates predict and mcPredict arguments, naming them', () => {
    const t = new TwinTrainer(quick);
    expect(() => t.mcPredict(new Float32Array([0]), 0, 1)).toThrow('samples must be an integer between 1 and 10000, but got 0');
    expect(() => t.mcPredict(new Float32Array([0]), 10, -1)).toThrow(/seed .* but got -1/);
    expect(() => t.predict('plain', new Float32Array([NaN]))).toThrow('xs[0] must be finite, but got NaN');
    expect(() => t.predict('plain', new Float32Array(0))).toThrow(/xs must hold/);
    expect(() => t.predict('plain', [1] as unknown as Float32Array)).toThrow(TypeError);
    expect(() => t.predict('both' as 'plain', new Float32Array([0]))).toThrow(/which .*both/);
    const moons = new TwinTrainer({ ...quick, dataset: 'moons' });
    expect(() => moons.predict('plain', new Float32Array(3))).toThrow(/n × 2 values/);
  });
});

describe('simulate', () => {
  it('records epoch 0, every evaluation, and the last epoch; CSV has the agreed header', () => {
    const r = simulate({ ...quick, epochs: 12 });
    expect(r.epochs).toEqual([0, 5, 10, 12]);
    expect(r.plain.valLoss).toHaveLength(4);
    expect(r.dropout.trainLossWithDropout.every(Number.isFinite)).toBe(true);
    const csv = lossHistoryToCsv(r).trim().split('\n');
    expect(csv[0]).toBe('epoch,train_no_dropout,val_no_dropout,train_dropout,val_dropout,train_dropout_on');
    expect(csv).toHaveLength(5);
    expect(csv[1].split(',')).toHaveLength(6);
    expect(simulate({ ...quick, epochs: 12 })).toEqual(r);
  });

  it('stops at divergence and says so', () => {
    const r = simulate({ optimizer: 'sgd', learningRate: 10, epochs: 1000 });
    expect(r.diverged).toBe(true);
    expect(r.epochs[r.epochs.length - 1]).toBeLessThan(1000);
  });

  it("trains for the scenario's epoch budget unless told otherwise", () => {
    const tiny: Partial<ScenarioOptions> = { hidden: [2], trainSize: 4, valSize: 4, evalEvery: 1000 };
    const r = simulate(tiny);
    expect(r.epochs[r.epochs.length - 1]).toBe(DEFAULT_SCENARIO.epochs);
    expect(simulate({ ...tiny, epochs: 7 }).epochs).toEqual([0, 7]);
    expect(validateScenario({}).epochs).toBe(DEFAULT_SCENARIO.epochs);
    expect(() => validateScenario({ epochs: SCENARIO_LIMITS.maxEpochs + 1 })).toThrow(
      `epochs must be an integer between 1 and ${SCENARIO_LIMITS.maxEpochs}, but got ${SCENARIO_LIMITS.maxEpochs + 1}`,
    );
    expect(() => validateScenario({ epochs: 2.5 })).toThrow('epochs must be an integer between 1 and 1000000, but got 2.5');
  });

  it('validates epochs and the scenario', () => {
    expect(() => simulate({ epochs: 0 })).toThrow('epochs must be an integer between 1 and 1000000, but got 0');
    expect(() => simulate({ p: -0.1, epochs: 1 })).toThrow('p: dropout probability has to be between 0 and 1, but got -0.1');
  });
});
