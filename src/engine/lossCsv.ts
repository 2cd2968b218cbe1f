/**
 * A run's loss history as CSV, apart from the trainer (trainer.ts): the loss chart's download writes it without
 * loading the networks, the optimisers and the generator.
 */
import type { SimulationResult } from './trainer';

/** CSV of a simulation, one row per evaluation; losses to 6 significant digits. */
export function lossHistoryToCsv(result: Pick<SimulationResult, 'epochs' | 'plain' | 'dropout'>): string {
  const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v));
  const lines = ['epoch,train_no_dropout,val_no_dropout,train_dropout,val_dropout,train_dropout_on'];
  result.epochs.forEach((epoch, i) => {
    lines.push([
      String(epoch), fmt(result.plain.trainLoss[i]), fmt(result.plain.valLoss[i]),
      fmt(result.dropout.trainLoss[i]), fmt(result.dropout.valLoss[i]), fmt(result.dropout.trainLossWithDropout[i]),
    ].join(','));
  });
  return lines.join('\n') + '\n';
}
