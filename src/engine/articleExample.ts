/**
 * The tensor lab's fixed numbers, apart from the code that runs the passes (dropoutPasses.ts): the first screen
 * reads them (the link's settings and their bounds) without downloading the passes, the generator and its
 * WebAssembly, which only the tensor lab runs.
 */

/** The source article's example: nn.Dropout(p=0.7) on [1, …, 10]; NumPy's RandomState(889) reproduces its printout. */
export const ARTICLE_EXAMPLE = Object.freeze({
  seed: 889,
  p: 0.7,
  input: Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) as readonly number[],
});

/** The tensor lab's bounds: at most 64 elements (one screen of rows) and 2,000 passes (a converged histogram). */
export const DROPOUT_PASS_LIMITS = Object.freeze({ maxElements: 64, maxPasses: 2_000 });
