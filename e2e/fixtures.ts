import { test as base, expect, type Frame, type Page } from '@playwright/test';

/**
 * A page that fails the test on any console error, uncaught exception or request to another host:
 * the app must run clean and offline-friendly.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Link settings that do not say "Lab" (see resolveScreen in src/state/urlSync.ts): with only these, the Lesson opens. */
const NEUTRAL_KEYS = ['locale', 'mode', 'motion', 'step', 'teacher'];

/**
 * The Lesson opens on a first visit; the specs written for the Lab open the Lab unless they name a `view`: a
 * query that would open the Lesson gets `view=lab` (one that carries Lab settings opens the Lab by itself).
 */
export function labQuery(query: string): string {
  const params = new URLSearchParams(query);
  if (params.has('view')) return query;
  if ([...params.keys()].some((key) => !NEUTRAL_KEYS.includes(key) && !key.startsWith('utm_'))) return query;
  return query === '' || query === '?' ? '?view=lab' : `${query}&view=lab`;
}

/**
 * Brings every panel of the Lab in, as a reader scrolling down would, then goes back to the top. A panel renders
 * from its own chunk once the reader comes near it (src/ui/shell/Staged.tsx); after a jump to the bottom every
 * box is above the viewport, so they all fill in, one per task, in page order.
 */
export async function revealPanels(page: Page | Frame): Promise<void> {
  // The first render waits for the page's strings (src/main.tsx): before it there is no box either, and "none
  // pending" would hold by accident.
  await expect(page.locator('main#lab')).toBeVisible();
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(page.locator('[data-stage-pending]')).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Opens the app with the given query string and waits until every panel is there (the first renders with the
 * shell, the others from their own chunks as the reader comes near them, see revealPanels).
 */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./${labQuery(query)}`);
  await revealPanels(page);
  // Keyboard shortcuts are attached just after the first render commits.
  await expect(page.locator('html[data-shortcuts="on"]')).toHaveCount(1);
}

/** Opens the Lesson (a link without Lab settings opens it) and waits until its figure and the keys are live. */
export async function openLesson(page: Page, query: string): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.locator('main#lesson')).toBeVisible();
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
  await expect(page.locator('html[data-shortcuts="on"]')).toHaveCount(1);
}
