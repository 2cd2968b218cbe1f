import { test as base, expect, type Page } from '@playwright/test';

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

/**
 * Opens the app with the given query string and waits until every panel is there (the first renders with the
 * shell, the others a moment later from their own chunks, see src/ui/shell/Staged.tsx).
 */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.locator('main#lab')).toBeVisible();
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
  // Keyboard shortcuts are attached just after the first render commits.
  await expect(page.locator('html[data-shortcuts="on"]')).toHaveCount(1);
}
