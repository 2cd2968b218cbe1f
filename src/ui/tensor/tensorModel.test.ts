import { describe, expect, it } from 'vitest';
import { formatTensor } from './pytorchFormat';
import { numpySnippet, articleCode, type SnippetComments } from './pythonSnippets';
import {
  ARTICLE_INPUT, ARTICLE_P, ARTICLE_SEED, MAX_ELEMENTS, articleRuleCheck, conventionNumbers, parseProbability,
  parseSeed, parseVector, runLab, type LabSettings,
} from './tensorModel';

const article: LabSettings = { seed: ARTICLE_SEED, p: ARTICLE_P, input: ARTICLE_INPUT, training: true, inplace: false, passes: 1 };
const ARTICLE_PRINT =
  'tensor([ 0.0000,  6.6667, 10.0000,  0.0000,  0.0000,  0.0000,  0.0000, 26.6667,\n         0.0000,  0.0000])';

describe('runLab', () => {
  it("prints the article's result on the first pass, with the draws dropout used", () => {
    const run = runLab(article);
    expect(formatTensor(run.shown.output)).toBe(ARTICLE_PRINT);
    expect(run.shown.draws).toHaveLength(10);
    run.shown.draws!.forEach((u, i) => expect(u >= 0.7).toBe(run.shown.mask[i] === 1));
    expect(run.shown.zeros).toBe(7);
    expect(run.shown.drawsBefore).toBe(0);
    expect(run.zeroCounts[7]).toBe(1);
    expect(Array.from(run.shown.inputAfter)).toEqual(ARTICLE_INPUT);
    expect(run.shown.sameObject).toBe(false);
  });

  it('replays the same masks from the seed, and passes draw new ones', () => {
    const masks = (passes: number) => Array.from(runLab({ ...article, passes }).shown.mask).join('');
    const first = [1, 2, 3, 4].map(masks);
    expect(new Set(first).size).toBeGreaterThan(1);
    expect([1, 2, 3, 4].map(masks)).toEqual(first);
    const run = runLab({ ...article, passes: 3 });
    expect(run.shown.drawsBefore).toBe(20);
    expect(run.zeroCounts.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('is the identity in eval mode and writes into x when inplace', () => {
    const evalRun = runLab({ ...article, training: false, passes: 5 });
    expect(Array.from(evalRun.shown.output)).toEqual(ARTICLE_INPUT);
    expect(evalRun.shown.draws).toBeNull();
    const inplace = runLab({ ...article, inplace: true });
    expect(inplace.shown.sameObject).toBe(true);
    expect(formatTensor(inplace.shown.inputAfter)).toBe(ARTICLE_PRINT);
  });

  it('zeroes everything at p = 1 without draws and keeps the running means near x', () => {
    const all = runLab({ ...article, p: 1 });
    expect(all.shown.output.every((v) => v === 0)).toBe(true);
    expect(all.shown.draws).toBeNull();
    expect(all.scale).toBe(0);
    const many = runLab({ ...article, p: 0.5, passes: 4000 });
    many.meanOutputs.forEach((mean, i) => expect(Math.abs(mean - ARTICLE_INPUT[i]) / ARTICLE_INPUT[i]).toBeLessThan(0.1));
  });

  it('checks the article text against its numbers, and compares conventions', () => {
    const check = articleRuleCheck(runLab(article), ARTICLE_INPUT, ARTICLE_P)!;
    expect(check.x).toBe(2);
    expect(formatTensor([check.output])).toBe('tensor([6.6667])');
    expect(check.dividedByP).toBeCloseTo(2 / 0.7, 12);
    const c = conventionNumbers(2, 0.7);
    expect(c.pytorchTrainExpected).toBeCloseTo(2, 6);
    expect(c.paperTest).toBeCloseTo(0.6, 12);
  });
});

describe('input parsing', () => {
  it('accepts p in [0, 1] and reports the rest as PyTorch does', () => {
    expect(parseProbability('0.35')).toEqual({ ok: true, value: 0.35 });
    expect(parseProbability(' 1 ')).toEqual({ ok: true, value: 1 });
    expect(parseProbability('1.5')).toEqual({
      ok: false,
      error: { kind: 'range', message: 'dropout probability has to be between 0 and 1, but got 1.5' },
    });
    expect(parseProbability('−0.1')).toEqual({
      ok: false,
      error: { kind: 'range', message: 'dropout probability has to be between 0 and 1, but got -0.1' },
    });
    expect(parseProbability('abc')).toEqual({ ok: false, error: { kind: 'notNumber', text: 'abc' } });
    expect(parseProbability('')).toEqual({ ok: false, error: { kind: 'empty' } });
  });

  it('accepts seeds 0 … 2^32−1 only', () => {
    expect(parseSeed('4294967295')).toEqual({ ok: true, value: 4294967295 });
    expect(parseSeed('4294967296').ok).toBe(false);
    expect(parseSeed('-1').ok).toBe(false);
    expect(parseSeed('1.5').ok).toBe(false);
    expect(parseSeed('').ok).toBe(false);
  });

  it('reads vectors with commas, spaces, brackets and Chinese commas', () => {
    expect(parseVector('[1., 2.5, -3]')).toEqual({ ok: true, value: [1, 2.5, -3] });
    expect(parseVector('1 2，3')).toEqual({ ok: true, value: [1, 2, 3] });
    expect(parseVector('1, x, 3')).toEqual({ ok: false, error: { kind: 'notNumber', token: 'x', position: 2 } });
    expect(parseVector('  ')).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(parseVector('1e39')).toEqual({ ok: false, error: { kind: 'tooLarge', token: '1e39', position: 1 } });
    const tooMany = Array.from({ length: MAX_ELEMENTS + 1 }, () => '1').join(',');
    expect(parseVector(tooMany)).toEqual({ ok: false, error: { kind: 'tooMany', count: 65 } });
  });
});

describe('Python snippets', () => {
  const comments: SnippetComments = {
    skip: (draws) => `skip ${draws}`, draw: (pass) => `pass ${pass}`, pZero: 'p0', pOne: 'p1', evalIdentity: 'eval',
    overwritten: 'over', nextPass: 'next', torchPrint: 'print',
  };
  const snippet = { seed: 889, p: 0.7, input: ARTICLE_INPUT, training: true, inplace: false, pass: 3, drawsBefore: 20 };

  it('replays the shown pass of the NumPy stream', () => {
    const text = numpySnippet(snippet, comments);
    expect(text).toContain('rng = np.random.RandomState(889)');
    expect(text).toContain('rng.random_sample(20)');
    expect(text).toContain('p = 0.7');
    expect(text).toContain('keep = u >= p');
    expect(numpySnippet({ ...snippet, drawsBefore: 0 }, comments)).not.toContain('random_sample(0)');
  });

  it("fixes the article's example so it runs", () => {
    const text = articleCode(snippet, comments);
    expect(text.split('\n').slice(0, 3)).toEqual(['import numpy as np', 'import torch', 'from torch import nn']);
    expect(text).toContain('x = np.asarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], dtype=np.float32)');
  });
});
