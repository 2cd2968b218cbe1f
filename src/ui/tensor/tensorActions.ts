/**
 * What the tensor lab's controls and the lesson's "draw 100 more passes" change: the lab's settings, in the app's
 * settings (so in the URL). The engine's run for them is read in tensorState.ts.
 */
import { useStore } from '../../state/store';
import { defaultUrlSettings, type UrlSettings } from '../../state/urlSchema';
import { updateSettings } from '../../state/urlSync';
import { MAX_PASSES, sameVector } from './tensorModel';

function current(): UrlSettings {
  return useStore.getState().settings;
}

export const tensorActions = {
  /** A new p compares the same draws with a new threshold, so the passes are kept. */
  setP(p: number): void {
    if (p !== current().tp) updateSettings({ tp: p });
  },
  /** A new seed starts a new stream, so the histogram never mixes two experiments. */
  setSeed(seed: number): void {
    if (seed !== current().tseed) updateSettings({ tseed: seed, tpass: 1 });
  },
  /** A new x is a new experiment too. */
  setInput(input: number[]): void {
    if (!sameVector(input, current().tx)) updateSettings({ tx: input, tpass: 1 });
  },
  setTraining(training: boolean): void {
    updateSettings({ tmode: training ? 'train' : 'eval' });
  },
  setInplace(inplace: boolean): void {
    updateSettings({ tinplace: inplace });
  },
  forward(count: number): void {
    const passes = current().tpass;
    const next = Math.min(MAX_PASSES, passes + count);
    if (next !== passes) updateSettings({ tpass: next });
  },
  restart(): void {
    updateSettings({ tpass: 1 });
  },
  /** Back to the article's example: every tensor setting at its default, which the URL then leaves out. */
  restoreArticle(): { p: number; seed: number; input: number[] } {
    const defaults = defaultUrlSettings();
    updateSettings({
      tp: defaults.tp,
      tseed: defaults.tseed,
      tx: defaults.tx,
      tmode: defaults.tmode,
      tinplace: defaults.tinplace,
      tpass: defaults.tpass,
    });
    return { p: defaults.tp, seed: defaults.tseed, input: defaults.tx };
  },
};
