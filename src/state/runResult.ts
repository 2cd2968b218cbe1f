/**
 * The one-line result of a finished run, read from its loss history: how far the no-dropout twin's validation
 * loss rose from its minimum, and the final gap between the twins. The numbers are the engine's
 * (summarizeOverfitting, the same function the overfitting tests and scripts use).
 */
// The engine's own module, not its index: the first screen loads this file (see FIRST_SCREEN_ENGINE in vite.config.ts).
import { summarizeOverfitting } from '../engine/overfitting';
import { historySeries, type LossHistory } from './history';

export interface RunResult {
  /** The no-dropout twin's lowest validation loss and its epoch. */
  plainMin: number;
  plainMinEpoch: number;
  /** Its validation loss at the last evaluation, and that epoch. */
  plainFinal: number;
  finalEpoch: number;
  /** plainFinal / plainMin: above 1, the model without dropout got worse while it kept training. */
  rise: number;
  dropoutFinal: number;
  /** plainFinal − dropoutFinal: positive when the dropout twin ends with the lower validation loss. */
  gap: number;
}

/** The result of a run from its history; null until there are two evaluations to compare. */
export function runResult(history: LossHistory): RunResult | null {
  const points = history.points;
  if (points.length < 2) return null;
  const summary = summarizeOverfitting(
    {
      ...historySeries(history),
      // The history holds finite points only (appendToHistory refuses the others).
      diverged: false,
    },
    // "Final" is the last evaluation itself, as the loss chart's last point shows it.
    1,
  );
  return {
    plainMin: summary.plainMin,
    plainMinEpoch: summary.plainMinEpoch,
    plainFinal: summary.plainEnd,
    finalEpoch: points[points.length - 1].epoch,
    rise: summary.plainEndOverMin,
    dropoutFinal: summary.dropoutEnd,
    gap: summary.plainEnd - summary.dropoutEnd,
  };
}
