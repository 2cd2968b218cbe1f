import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { validationGap } from './validationGap';

describe('validationGap', () => {
  it('names the model without dropout when it is behind, in percent of the dropout model’s loss', () => {
    expect(validationGap(0.1607, 0.1224)).toEqual({ worse: 'plain', percent: 31 });
  });

  it('names the dropout model when it is behind, never a negative percentage', () => {
    // Epoch 40 of the default run: the dropout model has not caught up yet.
    expect(validationGap(0.1337, 0.1532)).toEqual({ worse: 'dropout', percent: 15 });
  });

  it('calls equal losses a 0% gap', () => {
    expect(validationGap(0.2, 0.2)).toEqual({ worse: 'plain', percent: 0 });
  });

  it('is worded for the model that is behind, in both languages', () => {
    for (const strings of [en, zhCN]) {
      const plainBehind = strings.loss.gap('0.01951', 15, 'plain');
      const dropoutBehind = strings.loss.gap('-0.01951', 15, 'dropout');
      expect(dropoutBehind.replace('-0.01951', '0.01951')).not.toBe(plainBehind);
      for (const text of [plainBehind, dropoutBehind]) expect(text).toContain(' 15%');
    }
  });
});
