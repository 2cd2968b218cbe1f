import { describe, expect, it } from 'vitest';
import type { LossPoint } from '../../engine';
import { appendToHistory, emptyHistory } from '../history';
import { dropoutVerdict, mcMeanGap, overfitVerdict, passDrops, relativeGainPercent, tallySummary, twinVerdict } from './reveals';
import { resolveScreen } from '../urlSync';

function point(epoch: number, plainVal: number, dropoutVal: number): LossPoint {
  return {
    epoch,
    plain: { train: 0.05, val: plainVal },
    dropout: { train: 0.08, val: dropoutVal, trainWithDropout: 0.12 },
  } as LossPoint;
}

describe('reveal numbers', () => {
  it('quote the run’s minimum and rise, and wait until the run has risen', () => {
    expect(overfitVerdict(appendToHistory(emptyHistory(), [point(0, 1, 1), point(50, 0.2, 0.2)]))).toBeNull();
    const early = appendToHistory(emptyHistory(), [point(0, 1, 1), point(140, 0.09, 0.1), point(200, 0.095, 0.09)]);
    expect(overfitVerdict(early)).toMatchObject({ bestEpoch: 140, bestVal: 0.09, rising: false });
    const late = appendToHistory(early, [point(3000, 0.211, 0.08)]);
    const verdict = overfitVerdict(late)!;
    expect(verdict).toMatchObject({ bestEpoch: 140, bestVal: 0.09, epoch: 3000, val: 0.211, rising: true });
    expect(verdict.rise).toBeCloseTo(2.344, 3);
  });

  it('say nothing about the twins before the run is long enough', () => {
    const short = appendToHistory(emptyHistory(), [point(0, 1, 1), point(100, 0.2, 0.2)]);
    expect(twinVerdict(short)).toBeNull();
    const long = appendToHistory(short, [point(600, 0.3, 0.1)]);
    expect(twinVerdict(long)).toMatchObject({ epoch: 600, valPlain: 0.3, valDropout: 0.1 });
    expect(dropoutVerdict(long)!.onRatio).toBeCloseTo(1.5);
  });

  it('count the zeros of the tensor lab’s passes and the units off in a pass', () => {
    const zeroCounts = new Uint32Array(11);
    zeroCounts[5] = 1;
    zeroCounts[7] = 3;
    zeroCounts[9] = 1;
    const summary = tallySummary({ seed: 889, n: 10, p: 0.7, passes: 5, zeroCounts, keptCounts: new Uint32Array(10) });
    expect(summary).toEqual({ passes: 5, fewest: 5, most: 9, atExpected: 3, expected: 7, share: 0.6 });
    const masks = [Uint8Array.from([1, 0, 0, 1]), Uint8Array.from([0, 1, 1, 1])];
    expect(passDrops({ masks, displaySample: 2 } as never)).toEqual({ sample: 2, dropped: [2, 1], widths: [4, 4] });
  });

  it('measure the MC average against the eval curve', () => {
    const mc = { epoch: 10, xs: Float32Array.of(0, 1), mean: Float32Array.of(0.5, 1), std: Float32Array.of(0.2, 0.4) };
    expect(mcMeanGap(mc, Float32Array.of(0.4, 1.2))).toEqual({ epoch: 10, gap: expect.closeTo(0.15, 6), spread: expect.closeTo(0.3, 6) });
    expect(mcMeanGap(mc, null)).toBeNull();
  });
});

describe('resolveScreen', () => {
  it('opens the Lesson on a first visit and the Lab for links that carry Lab settings', () => {
    expect(resolveScreen('', undefined)).toBe('lesson');
    expect(resolveScreen('?locale=zh-CN&mode=present&step=3', undefined)).toBe('lesson');
    expect(resolveScreen('?p=0.5', undefined)).toBe('lab');
    expect(resolveScreen('?embed=1&panels=loss', undefined)).toBe('lab');
    expect(resolveScreen('?embed=1', 'lesson')).toBe('lesson');
  });
});

describe('relativeGainPercent', () => {
  it('is the no-dropout loss saved by dropout, in whole percent, negative when dropout did worse', () => {
    expect(relativeGainPercent(0.2, 0.15)).toBe(25);
    expect(relativeGainPercent(0.1, 0.1)).toBe(0);
    expect(relativeGainPercent(0.1, 0.105)).toBe(-5);
  });
});
