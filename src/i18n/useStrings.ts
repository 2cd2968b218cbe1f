import { useStore } from '../state/store';
import { stringsFor, type Strings } from './index';

/** The strings of the language in use; components re-render when the language changes. */
export function useStrings(): Strings {
  return stringsFor(useStore((state) => state.locale));
}
