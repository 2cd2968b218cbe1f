import { describe, expect, it } from 'vitest';
import { finalValidationLoss } from './sweepJob';

describe('a p-sweep job', () => {
  it('averages the tail of the validation curve', () => {
    expect(finalValidationLoss([9, 1, 2, 3], 3)).toBe(2);
    expect(finalValidationLoss([1, NaN], 2)).toBe(1);
    expect(Number.isNaN(finalValidationLoss([], 3))).toBe(true);
  });
});
