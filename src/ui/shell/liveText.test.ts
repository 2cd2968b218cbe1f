import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n';
import { decimalText, integerText } from './liveText';

describe('decimalText', () => {
  it('writes every number as Intl.NumberFormat does, in every language of the app', () => {
    const values = [
      0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.135, 1.005, 2.675, 0.0049, -0.004, 9.995, 99.95, 999.5, 1000, 1234.5678,
      -1234.5678, 12345, 999_999.999, 1_000_000, 123_456_789.987, 2 ** 53, 1e20, 1e21, 1.23e-7, NaN, Infinity, -Infinity,
      1 / 0.7, 1 / 3, 2 / 3, 0.1 + 0.2,
    ];
    for (const locale of LOCALES) {
      for (const digits of [0, 1, 2, 3, 4]) {
        const format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
        for (const value of values) expect(decimalText(value, locale, digits), `${locale} ${digits} ${value}`).toBe(format.format(value));
      }
    }
  });

  it('rounds as Intl does over many values (ties included)', () => {
    const format = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
    for (let i = -20000; i <= 20000; i += 7) {
      const value = i / 800;
      expect(decimalText(value, 'en', 2)).toBe(format.format(value));
    }
    expect(integerText(1234567, 'zh-CN')).toBe('1,234,567');
  });
});
