/**
 * The measurable claims the lab's two demos make, as functions, so the tests and the measurement scripts
 * check exactly the same numbers.
 */
import type { SimulationResult, TwinTrainer } from './trainer';

/** What the overfitting demo claims about one run, measured on its validation curves. */
export interface OverfittingSummary {
  /** Lowest no-dropout validation loss and the epoch it was reached. */
  plainMin: number;
  plainMinEpoch: number;
  /** Mean of the last `last` evaluations (smooths the epoch-to-epoch wobble). */
  plainEnd: number;
  dropoutEnd: number;
  dropoutMin: number;
  /** plainEnd / plainMin: how far the no-dropout model climbed back up (≥ 1.3 means clear overfitting). */
  plainEndOverMin: number;
  dropoutEndsLower: boolean;
}

/** Summarises a simulation's validation curves: the numbers behind "without dropout it overfits". */
export function summarizeOverfitting(result: SimulationResult, last = 5): OverfittingSummary {
  const plainVal = result.plain.valLoss;
  const dropoutVal = result.dropout.valLoss;
  const tailMean = (values: number[]) => {
    const tail = values.slice(-last);
    return tail.reduce((a, b) => a + b, 0) / tail.length;
  };
  let minIndex = 0;
  for (let i = 1; i < plainVal.length; i++) if (plainVal[i] < plainVal[minIndex]) minIndex = i;
  const plainMin = plainVal[minIndex];
  const plainEnd = tailMean(plainVal);
  const dropoutEnd = tailMean(dropoutVal);
  return {
    plainMin,
    plainMinEpoch: result.epochs[minIndex],
    plainEnd,
    dropoutEnd,
    dropoutMin: Math.min(...dropoutVal),
    plainEndOverMin: plainEnd / plainMin,
    dropoutEndsLower: dropoutEnd < plainEnd,
  };
}

/** MC-dropout spread inside the training gap compared with the spread at the training points. */
export interface UncertaintyWidening {
  /** Mean MC std over an even grid strictly inside the gap. */
  gapStd: number;
  /** Mean MC std at the training inputs. */
  trainStd: number;
  /** gapStd / trainStd: ≥ 1.5 means the band clearly widens where there is no data. */
  ratio: number;
}

/**
 * Runs MC dropout (T passes, masks from `mcSeed`) on a trained twin and compares its spread in the data gap
 * with its spread at the training points. Needs a dataset with a gap.
 */
export function measureUncertaintyWidening(trainer: TwinTrainer, samples = 30, mcSeed = 0, gridPoints = 50): UncertaintyWidening {
  const gap = trainer.dataset.gap;
  if (!gap) throw new RangeError('measureUncertaintyWidening needs a dataset with a gap (gap: true)');
  const grid = new Float32Array(gridPoints);
  for (let i = 0; i < gridPoints; i++) grid[i] = gap[0] + ((gap[1] - gap[0]) * (i + 0.5)) / gridPoints;
  const mean = (values: Float32Array) => values.reduce((a, b) => a + b, 0) / values.length;
  const gapStd = mean(trainer.mcPredict(grid, samples, mcSeed).std);
  const trainStd = mean(trainer.mcPredict(trainer.dataset.trainX, samples, mcSeed).std);
  return { gapStd, trainStd, ratio: gapStd / trainStd };
}
