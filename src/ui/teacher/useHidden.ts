import { useStore } from '../../state/store';
import type { HideableControl } from '../../state/teacher/hideList';

/** True when the link's `hide=` names this control: the caller then renders nothing for it (not a hidden box). */
export function useHidden(control: HideableControl): boolean {
  return useStore((state) => state.settings.hide.includes(control));
}
