/**
 * Binds the shortcut table (src/state/shortcuts.ts) to the lab: one keydown listener on the window.
 * Keys are ignored while the user types in a field, while a dialog is open (the dialog owns the keyboard, and
 * Escape closes it natively), and when Ctrl, ⌘ or Alt is held.
 */
import { useEffect } from 'react';
import { clickerPageKey, isTypingTarget, panelForKey, P_STEP, shortcutFor, spaceActivates, type ShortcutAction } from '../../state/shortcuts';
import { nextStep, previousStep } from '../../state/lesson/navigation';
import { useStore } from '../../state/store';
import { nudgeDropoutP, resetTraining, stepEpoch, stepPass, togglePlay, toggleView } from '../../state/training';
import { toggleFullscreen } from './fullscreen';
import { openDialog, toggleFocusPanel, useShellStore } from './shellState';

function run(action: ShortcutAction, key: string): boolean {
  switch (action) {
    case 'help':
      openDialog('help');
      return true;
    case 'togglePlay':
      togglePlay();
      return true;
    case 'stepPass':
      stepPass();
      return true;
    case 'stepEpoch':
      stepEpoch();
      return true;
    case 'reset':
      resetTraining();
      return true;
    case 'toggleView':
      toggleView();
      return true;
    case 'lowerP':
      nudgeDropoutP(-P_STEP);
      return true;
    case 'raiseP':
      nudgeDropoutP(P_STEP);
      return true;
    case 'focusPanel':
      toggleFocusPanel(panelForKey(key));
      return true;
    case 'fullscreen':
      toggleFullscreen();
      return true;
    case 'nextStep':
      return nextStep();
    case 'previousStep':
      return previousStep();
    case 'showAll':
      if (useStore.getState().focusPanels.length === 0) return false;
      toggleFocusPanel(null);
      return true;
  }
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (useShellStore.getState().dialog !== null || document.querySelector('dialog[open]')) return;
      const target = event.target instanceof Element ? event.target : null;
      if (isTypingTarget(target) && !clickerPageKey(event, target)) return;
      const { view, hide } = useStore.getState().settings;
      const shortcut = shortcutFor(event, view === 'lesson' ? 'lesson' : 'lab', hide);
      if (!shortcut) return;
      if (shortcut.action === 'togglePlay' && spaceActivates(target)) return;
      // Arrow keys also scroll the page and Space pages down: only a key that did something is consumed.
      if (run(shortcut.action, event.key)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    // The first render is a transition, so the keys start working a moment after the panels appear; this says
    // when (tests wait for it instead of racing the listener).
    document.documentElement.dataset.shortcuts = 'on';
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      delete document.documentElement.dataset.shortcuts;
    };
  }, []);
}
