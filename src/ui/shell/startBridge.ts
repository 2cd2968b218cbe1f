/**
 * Connects the embed bridge (src/state/embedBridge.ts) to the real training actions, when the lab runs in a
 * frame. A host's `set` command is routed as the settings registry says (applySettingsChange): language and
 * layout change in place, settings that define the models restart training.
 */
import { observeDocumentHeight, startEmbedBridge } from '../../state/embedBridge';
import { useStore } from '../../state/store';
import { applySettingsChange, pause, play, resetTraining } from '../../state/training';

/** Starts the bridge if a page embeds the lab; does nothing in a top-level window. */
export function startBridgeWhenFramed(): void {
  if (window.parent === window) return;
  startEmbedBridge({
    win: window,
    actions: { play, pause, reset: resetTraining, applySettings: applySettingsChange },
    parentOrigin: useStore.getState().settings.parent,
    observeHeight: observeDocumentHeight,
  });
}
