/**
 * The tensor lab's state lives in the app's settings (so in the URL: tp, tseed, tx, tmode, tinplace, tpass) and
 * its numbers come from the engine. This file connects the two: it reads the settings, keeps the previous
 * engine run so that the next one is incremental. Its changes go through tensorActions.ts, which the lesson's
 * main action uses too, apart from these hooks: the first screen then carries neither them nor the engine's
 * dropout passes they run.
 */
import { useEffect, useMemo, useRef } from 'react';
import { runDropoutLab, type DropoutLabRun, type DropoutLabSettings } from '../../engine';
import { useStore } from '../../state/store';

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
