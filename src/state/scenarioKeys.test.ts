import { describe, expect, it } from 'vitest';
import { SCENARIO_SETTING_KEYS, scenarioFromSettings, splitScenarioChange } from './training';
import { defaultUrlSettings, parseSetting, URL_KEYS, URL_SCHEMA, type UrlSettings } from './urlSchema';

// A valid value other than the default for every setting, as it would be written in a link: the registry's own
// sample, so a new entry is covered here without a second table to update.
const OTHER = Object.fromEntries(URL_KEYS.map((key) => [key, URL_SCHEMA[key].sample])) as Record<keyof UrlSettings, string>;

describe('SCENARIO_SETTING_KEYS', () => {
  it('are exactly the settings that change the scenario the engine trains', () => {
    const base = defaultUrlSettings();
    const changing = (Object.keys(OTHER) as (keyof UrlSettings)[]).filter((key) => {
      const parsed = parseSetting(key, OTHER[key]);
      if (!parsed.ok) throw new Error(`OTHER.${key} is not a valid value`);
      expect(parsed.value, key).not.toEqual(base[key]);
      return JSON.stringify(scenarioFromSettings({ ...base, [key]: parsed.value })) !== JSON.stringify(scenarioFromSettings(base));
    });
    expect(changing.sort()).toEqual([...SCENARIO_SETTING_KEYS].sort());
  });

  it('split a change into what restarts training and what changes in place', () => {
    expect(splitScenarioChange({ p: 0.5, tp: 0.25, mode: 'present', layers: [8], tpass: undefined })).toEqual({
      scenario: { p: 0.5, layers: [8] },
      inPlace: { tp: 0.25, mode: 'present' },
    });
  });
});
