import type { Page } from '@playwright/test';
import { test, expect, openApp, openLesson } from './fixtures';

/**
 * The first layout's fonts. Each size and weight that text on the page uses is a font "strike" that Chromium on
 * Linux and ChromeOS (a school Chromebook) looks up over IPC during the first layout, and in Chinese the CJK
 * fallback needs one more per strike: 20 of them made the lesson's first layout 20-50 ms longer on the 2-core
 * machine, 4x that on a slow CPU (see the type scale in src/ui/styles.css). These budgets hold today's counts, so a
 * new size or weight on the first screen is a decision, not an accident.
 */
const FAMILIES = ['system-ui', 'ui-monospace'];
const WEIGHTS = ['400', '700'];

/** Every distinct "family size weight" of text that is laid out on the page, with where it first appears. */
function fontsInUse(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const found: Record<string, string> = {};
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim() || element.getClientRects().length === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden') continue;
      const key = `${style.fontFamily.split(',')[0].trim()} ${style.fontSize} ${style.fontWeight}`;
      found[key] ??= `${element.tagName.toLowerCase()}.${String(element.getAttribute('class') ?? '').split(' ')[0]}`;
    }
    return found;
  });
}

for (const { name, open, query, viewport, budget } of [
  { name: "the lesson's first screen on a phone", open: openLesson, query: '?view=lesson&locale=en', viewport: { width: 412, height: 823 }, budget: 7 },
  { name: "the lesson's first screen on a phone, in Chinese", open: openLesson, query: '?view=lesson&locale=zh-CN', viewport: { width: 412, height: 823 }, budget: 7 },
  { name: "the lesson's first screen on a laptop", open: openLesson, query: '?view=lesson&locale=en', viewport: { width: 1280, height: 800 }, budget: 7 },
  { name: 'the Lab on a laptop', open: openApp, query: '?view=lab&locale=en', viewport: { width: 1280, height: 800 }, budget: 11 },
]) {
  test(`${name} uses at most ${budget} font sizes and weights, in the app's two stacks`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await open(page, query);
    const fonts = await fontsInUse(page);
    const listed = JSON.stringify(fonts, null, 1);
    expect(Object.keys(fonts).length, `fonts in use: ${listed}`).toBeLessThanOrEqual(budget);
    for (const key of Object.keys(fonts)) {
      const [family, , weight] = key.split(' ');
      expect(FAMILIES, `${key} (${fonts[key]}) is outside the app's font stacks`).toContain(family);
      expect(WEIGHTS, `${key} (${fonts[key]}) is a weight outside 400 and 700`).toContain(weight);
    }
  });
}

/**
 * In English the first screen needs no fallback font. A character the app's font lacks (⤢ was one), or a menu
 * list measuring an option in another script (简体中文 in the language picker), makes the first layout ask the
 * font service for a fallback font over IPC, and open a CJK font file of 20 MB: 10–30 ms on this machine, 4x that
 * on a Chromebook. Counted in Chromium's own trace of the load, so a new such character fails here.
 */
for (const { name, open, query } of [
  { name: "the lesson's first screen", open: openLesson, query: '?view=lesson&locale=en' },
  { name: 'the Lab', open: openApp, query: '?view=lab&locale=en' },
]) {
  test(`${name} in English loads without looking up a fallback font`, async ({ page, browser, browserName }) => {
    test.skip(browserName !== 'chromium', 'the trace is Chromium’s');
    await page.setViewportSize({ width: 1280, height: 800 });
    await browser.startTracing(page, { categories: ['disabled-by-default-fonts', 'fonts'] });
    await open(page, query);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents as { name: string }[];
    const fontEvents = events.filter((event) => /Font/.test(event.name));
    expect(fontEvents.length, 'the trace holds font events at all (else this test checks nothing)').toBeGreaterThan(0);
    const fallbacks = fontEvents.filter((event) => /FallbackFontForCharacter/.test(event.name));
    expect(fallbacks.length, 'fallback font lookups during the first load').toBe(0);
  });
}
