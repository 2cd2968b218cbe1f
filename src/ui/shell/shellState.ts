/**
 * State that belongs to the page's frame, not to the lab: which dialog is open and the last layout change to
 * announce. Kept out of the app store so panels never re-render for it.
 */
import { create } from 'zustand';
import { useStore } from '../../state/store';
import type { PanelName } from '../../state/urlSchema';
import { updateSettings } from '../../state/urlSync';

export type ShellDialog = 'help' | 'embed';

interface ShellState {
  dialog: ShellDialog | null;
}

export const useShellStore = create<ShellState>(() => ({ dialog: null }));

export function openDialog(dialog: ShellDialog): void {
  useShellStore.setState({ dialog });
}

export function closeDialog(): void {
  useShellStore.setState({ dialog: null });
}

/** The reduced-motion switch: the store drives every animation, the URL keeps the choice in shared links. */
export function setReducedMotion(reduced: boolean): void {
  useStore.setState({ reducedMotion: reduced });
  updateSettings({ motion: reduced ? 'reduced' : 'full' });
}

/** Shows one panel large; asking for the panel already shown large (or for null) returns to all panels. */
export function toggleFocusPanel(panel: PanelName | null): void {
  const { focusPanel, settings } = useStore.getState();
  if (panel !== null && !settings.panels.includes(panel)) return;
  useStore.setState({ focusPanel: panel === null || panel === focusPanel ? null : panel });
}
