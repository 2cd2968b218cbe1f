import { describe, expect, it } from 'vitest';
import { simulate, summarizeOverfitting, type LossPoint } from '../engine';
import { appendToHistory, emptyHistory } from './history';
import { runResult } from './runResult';

describe('runResult', () => {
  it('reads the rise from the minimum and the final gap from the run’s history, as the engine summarises it', () => {
    const result = simulate({ epochs: 600 });
    const points: LossPoint[] = result.epochs.map((epoch, i) => ({
      epoch,
      plain: { train: result.plain.trainLoss[i], val: result.plain.valLoss[i] },
      dropout: { train: result.dropout.trainLoss[i], val: result.dropout.valLoss[i], trainWithDropout: result.dropout.trainLossWithDropout[i] },
    }));
    const line = runResult(appendToHistory(emptyHistory(), points))!;
    const engine = summarizeOverfitting(result, 1);
    const minIndex = result.plain.valLoss.indexOf(Math.min(...result.plain.valLoss));
    expect(line).toEqual({
      plainMin: result.plain.valLoss[minIndex],
      plainMinEpoch: result.epochs[minIndex],
      plainFinal: result.plain.valLoss.at(-1),
      finalEpoch: 600,
      rise: engine.plainEndOverMin,
      dropoutFinal: result.dropout.valLoss.at(-1),
      gap: result.plain.valLoss.at(-1)! - result.dropout.valLoss.at(-1)!,
    });
    // The default scenario overfits: the minimum is early and the loss rises from it.
    expect(line.plainMinEpoch).toBeLessThan(600);
    expect(line.rise).toBeGreaterThan(1);
  });

  it('is null until there are two evaluations', () => {
    expect(runResult(emptyHistory())).toBeNull();
  });
});
