/**
 * The numbers behind the tensor lab's two corrections of the article: PyTorch rescales the surviving activations
 * by 1/(1−p) (not "the weights divided by P"), and the original paper's convention reaches the same expectation by
 * scaling at test time instead.
 */
import { dropoutScale } from './dropout';
import type { DropoutPass } from './dropoutPasses';

/** Expected activation of one element under PyTorch's convention and under Srivastava et al. (2014). */
export interface ConventionComparison {
  /** The element as float32, the way the module sees it. */
  x: number;
  p: number;
  /** Keep probability 1 − p (what the paper calls p). */
  keep: number;
  /** PyTorch's training-time factor, its float32 1/(1−p) (see dropoutScale; 0 at p = 1). */
  scale: number;
  /** PyTorch training: kept with probability 1−p, then × 1/(1−p). */
  pytorchTrainExpected: number;
  /** PyTorch eval(): the identity. */
  pytorchEval: number;
  /** Paper training: kept with probability q = 1−p, unscaled. */
  paperTrainExpected: number;
  /** Paper test time: the weights are multiplied by q. */
  paperTest: number;
}

/** Expected activation of element x under both conventions, at PyTorch's drop probability p. */
export function compareConventions(x: number, p: number): ConventionComparison {
  const value = Math.fround(x);
  const keep = 1 - p;
  const scale = dropoutScale(p);
  return {
    x: value,
    p,
    keep,
    scale,
    pytorchTrainExpected: keep * value * scale,
    pytorchEval: value,
    paperTrainExpected: keep * value,
    paperTest: keep * value,
  };
}

/** The article's "divide by P" rule tested on one printed element: what PyTorch printed against x / p. */
export interface ArticleRuleCheck {
  /** The input element (float32). */
  x: number;
  /** What the module output for it: x × 1/(1−p). */
  output: number;
  /** What dividing by P would have given. */
  dividedByP: number;
}

/**
 * Picks the first element of a training pass that was kept and is not 0 (so the difference shows), or null when
 * there is none or the rule cannot be told apart (eval mode, p = 0, p = 1).
 */
export function checkArticleRule(shown: DropoutPass, input: readonly number[], p: number): ArticleRuleCheck | null {
  if (shown.pass === 0 || p === 0 || p === 1) return null;
  const index = shown.mask.findIndex((kept, i) => kept === 1 && input[i] !== 0);
  if (index < 0) return null;
  const x = Math.fround(input[index]);
  return { x, output: shown.output[index], dividedByP: x / p };
}
