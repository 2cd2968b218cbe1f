import { test, expect, openApp } from './fixtures';
import { NASTY_QUERIES } from '../src/state/urlSchema.nasty';
import { URL_SCHEMA } from '../src/state/urlSchema';

/**
 * The nastiest links a teacher could paste (or an attacker could send), loaded in the browser. Each must open the
 * lab, say which parameter it ignored, keep markup as text, and leave the page working. The fixture fails any
 * test with a console error or an uncaught exception. The same list is fuzzed in src/state/urlSchema.fuzz.test.ts.
 */
test.describe('nasty URLs', () => {
  test('there are at least 50 of them', () => {
    expect(NASTY_QUERIES.length).toBeGreaterThanOrEqual(50);
  });

  NASTY_QUERIES.forEach(({ query, param }, index) => {
    const title = query.length > 60 ? `${query.slice(0, 57)}…` : query;
    test(`#${index + 1} ${title}`, async ({ page }) => {
      await openApp(page, query);

      // A visible notice names the parameter it ignored, as text: “name=value” for a setting, “name” for an
      // unknown one (the browser runs in English, so the quotes are English ones).
      const known = Object.prototype.hasOwnProperty.call(URL_SCHEMA, param);
      const notice = page.locator('.notices .notice').filter({ hasText: known ? `“${param}=` : `“${param}”` }).first();
      await expect(notice).toBeVisible();

      // Nothing from the URL became markup or ran.
      await expect(page.locator('#injected, img[src="x"], svg[onload], b#injected')).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      if (query.includes('%3Cscript%3E')) await expect(notice).toContainText('<script>');

      // The app still answers: the main landmark is there and a button does its job.
      await expect(page.getByRole('main')).toBeVisible();
      const before = await page.locator('.notices .notice').count();
      await notice.getByRole('button', { name: /dismiss/i }).click();
      await expect(page.locator('.notices .notice')).toHaveCount(before - 1);
    });
  });
});
