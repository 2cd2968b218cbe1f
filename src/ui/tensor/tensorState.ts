/**
 * The tensor lab's state lives in the app's settings (so in the URL: tp, tseed, tx, tmode, tinplace, tpass) and
 * its numbers come from the engine. This file connects the two: it reads the settings, keeps the previous
 * engine run so that the next one is incremental, and writes changes back through updateSettings.
 */
import { useEffect, useMemo, useRef } from 'react';
import { runDropoutLab, type DropoutLabRun, type DropoutLabSettings } from '../../engine';
import { useStore } from '../../state/store';
import { defaultUrlSettings, type UrlSettings } from '../../state/urlSchema';
import { updateSettings } from '../../state/urlSync';
import { MAX_PASSES, sameVector } from './tensorModel';

/** The lab's settings, read field by field so that unrelated settings do not re-render the panel. */
export function useTensorSettings(): DropoutLabSettings {
  const p = useStore((state) => state.settings.tp);
  const seed = useStore((state) => state.settings.tseed);
  const input = useStore((state) => state.settings.tx);
  const mode = useStore((state) => state.settings.tmode);
  const inplace = useStore((state) => state.settings.tinplace);
  const passes = useStore((state) => state.settings.tpass);
  return useMemo(
    () => ({ p, seed, input, training: mode === 'train', inplace, passes }),
    [p, seed, input, mode, inplace, passes],
  );
}

/**
 * The engine's run for these settings. The previous run is handed back to the engine, which reuses its draws and
 * tallies: "forward again" costs one pass and a new p re-reads the kept draws; nothing replays from the seed.
 */
export function useDropoutLabRun(settings: DropoutLabSettings): DropoutLabRun {
  const previous = useRef<DropoutLabRun | null>(null);
  const run = useMemo(() => runDropoutLab(settings, previous.current), [settings]);
  useEffect(() => {
    previous.current = run;
  }, [run]);
  return run;
}

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
