import { describe, expect, it } from 'vitest';
import { ARTICLE_EXAMPLE, DROPOUT_PASS_LIMITS } from '../engine';
import { defaultUrlSettings, parseSetting, parseUrlSettings, serializeUrlSettings } from './urlSchema';

describe("the tensor lab's URL settings", () => {
  it("default to the article's example and stay out of a default link", () => {
    const settings = defaultUrlSettings();
    expect([settings.tp, settings.tseed, settings.tx]).toEqual([ARTICLE_EXAMPLE.p, ARTICLE_EXAMPLE.seed, [...ARTICLE_EXAMPLE.input]]);
    expect([settings.tmode, settings.tinplace, settings.tpass]).toEqual(['train', false, 1]);
    expect(serializeUrlSettings(settings)).toBe('');
  });

  it('write a teacher’s state into a short link and read it back', () => {
    const settings = { ...defaultUrlSettings(), tp: 0.35, tseed: 2024, tx: [-1.5, 2.25, -0, 10], tmode: 'eval' as const, tinplace: true, tpass: 37 };
    const query = serializeUrlSettings(settings);
    expect(query).toBe('?tp=0.35&tseed=2024&tx=-1.5,2.25,-0,10&tmode=eval&tinplace=1&tpass=37');
    const again = parseUrlSettings(query);
    expect(again.notices).toEqual([]);
    expect(again.settings).toEqual(settings);
    expect(Object.is(again.settings.tx[2], -0)).toBe(true);
  });

  it('accept p = 0 and p = 1 as PyTorch does, and refuse values it refuses', () => {
    expect(parseSetting('tp', '1')).toEqual({ ok: true, value: 1 });
    expect(parseSetting('tp', '0')).toEqual({ ok: true, value: 0 });
    for (const raw of ['1.0001', '-0.1', 'nan', '']) expect(parseSetting('tp', raw).ok, raw).toBe(false);
  });

  it('read x as float32 would hold it, 64 numbers at most, with a long enough limit for them', () => {
    const longest = Array.from({ length: DROPOUT_PASS_LIMITS.maxElements }, () => '-1.2345678901234567e-100').join(',');
    expect(parseSetting('tx', longest).ok).toBe(true);
    expect(parseSetting('tx', '3.4e38,1e-50')).toEqual({ ok: true, value: [3.4e38, 1e-50] });
    const reasons = (raw: string) => {
      const parsed = parseSetting('tx', raw);
      return parsed.ok ? 'ok' : parsed.notice.reason;
    };
    expect(reasons('3.5e38')).toBe('outOfRange');
    expect(reasons('1,two')).toBe('badList');
    expect(reasons('1 2 3')).toBe('badList');
    expect(reasons(Array.from({ length: 65 }, () => '1').join(','))).toBe('badList');
    expect(reasons(`${'1,'.repeat(1000)}1`)).toBe('tooLong');
  });

  it('keep the pass count within 1 … 2,000', () => {
    expect(parseSetting('tpass', '2000')).toEqual({ ok: true, value: 2000 });
    for (const raw of ['0', '2001', '1.5', '-3']) expect(parseSetting('tpass', raw).ok, raw).toBe(false);
  });
});
