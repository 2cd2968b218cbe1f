/**
 * The reader's own preferences, which never touch the training run: language and motion. Actions of the state
 * layer, so the header's controls, the shortcuts and the embed bridge all use the same ones.
 */
import { loadLocale, type Locale } from '../i18n';
import { dismissNoticeByKey, pushNotice, useStore } from './store';
import { updateSettings } from './urlSync';

/** Counts choices, so a slow download of one language cannot override a later choice. */
const choices = { latest: 0 };

/**
 * Switches the language in place: only strings change, the store (and so the training run) is untouched. A
 * language is downloaded first unless already here (see i18n/index.ts); if that fails the page keeps its
 * language and says why.
 */
export async function chooseLocale(next: Locale): Promise<void> {
  const choice = ++choices.latest;
  try {
    await loadLocale(next);
  } catch {
    if (choice === choices.latest) pushNotice({ key: 'locale', kind: 'warning', message: { code: 'text', id: 'localeUnavailable' } });
    return;
  }
  if (choice !== choices.latest) return;
  dismissNoticeByKey('locale');
  useStore.setState({ locale: next });
  updateSettings({ locale: next });
}

/** The reduced-motion switch: the store drives every animation, the URL keeps the choice in shared links. */
export function setReducedMotion(reduced: boolean): void {
  useStore.setState({ reducedMotion: reduced });
  updateSettings({ motion: reduced ? 'reduced' : 'full' });
}
