import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine';
import { appendToHistory, emptyHistory } from '../../state/history';
import { lossHistoryCsv, sampleRows } from './lossCsv';

describe('loss history export', () => {
  it('writes the shared header and one row per evaluation, matching the engine', () => {
    const run = simulate({ epochs: 30, evalEvery: 10 });
    const points = run.epochs.map((epoch, i) => ({
      epoch,
      plain: { train: run.plain.trainLoss[i], val: run.plain.valLoss[i] },
      dropout: { train: run.dropout.trainLoss[i], val: run.dropout.valLoss[i], trainWithDropout: run.dropout.trainLossWithDropout[i] },
    }));
    const csv = lossHistoryCsv(appendToHistory(emptyHistory(), points));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('epoch,train_no_dropout,val_no_dropout,train_dropout,val_dropout,train_dropout_on');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['epoch', '0', '10', '20', '30']);
    expect(Number(lines[4].split(',')[2])).toBeCloseTo(run.plain.valLoss[3], 5);
  });
  it('an empty history gives just the header', () => {
    expect(lossHistoryCsv(emptyHistory()).trim()).toBe('epoch,train_no_dropout,val_no_dropout,train_dropout,val_dropout,train_dropout_on');
  });
  it('samples rows evenly and keeps the ends', () => {
    const rows = Array.from({ length: 101 }, (_, i) => i);
    expect(sampleRows(rows, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(sampleRows([1, 2], 5)).toEqual([1, 2]);
  });
});
