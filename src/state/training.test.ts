import { describe, expect, it } from 'vitest';
import { validateScenario } from '../engine';
import { P_BOUNDS, scenarioFromSettings } from './training';
import { defaultUrlSettings, parseUrlSettings } from './urlSchema';

describe('scenarioFromSettings', () => {
  it('turns the default URL into the default scenario the engine was measured with', () => {
    expect(scenarioFromSettings(defaultUrlSettings())).toEqual(validateScenario({}));
  });

  it('maps every URL setting and keeps engine-invalid combinations valid', () => {
    const { settings } = parseUrlSettings('?p=0.5&seed=889&data=moons&n=100&noise=0.1&layers=32,16,8&act=relu&lr=0.003&opt=sgd&batch=300&gap=1');
    const scenario = scenarioFromSettings(settings);
    expect(scenario).toMatchObject({
      p: 0.5, seed: 889, dataset: 'moons', trainSize: 100, noise: 0.1, hidden: [32, 16, 8], activation: 'relu',
      learningRate: 0.003, optimizer: 'sgd',
    });
    // gap exists only for the sine data, and a batch cannot exceed the training set.
    expect(scenario.gap).toBe(false);
    expect(scenario.batchSize).toBe(100);
    expect(() => validateScenario(scenario)).not.toThrow();
  });
});

describe('P_BOUNDS', () => {
  it('follows the URL schema', () => {
    expect(P_BOUNDS).toEqual({ min: 0, max: 0.95 });
  });
});
