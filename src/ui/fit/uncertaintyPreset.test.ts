import { describe, expect, it } from 'vitest';
import { DEFAULT_GAP, UNCERTAINTY_PRESET } from '../../engine';
import { parseSetting } from '../../state/urlSchema';
import { bandWidthSummary, gapOf, presetToUrlSettings } from './uncertaintyPreset';

describe('uncertainty preset in URL terms', () => {
  it('maps every option of the engine preset onto a URL setting the schema accepts', () => {
    const change = presetToUrlSettings(UNCERTAINTY_PRESET);
    expect(Object.keys(change).length).toBe(Object.keys(UNCERTAINTY_PRESET).length);
    expect(change.gap).toBe(true);
    expect(change.act).toBe(UNCERTAINTY_PRESET.activation);
    for (const [key, value] of Object.entries(change)) {
      const raw = Array.isArray(value) ? value.join(',') : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
      expect(parseSetting(key as keyof typeof change, raw).ok).toBe(true);
    }
  });
  it('has a gap only for the sine data with gap on', () => {
    expect(gapOf({ data: 'sine', gap: true })).toEqual(DEFAULT_GAP);
    expect(gapOf({ data: 'moons', gap: true })).toBeNull();
  });
  it('averages the spread inside and outside the gap', () => {
    const band = { epoch: 1, xs: Float32Array.of(-2, 0, 0.5, 2), mean: new Float32Array(4), std: Float32Array.of(0.1, 0.5, 0.7, 0.3) };
    const { inGap, outside } = bandWidthSummary(band, [-1, 1]);
    expect(inGap).toBeCloseTo(0.6);
    expect(outside).toBeCloseTo(0.2);
    expect(Number.isNaN(bandWidthSummary(band, null).inGap)).toBe(true);
  });
});
