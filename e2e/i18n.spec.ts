import { test, expect, openApp } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Latin words left in the visible UI of a Chinese page, outside code (code, pre, kbd, samp, .mono, textarea)
 * and apart from names and symbols that stay as they are in Chinese teaching material.
 */
async function englishWordsIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const allowed = new Set(
      ('Dropout Lab PyTorch NumPy nn torch tensor dropout Dropout eval train Shift Esc Web Worker Adam SGD ReLU tanh ' +
        'MC CSV PNG SVG inplace p x y seed float32 MSE BCE sin NaN Srivastava ONNX BatchNorm Home End Python numpy RandomState Binomial').split(' '),
    );
    const found = new Set<string>();
    for (const root of document.querySelectorAll(rootSelector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('code, pre, kbd, samp, .mono, textarea, [lang="en"], .visually-hidden')) continue;
        const style = getComputedStyle(parent);
        if (style.display === 'none' || style.visibility === 'hidden' || parent.getClientRects().length === 0) continue;
        const text = (node.textContent ?? '')
          .replace(/https?:\/\/\S+/g, '')
          // An English term glossed in brackets after its Chinese name, e.g. 训练轮数（epoch）, and a quoted
          // error message are deliberate; so are dotted code names such as model.eval().
          .replace(/（[\x20-\x7e]+）/g, '')
          .replace(/“[\x20-\x7e]+”/g, '')
          .replace(/\b\w+(\.\w+)+(\(\))?/g, '');
        for (const word of (text.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((token) => token.length > 1)) if (!allowed.has(word)) found.add(word);
      }
    }
    return [...found];
  }, selector);
}

test('?locale=zh-CN renders the shell in Chinese, with html lang and no English left', async ({ page }) => {
  await openApp(page, '?locale=zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dropout Lab');
  await expect(page.getByRole('button', { name: '投影模式' })).toBeVisible();
  await expect(page.locator('[data-run-status]')).toContainText('第 0 轮');
  expect(await englishWordsIn(page, '.app-header, .panel-head, .notices, .skip-link')).toEqual([]);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toBeVisible();
  expect(await englishWordsIn(page, '#help-dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '嵌入' }).click();
  expect(await englishWordsIn(page, '#embed-dialog')).toEqual([]);
});

test('the whole lab in Chinese: no English words in the panels either', async ({ page }) => {
  await openApp(page, '?locale=zh-CN');
  // Give the panels their first training numbers before reading them.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '1');
  expect(await englishWordsIn(page, '.app')).toEqual([]);
});

test('switching language keeps the training run (same epoch, no restart) and both ways work', async ({ page }) => {
  await openApp(page, '?locale=en');
  const status = page.locator('[data-run-status]');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(status).toHaveAttribute('data-epoch', '3');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(status).toContainText('第 3 轮');
  await expect(page).toHaveURL(/locale=zh-CN/);
  await page.getByLabel('语言').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(status).toContainText('epoch 3');
  await expect(status).toHaveAttribute('data-epoch', '3');
});

test('link problems are explained in the reader’s language, reason included', async ({ page }) => {
  await openApp(page, '?locale=zh-CN&p=abc&n=2&colour=red');
  const notices = page.locator('.notices');
  await expect(notices).toContainText('“p=abc”：不是数字');
  await expect(notices).toContainText('“n=2”：超出范围（应为 4 … 400）');
  await expect(notices).toContainText('已忽略链接中的“colour”');
  await page.getByLabel('语言').selectOption('en');
  await expect(notices).toContainText('“p=abc”: not a number');
  await expect(notices).toContainText('“n=2”: out of range (expected 4 … 400)');
});

test.describe('without ?locale', () => {
  test.use({ locale: 'zh-CN' });
  test('follows the browser’s language', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('button', { name: '快捷键' })).toBeVisible();
  });
});
