import { describe, expect, it } from 'vitest';
import type { LossPoint } from '../engine';
import { LOSS_POINT_FIELDS, packLossPoints, unpackLossPoints } from './protocol';

const point = (epoch: number, plainTrain: number, plainVal: number, train: number, val: number, trainWithDropout: number): LossPoint => ({
  epoch,
  plain: { train: plainTrain, val: plainVal },
  dropout: { train, val, trainWithDropout },
});

describe('packed loss points', () => {
  it('come back bit for bit, in order, NaN and infinities included', () => {
    const points = [
      point(0, 0.1, 0.2, 0.30000000000000004, 1 / 3, 2 ** -1074),
      point(7, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308),
      point(8_000_000, 1.5, 2.5, 3.5, 4.5, 5.5),
    ];
    const packed = packLossPoints(points);
    expect(packed).toBeInstanceOf(Float64Array);
    expect(packed.length).toBe(points.length * LOSS_POINT_FIELDS);
    const back = unpackLossPoints(packed);
    expect(back).toHaveLength(points.length);
    back.forEach((p, i) => {
      expect(p.epoch).toBe(points[i].epoch);
      for (const model of ['plain', 'dropout'] as const) {
        for (const [key, value] of Object.entries(points[i][model])) {
          expect(Object.is((p[model] as Record<string, number>)[key], value), `${model}.${key} of point ${i}`).toBe(true);
        }
      }
    });
  });

  it('an empty batch is an empty array', () => {
    expect(packLossPoints([]).length).toBe(0);
    expect(unpackLossPoints(new Float64Array(0))).toEqual([]);
  });
});
