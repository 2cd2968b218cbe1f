/**
 * The overfitting demo's claim about one run, and the gap between the twins, measured on their validation curves.
 * Apart from claims.ts, which trains runs to check the claims (scripts and tests), so that the page can summarise
 * a run without loading the trainer.
 */
import type { SimulationResult } from './trainer';

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

/** Which twin does worse on unseen data at one evaluation, and by how much. */
export interface ValidationGap {
  /** No-dropout minus dropout validation loss (positive when dropout is ahead). */
  difference: number;
  /** The twin with the higher validation loss ('plain' when they are equal). */
  worse: 'plain' | 'dropout';
  /** Its validation loss above the other's, in whole percent of the other's. */
  percent: number;
}

/**
 * Compares the twins' validation losses, said of whichever is behind, so that a reading never says "−13% worse":
 * early in a run the dropout model is usually behind (each pass trains a thinned network), and the model without
 * dropout falls behind once it overfits. Null unless both losses are positive (a mean squared error on noisy data
 * is), since a percentage of zero is none.
 */
export function validationGap(plainVal: number, dropoutVal: number): ValidationGap | null {
  if (!(plainVal > 0 && dropoutVal > 0)) return null;
  const worse = plainVal >= dropoutVal ? 'plain' : 'dropout';
  const [higher, lower] = worse === 'plain' ? [plainVal, dropoutVal] : [dropoutVal, plainVal];
  return { difference: plainVal - dropoutVal, worse, percent: Math.round((higher / lower - 1) * 100) };
}
