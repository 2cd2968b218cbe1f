import { UNCERTAINTY_PRESET, type ScenarioOptions } from '../../engine';
import type { UrlSettings } from '../../state/urlSchema';

/** The URL settings of an engine scenario preset (the engine names its options differently from the URL). */
export function presetToUrlSettings(preset: Readonly<Partial<ScenarioOptions>>): Partial<UrlSettings> {
  const change: Partial<UrlSettings> = {};
  if (preset.dataset !== undefined) change.data = preset.dataset;
  if (preset.seed !== undefined) change.seed = preset.seed;
  if (preset.gap !== undefined) change.gap = preset.gap;
  if (preset.activation !== undefined) change.act = preset.activation;
  if (preset.optimizer !== undefined) change.opt = preset.optimizer;
  if (preset.learningRate !== undefined) change.lr = preset.learningRate;
  if (preset.p !== undefined) change.p = preset.p;
  if (preset.trainSize !== undefined) change.n = preset.trainSize;
  if (preset.noise !== undefined) change.noise = preset.noise;
  if (preset.hidden !== undefined) change.layers = [...preset.hidden];
  if (preset.batchSize !== undefined) change.batch = preset.batchSize;
  if (preset.epochs !== undefined) change.epochs = preset.epochs;
  return change;
}

export const UNCERTAINTY_URL_SETTINGS = presetToUrlSettings(UNCERTAINTY_PRESET);
