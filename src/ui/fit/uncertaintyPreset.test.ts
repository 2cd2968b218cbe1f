import { describe, expect, it } from 'vitest';
import { UNCERTAINTY_PRESET } from '../../engine';
import { parseSetting } from '../../state/urlSchema';
import { presetToUrlSettings } from './uncertaintyPreset';

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
});
