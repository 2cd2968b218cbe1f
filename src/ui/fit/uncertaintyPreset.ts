import { DEFAULT_GAP, UNCERTAINTY_PRESET, type ScenarioOptions } from '../../engine';
import type { McBand } from '../../state/store';
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
  return change;
}

export const UNCERTAINTY_URL_SETTINGS = presetToUrlSettings(UNCERTAINTY_PRESET);

/** The x interval without training points when the settings ask for one (sine only). */
export function gapOf(settings: Pick<UrlSettings, 'data' | 'gap'>): readonly [number, number] | null {
  return settings.data === 'sine' && settings.gap ? DEFAULT_GAP : null;
}

/**
 * Mean MC standard deviation inside `gap` and outside it: the one-line summary of "does the band widen where
 * there was no data?" for the text alternative (and the end-to-end test). Without a gap, `inGap` is NaN.
 */
export function bandWidthSummary(band: McBand, gap: readonly [number, number] | null): { inGap: number; outside: number } {
  let inSum = 0;
  let inCount = 0;
  let outSum = 0;
  let outCount = 0;
  for (let i = 0; i < band.xs.length; i++) {
    const s = band.std[i];
    if (!Number.isFinite(s)) continue;
    if (gap && band.xs[i] >= gap[0] && band.xs[i] <= gap[1]) {
      inSum += s;
      inCount++;
    } else {
      outSum += s;
      outCount++;
    }
  }
  return { inGap: inCount ? inSum / inCount : NaN, outside: outCount ? outSum / outCount : NaN };
}
