import { describe, expect, it } from 'vitest';
import { SCENARIO_SETTING_KEYS, scenarioFromSettings, splitScenarioChange } from './training';
import { defaultUrlSettings, parseSetting, type UrlSettings } from './urlSchema';

// A valid value other than the default for every URL setting, as it would be written in a link.
const OTHER: Record<keyof UrlSettings, string> = {
  p: '0.5', seed: '7', data: 'moons', n: '50', noise: '0.15', layers: '16,16', act: 'relu', lr: '0.003', opt: 'sgd',
  batch: '8', gap: '1', speed: 'slow', view: 'eval', example: '3', locale: 'zh-CN', mode: 'present', embed: '1',
  panels: 'loss', parent: 'https://course.example', motion: 'reduced', tp: '0.5', tseed: '1', tx: '1,2', tmode: 'eval',
  tinplace: '1', tpass: '5',
};

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
