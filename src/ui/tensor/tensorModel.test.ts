import { describe, expect, it } from 'vitest';
import { formatTensor } from './pytorchFormat';
import { numpySnippet, articleCode, type SnippetComments } from './pythonSnippets';
import { checkArticleRule, runDropoutLab, type DropoutLabSettings } from '../../engine';
import {
  ARTICLE_INPUT, ARTICLE_P, ARTICLE_SEED, MAX_ELEMENTS, parseProbability, parseSeed, parseVector, sameVector, vectorText,
} from './tensorModel';

const article: DropoutLabSettings = { seed: ARTICLE_SEED, p: ARTICLE_P, input: ARTICLE_INPUT, training: true, inplace: false, passes: 1 };
const ARTICLE_PRINT =
  'tensor([ 0.0000,  6.6667, 10.0000,  0.0000,  0.0000,  0.0000,  0.0000, 26.6667,\n         0.0000,  0.0000])';

describe('the lab on the engine', () => {
  it("prints the article's result on the first pass, as PyTorch prints it", () => {
    const run = runDropoutLab(article);
    expect(formatTensor(run.shown.output)).toBe(ARTICLE_PRINT);
    expect(run.shown.draws).toHaveLength(10);
    expect(Array.from(run.shown.inputAfter)).toEqual(ARTICLE_INPUT);
    const inplace = runDropoutLab({ ...article, inplace: true });
    expect(formatTensor(inplace.shown.inputAfter)).toBe(ARTICLE_PRINT);
  });

  it('prints the "divide by P" check the way the panel shows it', () => {
    const check = checkArticleRule(runDropoutLab(article).shown, ARTICLE_INPUT, ARTICLE_P)!;
    expect(formatTensor([check.output])).toBe('tensor([6.6667])');
  });
});

describe('field texts', () => {
  it('writes vectors back as they parse, -0 included', () => {
    for (const values of [[1, 2.5, -3], [-0, 0, 1e-7], [...ARTICLE_INPUT]]) {
      const parsed = parseVector(vectorText(values));
      expect(parsed.ok && sameVector(parsed.value, values)).toBe(true);
    }
    expect(sameVector([0], [-0])).toBe(false);
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
