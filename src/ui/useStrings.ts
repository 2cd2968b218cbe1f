import { useStore } from '../state/store';
import { stringsFor, type Strings } from '../i18n';

// A hook of the ui, not of src/i18n: it reads the store, and i18n imports nothing of state (scripts/architecture.ts).

/** The strings of the language in use; components re-render when the language changes. */
export function useStrings(): Strings {
  return stringsFor(useStore((state) => state.locale));
}
