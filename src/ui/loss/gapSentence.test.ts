import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';

describe('the loss panel’s gap sentence', () => {
  it('is worded for the model that is behind, in both languages', () => {
    for (const strings of [en, zhCN]) {
      const plainBehind = strings.loss.gap('0.01951', 15, 'plain');
      const dropoutBehind = strings.loss.gap('-0.01951', 15, 'dropout');
      expect(dropoutBehind.replace('-0.01951', '0.01951')).not.toBe(plainBehind);
      for (const text of [plainBehind, dropoutBehind]) expect(text).toContain(' 15%');
    }
  });
});
