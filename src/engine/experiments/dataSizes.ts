/**
 * The training-set sizes of the data-size experiment (Srivastava et al. Fig. 10, on the toy problem), which the
 * lesson's step also offers. Apart from dataSize.ts, so that the lesson's steps name them without loading the
 * experiment.
 */
export const DATA_SIZES = Object.freeze([10, 30, 100, 300]);
