/**
 * Connects the embed bridge (src/state/embedBridge.ts) to the real training actions, when the lab runs in a
 * frame. A host's `set` command is routed like the matching control would route it: language and layout change
 * in place, settings that define the models restart training.
 */
import { observeDocumentHeight, startEmbedBridge } from '../../state/embedBridge';
import { useStore } from '../../state/store';
import { applyScenarioSettings, pause, play, resetTraining, setSpeed, setView, showNetworkExample } from '../../state/training';
import type { UrlSettings } from '../../state/urlSchema';
import { updateSettings } from '../../state/urlSync';
import { chooseLocale } from './Header';
import { setReducedMotion } from './shellState';

export function applyHostSettings(change: Partial<UrlSettings>): void {
  const { locale, mode, panels, motion, view, speed, example, tp, tseed, tx, tmode, tinplace, tpass, ...scenario } = change;
  // The tensor lab's own settings change only that panel, never the training run.
  const tensor = { tp, tseed, tx, tmode, tinplace, tpass };
  const tensorChange = Object.fromEntries(Object.entries(tensor).filter(([, value]) => value !== undefined));
  if (Object.keys(tensorChange).length > 0) updateSettings(tensorChange);
  if (locale !== undefined) void chooseLocale(locale);
  if (mode !== undefined) updateSettings({ mode });
  if (panels !== undefined) updateSettings({ panels });
  if (motion !== undefined) setReducedMotion(motion === 'reduced');
  if (view !== undefined) setView(view);
  if (example !== undefined) showNetworkExample(example - 1);
  if (speed !== undefined) setSpeed(speed);
  if (Object.keys(scenario).length > 0) applyScenarioSettings(scenario);
}

/** Starts the bridge if a page embeds the lab; does nothing in a top-level window. */
export function startBridgeWhenFramed(): void {
  if (window.parent === window) return;
  startEmbedBridge({
    win: window,
    actions: { play, pause, reset: resetTraining, applySettings: applyHostSettings },
    parentOrigin: useStore.getState().settings.parent,
    observeHeight: observeDocumentHeight,
  });
}
