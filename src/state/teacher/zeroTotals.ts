import type { ZeroCountTally } from '../../engine';

/**
 * What the mystery-p lab adds up from the engine's tally: the zeros of every pass so far and the numbers drawn.
 * Their ratio is the students' estimate of p; the page shows the two counts and leaves the division to them.
 */
export function zeroTotals(tally: ZeroCountTally): { zeros: number; numbers: number; passes: number } {
  let zeros = 0;
  tally.zeroCounts.forEach((passes, k) => {
    zeros += k * passes;
  });
  return { zeros, numbers: tally.passes * tally.n, passes: tally.passes };
}
