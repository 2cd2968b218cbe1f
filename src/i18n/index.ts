import type { Strings } from './en';
import type { PartStrings } from './parts.en';
import type { StepText } from './lesson.en';
import { lazyValue, type LazyValue } from '../chunks/lazyValue';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/**
 * Each language is two chunks. Its first-screen strings (en.ts: the shell, the lesson, the network and the loss
 * chart) are fetched before the first render (see main.tsx) or when a reader switches; the strings of the parts
 * that load later (parts.en.ts: the tensor lab, the other panels, the dialogs, the teacher layer) come with the
 * first of those parts (see ui/shell/lazyPart.tsx). A reader downloads the strings of the language they read,
 * and the lesson's first screen only those it shows.
 */
const LANGUAGES: Record<Locale, LazyValue<Strings>> = {
  en: lazyValue(() => import('./en'), (module) => module.en),
  'zh-CN': lazyValue(() => import('./zh-CN'), (module) => module.zhCN),
};
const PART_STRINGS: Record<Locale, LazyValue<PartStrings>> = {
  en: lazyValue(() => import('./parts.en'), (module) => module.partsEn),
  'zh-CN': lazyValue(() => import('./parts.zh-CN'), (module) => module.partsZhCN),
};

/** The strings of `locale`; English while another language is still loading. Needs loadLocale first. */
export function stringsFor(locale: Locale): Strings {
  const strings = LANGUAGES[locale].loaded() ?? LANGUAGES.en.loaded();
  if (!strings) throw new Error(`stringsFor(${locale}): no language is loaded yet; await loadLocale() first`);
  return strings;
}

/** The strings of the later parts in `locale`, English while that language's are still loading. Needs them loaded. */
export function partStringsFor(locale: Locale): PartStrings {
  const strings = PART_STRINGS[locale].loaded() ?? PART_STRINGS.en.loaded();
  if (!strings) throw new Error(`partStringsFor(${locale}): not loaded yet; a part waits for partStringsOf(locale)`);
  return strings;
}

/** The later parts' strings of `locale` as a value that arrives: what a lazy part waits for with its code. */
export function partStringsOf(locale: Locale): LazyValue<PartStrings> {
  return PART_STRINGS[locale];
}

/**
 * The text of the lesson step `id`. The first step's comes with the first-screen strings, every later step's
 * with the later parts' strings (lessonSteps.en.ts), so a step card after the first waits for those
 * (stepTextOnFirstScreen tells which; see ui/lesson/LessonView.tsx).
 */
export function stepTextFor(locale: Locale, id: string): StepText {
  const firstScreen: Readonly<Record<string, StepText>> = stringsFor(locale).lesson.steps;
  if (Object.hasOwn(firstScreen, id)) return firstScreen[id];
  const later: Readonly<Record<string, StepText>> = partStringsFor(locale).lessonSteps.steps;
  if (!Object.hasOwn(later, id)) throw new Error(`stepTextFor: no text for the lesson step "${id}"`);
  return later[id];
}

/** Whether the text of lesson step `id` comes with the first-screen strings (needs them loaded). */
export function stepTextOnFirstScreen(locale: Locale, id: string): boolean {
  return Object.hasOwn(stringsFor(locale).lesson.steps, id);
}

/**
 * Fetches a language's strings once; a failed fetch (offline before it was cached) may be retried. Once any part
 * has its strings on the page, a switch fetches the new language's part strings too, so no part shows a language
 * the reader left.
 */
export async function loadLocale(locale: Locale): Promise<Strings> {
  const partsShown = LOCALES.some((shown) => PART_STRINGS[shown].loaded() !== null);
  const [strings] = await Promise.all([LANGUAGES[locale].load(), partsShown ? PART_STRINGS[locale].load() : null]);
  return strings;
}

/** Picks the first supported language from the browser's list (zh, zh-CN, zh-Hans… → zh-CN), else English. */
export function localeFromBrowser(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export type { Strings, PartStrings, StepText };
