import type { LossPoint, SimulationResult } from '../engine';

/**
 * Loss history with a fixed memory ceiling: when it reaches `capacity` points, every other point of the older
 * half is dropped, so recent epochs stay dense and a 30-minute run keeps flat memory. The minimum validation
 * losses are tracked separately, so decimation never hides where early stopping would have stopped.
 */
export interface LossHistory {
  points: LossPoint[];
  bestPlain: { epoch: number; val: number } | null;
  bestDropout: { epoch: number; val: number } | null;
}

export const HISTORY_CAPACITY = 2000;

export function emptyHistory(): LossHistory {
  return { points: [], bestPlain: null, bestDropout: null };
}

function finite(point: LossPoint): boolean {
  return (
    Number.isFinite(point.plain.train) &&
    Number.isFinite(point.plain.val) &&
    Number.isFinite(point.dropout.train) &&
    Number.isFinite(point.dropout.val) &&
    Number.isFinite(point.dropout.trainWithDropout)
  );
}

/** Returns a new history with `incoming` appended (non-finite points are refused: no NaN reaches a chart). */
export function appendToHistory(history: LossHistory, incoming: readonly LossPoint[], capacity = HISTORY_CAPACITY): LossHistory {
  if (incoming.length === 0) return history;
  let points = history.points.concat(incoming.filter(finite));
  let { bestPlain, bestDropout } = history;
  for (const point of incoming) {
    if (!finite(point)) continue;
    if (!bestPlain || point.plain.val < bestPlain.val) bestPlain = { epoch: point.epoch, val: point.plain.val };
    if (!bestDropout || point.dropout.val < bestDropout.val) bestDropout = { epoch: point.epoch, val: point.dropout.val };
  }
  while (points.length > capacity) {
    const half = Math.floor(points.length / 2);
    const thinnedOld = points.slice(0, half).filter((_, i) => i % 2 === 0);
    points = thinnedOld.concat(points.slice(half));
  }
  return { points, bestPlain, bestDropout };
}

/**
 * The history as the engine's column-wise series (what `simulate()` returns), so the engine's own summaries and
 * writers (summarizeOverfitting, lossHistoryToCsv) read the app's run exactly as they read a simulated one.
 */
export function historySeries(history: LossHistory): Pick<SimulationResult, 'epochs' | 'plain' | 'dropout'> {
  const points = history.points;
  return {
    epochs: points.map((point) => point.epoch),
    plain: { trainLoss: points.map((point) => point.plain.train), valLoss: points.map((point) => point.plain.val) },
    dropout: {
      trainLoss: points.map((point) => point.dropout.train),
      valLoss: points.map((point) => point.dropout.val),
      trainLossWithDropout: points.map((point) => point.dropout.trainWithDropout),
    },
  };
}
