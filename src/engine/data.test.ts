import { describe, expect, it } from 'vitest';
import { DEFAULT_GAP, makeDataset, type DatasetOptions } from './data';
import { DATASET_INPUT_SIZE, DATASET_NAMES } from './datasetNames';
import { createRng } from './rng';

const sine = (extra: Partial<DatasetOptions> = {}) =>
  makeDataset({ name: 'sine', seed: 0, trainSize: 30, valSize: 200, noise: 0.3, ...extra });

describe('sine dataset', () => {
  it('draws train x uniform on [-3, 3] then the noise, all from createRng(seed) (reproducible in NumPy)', () => {
    const d = sine();
    const rng = createRng(0);
    const xs = Array.from({ length: 30 }, () => Math.fround(-3 + 6 * rng.random()));
    expect(Array.from(d.trainX)).toEqual(xs);
    const firstNoise = rng.standardNormal();
    expect(d.trainY[0]).toBe(Math.fround(Math.sin(d.trainX[0]) + 0.3 * firstNoise));
    expect(d.trainX.every((x) => x >= -3 && x <= 3)).toBe(true);
  });

  it('validates on a noisy, evenly spaced grid over [-3, 3] and exposes the true function', () => {
    const d = sine();
    expect(d.valX[0]).toBe(-3);
    expect(d.valX[199]).toBe(3);
    expect(d.valX[100] - d.valX[99]).toBeCloseTo(6 / 199, 6);
    expect(d.trueFunction?.(1)).toBe(Math.sin(1));
    const residuals = Array.from(d.valY, (y, i) => y - Math.sin(d.valX[i]));
    const std = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length);
    expect(std).toBeGreaterThan(0.2);
    expect(std).toBeLessThan(0.4);
    expect(d.task).toBe('regression');
    expect([d.trainSize, d.valSize, d.inputSize, d.outputSize]).toEqual([30, 200, 1, 1]);
  });

  it('noise 0 gives the exact function', () => {
    const d = sine({ noise: 0 });
    d.trainX.forEach((x, i) => expect(d.trainY[i]).toBe(Math.fround(Math.sin(x))));
  });

  it('leaves the gap empty of training points but not of validation points', () => {
    const d = sine({ gap: DEFAULT_GAP, trainSize: 500 });
    expect(d.trainX.some((x) => x > DEFAULT_GAP[0] && x < DEFAULT_GAP[1])).toBe(false);
    expect(d.trainX.some((x) => x < DEFAULT_GAP[0])).toBe(true);
    expect(d.trainX.some((x) => x > DEFAULT_GAP[1])).toBe(true);
    expect(d.valX.some((x) => x > DEFAULT_GAP[0] && x < DEFAULT_GAP[1])).toBe(true);
    expect(d.gap).toEqual([...DEFAULT_GAP]);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(Array.from(sine().trainY)).toEqual(Array.from(sine().trainY));
    expect(Array.from(sine({ seed: 1 }).trainY)).not.toEqual(Array.from(sine().trainY));
  });
});

describe('moons dataset', () => {
  it('makes two balanced, noisy interleaving half circles with 0/1 labels', () => {
    const d = makeDataset({ name: 'moons', seed: 3, trainSize: 400, valSize: 100, noise: 0.1, labelNoise: 0 });
    expect([d.inputSize, d.trainX.length, d.valX.length, d.task]).toEqual([2, 800, 200, 'classification']);
    expect(d.trainY.every((y) => y === 0 || y === 1)).toBe(true);
    expect(d.trainY.reduce((s, y) => s + y, 0)).toBe(200);
    // Without label noise class 0 sits on the upper moon (mean y ≈ 2/π), class 1 on the lower (≈ 0.5 − 2/π).
    const meanY = (label: number) => {
      const ys = Array.from(d.trainY).flatMap((y, i) => (y === label ? [d.trainX[2 * i + 1]] : []));
      return ys.reduce((s, v) => s + v, 0) / ys.length;
    };
    expect(meanY(0)).toBeCloseTo(2 / Math.PI, 1);
    expect(meanY(1)).toBeCloseTo(0.5 - 2 / Math.PI, 1);
  });

  it('flips about labelNoise of the labels', () => {
    const d = makeDataset({ name: 'moons', seed: 3, trainSize: 4000, valSize: 10, noise: 0, labelNoise: 0.2 });
    let flipped = 0;
    d.trainY.forEach((y, i) => (flipped += y !== i % 2 ? 1 : 0));
    expect(Math.abs(flipped / 4000 - 0.2)).toBeLessThan(4 * Math.sqrt(0.16 / 4000));
  });
});

describe('makeDataset validation', () => {
  it('names the bad argument and its value', () => {
    expect(() => sine({ trainSize: 0 })).toThrow('trainSize must be an integer ≥ 1, but got 0');
    expect(() => sine({ valSize: 2.5 })).toThrow('valSize must be an integer ≥ 1, but got 2.5');
    expect(() => sine({ noise: -1 })).toThrow('noise must be a finite number ≥ 0, but got -1');
    expect(() => sine({ seed: -3 })).toThrow(/seed .* but got -3/);
    expect(() => sine({ gap: [1, -1] })).toThrow(/gap .*\[1,-1\]/);
    expect(() => makeDataset({ name: 'spiral' as 'sine', seed: 0, trainSize: 1, valSize: 1, noise: 0 })).toThrow(/dataset .*spiral/);
    expect(() => makeDataset({ name: 'moons', seed: 0, trainSize: 1, valSize: 1, noise: 0, labelNoise: 0.9 })).toThrow(/labelNoise/);
  });
});

describe('DATASET_INPUT_SIZE', () => {
  it('is the input size each dataset really has', () => {
    for (const name of DATASET_NAMES) {
      expect(makeDataset({ name, seed: 0, trainSize: 4, valSize: 4, noise: 0 }).inputSize, name).toBe(DATASET_INPUT_SIZE[name]);
    }
  });
});
