import type { Strings } from './en';
import { lazyValue, type LazyValue } from '../chunks/lazyValue';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/**
 * Each language is a chunk of its own (~11 kB gzipped), fetched before the first render (see main.tsx) or when
 * a reader switches: a reader downloads the strings of the language they read, not of every language.
 */
const LANGUAGES: Record<Locale, LazyValue<Strings>> = {
  en: lazyValue(() => import('./en'), (module) => module.en),
  'zh-CN': lazyValue(() => import('./zh-CN'), (module) => module.zhCN),
};

/** The strings of `locale`; English while another language is still loading. Needs loadLocale first. */
export function stringsFor(locale: Locale): Strings {
  const strings = LANGUAGES[locale].loaded() ?? LANGUAGES.en.loaded();
  if (!strings) throw new Error(`stringsFor(${locale}): no language is loaded yet; await loadLocale() first`);
  return strings;
}

/** Fetches a language's strings once; a failed fetch (offline before it was cached) may be retried. */
export function loadLocale(locale: Locale): Promise<Strings> {
  return LANGUAGES[locale].load();
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

export type { Strings };
