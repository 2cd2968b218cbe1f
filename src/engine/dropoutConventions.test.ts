import { describe, expect, it } from 'vitest';
import { checkArticleRule, compareConventions } from './dropoutConventions';
import { ARTICLE_EXAMPLE } from './articleExample';
import { runDropoutLab } from './dropoutPasses';

const article = { ...ARTICLE_EXAMPLE, training: true, inplace: false, passes: 1 };

describe('compareConventions', () => {
  it('gives both conventions the same expectation, scaled at different times', () => {
    const c = compareConventions(2, 0.7);
    expect(c.keep).toBeCloseTo(0.3, 15);
    expect(c.scale).toBe(Math.fround(1 / 0.3));
    // PyTorch: 0.3 × 2 × 3.3333 = 2 (up to float32 rounding of the scale), and eval() passes 2 through.
    expect(c.pytorchTrainExpected).toBeCloseTo(2, 6);
    expect(c.pytorchEval).toBe(2);
    // The paper: 0.3 × 2 = 0.6 in training, and the test-time weights × 0.3 give the same 0.6.
    expect(c.paperTrainExpected).toBeCloseTo(0.6, 12);
    expect(c.paperTest).toBe(c.paperTrainExpected);
  });

  it('reads x as float32 and handles the end points', () => {
    expect(compareConventions(0.1, 0.5).x).toBe(Math.fround(0.1));
    const none = compareConventions(5, 0);
    expect([none.scale, none.pytorchTrainExpected, none.paperTest]).toEqual([1, 5, 5]);
    const all = compareConventions(5, 1);
    expect([all.keep, all.scale, all.pytorchTrainExpected, all.pytorchEval, all.paperTest]).toEqual([0, 0, 0, 5, 0]);
  });
});

describe('checkArticleRule', () => {
  it("shows that the article's own printout contradicts dividing by P", () => {
    const run = runDropoutLab(article);
    const check = checkArticleRule(run.shown, ARTICLE_EXAMPLE.input, 0.7)!;
    expect(check.x).toBe(2);
    expect(check.output).toBe(6.666666507720947); // float32(2 × float32(1/0.3)), as PyTorch prints 6.6667
    expect(check.dividedByP).toBeCloseTo(2 / 0.7, 12);
  });

  it('has nothing to check in eval mode, at p = 0 or 1, or when every kept element is 0', () => {
    expect(checkArticleRule(runDropoutLab({ ...article, training: false }).shown, ARTICLE_EXAMPLE.input, 0.7)).toBeNull();
    expect(checkArticleRule(runDropoutLab({ ...article, p: 0 }).shown, ARTICLE_EXAMPLE.input, 0)).toBeNull();
    expect(checkArticleRule(runDropoutLab({ ...article, p: 1 }).shown, ARTICLE_EXAMPLE.input, 1)).toBeNull();
    const zeros = [0, 0, 0];
    expect(checkArticleRule(runDropoutLab({ ...article, input: zeros, p: 0.1 }).shown, zeros, 0.1)).toBeNull();
  });
});
