import { describe, expect, it } from 'vitest';
import { UNCERTAINTY_PRESET } from '../../engine';
import { defaultUrlSettings, parseSetting } from '../../state/urlSchema';
import { scenarioFromSettings } from '../../state/training';
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

  it('round-trips: the scenario built from those URL settings is the engine preset', () => {
    // presetToUrlSettings is the inverse of scenarioFromSettings, written by hand: this keeps the two in step.
    const scenario = scenarioFromSettings({ ...defaultUrlSettings(), ...presetToUrlSettings(UNCERTAINTY_PRESET) });
    for (const [option, value] of Object.entries(UNCERTAINTY_PRESET)) {
      expect(scenario[option as keyof typeof scenario], option).toEqual(value);
    }
  });
});
