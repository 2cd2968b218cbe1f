/**
 * Keeps the address bar and the store in step. Reading happens once at start-up; writing uses replaceState, so
 * dragging a slider does not leave one history entry per step.
 */
import { localeFromBrowser } from '../i18n';
import { defaultUrlSettings, parseUrlSettings, serializeUrlSettings, type Screen, type UrlSettings } from './urlSchema';
import { pushNotice, useStore } from './store';
import { lessonLinkSettings, settingsForStep, stepAt } from './lesson/steps';
import { useLessonProgress } from './lesson/progress';

/** Link settings that say nothing about the Lab: a link with only these (or none) is a first visit. */
const NEUTRAL_LINK_KEYS: readonly string[] = ['locale', 'mode', 'motion', 'step', 'teacher'];

/**
 * The screen a link opens when it does not say (`view` absent): the Lesson on a first visit, but the Lab for a
 * link that carries Lab settings (`?p=0.5`, an embed code, `panels=`…), as every link did before the Lesson.
 */
export function resolveScreen(search: string, view: Screen | undefined): Screen {
  if (view !== undefined) return view;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return 'lesson';
  }
  for (const name of params.keys()) if (!NEUTRAL_LINK_KEYS.includes(name) && !name.startsWith('utm_')) return 'lab';
  return 'lesson';
}

export function initialiseFromUrl(search: string, browserLanguages: readonly string[]): void {
  const parsed = parseUrlSettings(search);
  const { notices } = parsed;
  let settings: UrlSettings = { ...parsed.settings, view: resolveScreen(search, parsed.settings.view) };
  // The Lesson puts its step's settings in place before training starts, so the first run is the step's.
  useLessonProgress.setState({ readerSeed: settings.seed });
  if (settings.view === 'lesson') settings = settingsForStep(settings, defaultUrlSettings(), stepAt(settings.step), settings.seed);
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

/**
 * The query string of a link to these settings. A lesson link names the step, not the step's preset (loading
 * the step puts that back), and always says `view=lesson`. A Lab link says `view=lab` only where the rest of
 * the link would not open the Lab by itself (see resolveScreen), so Lab links look as they always did.
 */
export function linkQuery(settings: UrlSettings): string {
  if (settings.view === 'lesson') {
    // The step is always named, even the first: a lesson link says where it points.
    const query = serializeUrlSettings(lessonLinkSettings(settings, defaultUrlSettings()));
    return query.includes('step=') ? query : query.replace('view=lesson', 'view=lesson&step=1');
  }
  const withoutView = serializeUrlSettings({ ...settings, view: undefined });
  return resolveScreen(withoutView, undefined) === 'lab' ? withoutView : serializeUrlSettings(settings);
}

/** Writes the current settings into the address bar without adding a history entry. */
export function writeSettingsToUrl(settings: UrlSettings): void {
  if (typeof location === 'undefined') return; // no address bar (unit tests, tools)
  const query = linkQuery(settings);
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
