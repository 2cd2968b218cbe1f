/**
 * Keeps the address bar and the store in step. Reading happens once at start-up; writing uses replaceState, so
 * dragging a slider does not leave one history entry per step.
 */
import { localeFromBrowser } from '../i18n';
import { parseUrlSettings, serializeUrlSettings, type UrlSettings } from './urlSchema';
import { pushNotice, useStore } from './store';

export function initialiseFromUrl(search: string, browserLanguages: readonly string[]): void {
  const { settings, notices } = parseUrlSettings(search);
  const prefersReducedMotion =
    typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  useStore.setState({
    settings,
    locale: settings.locale ?? localeFromBrowser(browserLanguages),
    reducedMotion: settings.motion ? settings.motion === 'reduced' : prefersReducedMotion,
    // A row past a smaller batch is brought back to its last example by the network view's chooser.
    networkRow: settings.example - 1,
  });
  for (const notice of notices) {
    // Keyed by reason too: `?p=abc&p=0.9` has two problems with p, and both deserve to be seen.
    pushNotice({ key: `url:${notice.param}:${notice.reason}`, kind: 'warning', message: { code: 'urlParam', notice } });
  }
}

/** Writes the current settings into the address bar without adding a history entry. */
export function writeSettingsToUrl(settings: UrlSettings): void {
  if (typeof location === 'undefined') return; // no address bar (unit tests, tools)
  const query = serializeUrlSettings(settings);
  const url = `${location.pathname}${query}${location.hash}`;
  try {
    history.replaceState(history.state, '', url);
  } catch {
    // Some sandboxed frames refuse replaceState; the app works the same without it.
  }
}

/** Merges a change into the settings and mirrors it into the URL. */
export function updateSettings(change: Partial<UrlSettings>): void {
  const settings = { ...useStore.getState().settings, ...change };
  useStore.setState({ settings });
  writeSettingsToUrl(settings);
}
