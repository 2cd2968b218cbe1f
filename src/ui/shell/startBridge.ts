/**
 * Connects the embed bridge (src/state/embedBridge.ts) to the real training actions, when the lab runs in a
 * frame. A host's `set` command is routed like the matching control would route it: language and layout change
 * in place, settings that define the models restart training.
 */
import { observeDocumentHeight, startEmbedBridge } from '../../state/embedBridge';
import { useStore } from '../../state/store';
import {
  applyScenarioSettings,
  pause,
  play,
  resetTraining,
  setSpeed,
  setView,
  showNetworkExample,
  splitScenarioChange,
} from '../../state/training';
import type { UrlSettings } from '../../state/urlSchema';
import { updateSettings } from '../../state/urlSync';
import { chooseLocale } from './Header';
import { setReducedMotion } from './shellState';

export function applyHostSettings(change: Partial<UrlSettings>): void {
  const { locale, motion, view, speed, example, ...rest } = change;
  // Settings with an action of their own go through it, as the matching control would.
  if (locale !== undefined) void chooseLocale(locale);
  if (motion !== undefined) setReducedMotion(motion === 'reduced');
  if (view !== undefined) setView(view);
  if (example !== undefined) showNetworkExample(example - 1);
  if (speed !== undefined) setSpeed(speed);
  // The rest: those that define the models restart training; the others (layout, the tensor lab) change in place.
  const { scenario, inPlace } = splitScenarioChange(rest);
  if (Object.keys(inPlace).length > 0) updateSettings(inPlace);
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
