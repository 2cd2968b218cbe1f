import { test, expect, openApp } from './fixtures';

test.describe('keyboard shortcuts', () => {
  test.beforeEach(async ({ page }) => {
    // A long budget: the default run's 8,000 epochs can end within a few seconds, before a pause is pressed.
    await openApp(page, '?locale=en&epochs=100000');
    // Wait for the worker's first answer, so steps are counted from a live run.
    await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '0');
  });

  test('space plays and pauses', async ({ page }) => {
    const status = page.locator('[data-run-status]');
    await page.keyboard.press('Space');
    await expect(status).toHaveAttribute('data-running', 'true');
    await expect.poll(async () => Number(await status.getAttribute('data-epoch'))).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    await expect(status).toHaveAttribute('data-running', 'false');
    const stopped = await status.getAttribute('data-epoch');
    await page.waitForTimeout(600);
    await expect(status).toHaveAttribute('data-epoch', stopped ?? '');
  });

  test('→ steps one forward pass, Shift+→ one epoch, R resets', async ({ page }) => {
    const status = page.locator('[data-run-status]');
    await page.keyboard.press('ArrowRight');
    await expect(status).toHaveAttribute('data-passes', '1');
    await page.keyboard.press('ArrowRight');
    await expect(status).toHaveAttribute('data-passes', '2');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    // The default scenario trains full batch: one epoch is one pass, so passes and epochs advance together.
    await expect(status).toHaveAttribute('data-epoch', '4');
    await expect(status).toHaveAttribute('data-passes', '4');
    await page.keyboard.press('r');
    await expect(status).toHaveAttribute('data-epoch', '0');
    await expect(status).toHaveAttribute('data-passes', '0');
  });

  test('E switches the network view; [ and ] move p by 0.05 (from the default 0.5)', async ({ page }) => {
    await page.keyboard.press('e');
    await expect(page).toHaveURL(/netview=eval/);
    await page.keyboard.press('e');
    await expect(page).not.toHaveURL(/netview=/);
    await page.keyboard.press(']');
    await expect(page).toHaveURL(/[?&]p=0\.55/);
    await page.keyboard.press('[');
    await page.keyboard.press('[');
    await expect(page).toHaveURL(/[?&]p=0\.45/);
  });

  test('? opens an accessible help dialog that traps focus, closes with Escape and returns focus', async ({ page }) => {
    const opener = page.getByRole('button', { name: 'Keys' });
    await opener.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    // The table is generated from the shortcut table: every action is there.
    await expect(dialog.locator('tbody tr')).toHaveCount(11);
    await expect(dialog).toContainText('Lower the drop probability p by 0.05');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
    }
    // Shortcuts are off while the dialog is open.
    await page.keyboard.press('e');
    await expect(page).not.toHaveURL(/view=eval/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('keys typed into a field, or with Ctrl/Alt, never trigger a shortcut', async ({ page }) => {
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing-probe';
      input.setAttribute('aria-label', 'probe');
      document.querySelector('main')?.append(input);
    });
    await page.locator('#typing-probe').focus();
    await page.keyboard.type('re[]2f? ');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.locator('#typing-probe')).toHaveValue('re[]2f? ');
    await page.locator('#typing-probe').blur();
    await page.keyboard.press('Alt+e');
    await page.keyboard.press('Control+]');
    await expect(page).toHaveURL(/^[^?]*\?locale=en&epochs=100000$/);
    await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '0');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.locator('.app')).not.toHaveAttribute('data-focus', /.+/);
  });
});
