/**
 * State that belongs to the page's frame, not to the lab: which dialog is open and the last layout change to
 * announce. Kept out of the app store so panels never re-render for it.
 */
import { create } from 'zustand';
import { useStore } from '../../state/store';
import type { PanelName } from '../../state/urlSchema';

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

/** How many panels the focus layout shows at once: two fit side by side on a projector, a third would not. */
export const MAX_FOCUSED_PANELS = 2;

/**
 * Adds a panel to the ones shown large, or takes it away if it is there already; null returns to all panels.
 * A third panel replaces the one chosen first, so "1 then 3" compares the tensor lab with the loss curves.
 */
export function toggleFocusPanel(panel: PanelName | null): void {
  const { focusPanels, settings } = useStore.getState();
  if (panel === null) {
    useStore.setState({ focusPanels: [] });
    return;
  }
  if (!settings.panels.includes(panel)) return;
  const next = focusPanels.includes(panel)
    ? focusPanels.filter((shown) => shown !== panel)
    : [...focusPanels, panel].slice(-MAX_FOCUSED_PANELS);
  useStore.setState({ focusPanels: next });
}
