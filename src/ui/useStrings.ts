import { useStore } from '../state/store';
import { partStringsFor, stringsFor, type PartStrings, type Strings } from '../i18n';

// A hook of the ui, not of src/i18n: it reads the store, and i18n imports nothing of state (scripts/architecture.ts).

/** The strings of the language in use; components re-render when the language changes. */
export function useStrings(): Strings {
  return stringsFor(useStore((state) => state.locale));
}

/**
 * The strings of the parts that load later, in the language in use. Only a part declared with
 * `lazyPart(…, { partStrings: true })` (or drawn inside one) may call it: such a part renders once they are here.
 */
export function usePartStrings(): PartStrings {
  return partStringsFor(useStore((state) => state.locale));
}
