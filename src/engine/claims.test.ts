import { describe, expect, it } from 'vitest';
import { validationGap } from './overfitting';

describe('validationGap', () => {
  it('names the model without dropout when it is behind, in percent of the dropout model’s loss', () => {
    expect(validationGap(0.1607, 0.1224)).toEqual({ difference: 0.1607 - 0.1224, worse: 'plain', percent: 31 });
  });

  it('names the dropout model when it is behind, never a negative percentage', () => {
    // Epoch 40 of the default run: the dropout model has not caught up yet.
    expect(validationGap(0.1337, 0.1532)).toEqual({ difference: 0.1337 - 0.1532, worse: 'dropout', percent: 15 });
  });

  it('calls equal losses a 0% gap', () => {
    expect(validationGap(0.2, 0.2)).toEqual({ difference: 0, worse: 'plain', percent: 0 });
  });

  it('gives no reading without two positive losses', () => {
    expect(validationGap(0.2, 0)).toBeNull();
    expect(validationGap(0, 0.2)).toBeNull();
    expect(validationGap(NaN, 0.2)).toBeNull();
  });
});
