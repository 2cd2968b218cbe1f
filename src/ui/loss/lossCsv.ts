// The engine's own module, not its index (see FIRST_SCREEN_ENGINE in vite.config.ts).
import { lossHistoryToCsv } from '../../engine/lossCsv';
import { historySeries, type LossHistory } from '../../state/history';

/**
 * The loss history as CSV, through the engine's own writer, so the app's export and the simulate command share
 * the header `epoch,train_no_dropout,val_no_dropout,train_dropout,val_dropout,train_dropout_on` and the format.
 */
export function lossHistoryCsv(history: LossHistory): string {
  return lossHistoryToCsv(historySeries(history));
}

/** Up to `count` rows spread evenly over the history, always including the last one: a table a reader can scan. */
export function sampleRows<T>(rows: readonly T[], count: number): T[] {
  if (rows.length <= count) return [...rows];
  const picked: T[] = [];
  for (let i = 0; i < count; i++) picked.push(rows[Math.round((i * (rows.length - 1)) / (count - 1))]);
  return picked;
}
