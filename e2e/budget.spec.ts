import { test, expect, openApp } from './fixtures';
import type { Page } from '@playwright/test';
import { DEFAULT_SCENARIO } from '../src/engine';

/**
 * The epoch budget (`epochs`, the settings registry's newest entry): a run stops there by itself, the status says
 * it finished and what it showed (computed from the run's own history), and Continue trains another budget.
 */
const status = (page: Page) => page.locator('[data-run-status]').first();
const play = (page: Page) => page.locator('section[data-panel="network"]').getByTestId('play');

test('a run stops at its budget, says what it showed, and Continue trains another budget', async ({ page }) => {
  await openApp(page, '?epochs=200&locale=en&view=lab');
  await expect(status(page)).toHaveAttribute('data-finished', 'false');
  await expect(status(page).locator('[data-run-result]')).toHaveCount(0);
  await play(page).click();
  await expect(status(page)).toHaveAttribute('data-finished', 'true', { timeout: 20_000 });
  await expect(status(page)).toHaveAttribute('data-epoch', '200');
  await expect(status(page)).toHaveAttribute('data-running', 'false');
  await expect(status(page)).toContainText('Finished · epoch 200');

  const result = status(page).locator('[data-run-result]');
  await expect(result).toHaveAttribute('role', 'status');
  await expect(result).toHaveText(
    /^Without dropout, the validation loss went from its minimum \d\.\d+ \(epoch (\d+)\) to \d\.\d+ at epoch 200 \(×\d+(\.\d+)?\)\. Final gap between the twins: \d\.\d+, (lower|higher) with dropout\.$/,
  );
  const rise = Number(await result.getAttribute('data-rise'));
  expect(rise, 'the rise is the final loss over the minimum: at least 1').toBeGreaterThanOrEqual(1);
  const minEpoch = Number(/\(epoch (\d+)\)/.exec((await result.textContent()) ?? '')?.[1]);
  expect(minEpoch).toBeGreaterThanOrEqual(0);
  expect(minEpoch).toBeLessThanOrEqual(200);

  // The run waits; the play button offers to continue it.
  await expect(play(page)).toHaveText(/Continue/);
  await expect(play(page)).toHaveAttribute('title', /another 200 epochs/);
  await play(page).click();
  // Epoch 400 is reached only by the continued run. (Its 200 epochs can pass within one of the status's
  // throttled updates, so "not finished" is not always shown in between, and is not asserted.)
  await expect(status(page)).toHaveAttribute('data-epoch', '400', { timeout: 20_000 });
  await expect(status(page)).toHaveAttribute('data-finished', 'true');
  await expect(result).toContainText('at epoch 400');
});

test('in Chinese, the finished run and its result are translated', async ({ page }) => {
  await openApp(page, '?epochs=100&locale=zh-CN&view=lab');
  await play(page).click();
  await expect(status(page)).toHaveAttribute('data-finished', 'true', { timeout: 20_000 });
  await expect(status(page)).toContainText('已完成 · 第 100 轮');
  await expect(status(page).locator('[data-run-result]')).toContainText(/不用 dropout 的模型：验证损失从最低点 .+（第 \d+ 轮）变为第 100 轮的/);
  await expect(play(page)).toHaveText(/继续/);
});

test('the budget is a field of the settings form: changing it restarts training and goes into the link', async ({ page }) => {
  await openApp(page, '?locale=en&view=lab');
  // Its own name: the p-sweep's "Epochs per run" is another setting.
  const field = page.getByRole('textbox', { name: 'Epoch budget' });
  await expect(field).toHaveValue(String(DEFAULT_SCENARIO.epochs));
  await field.fill('0');
  await expect(page.locator('.settings-panel [role="alert"]')).toContainText('1 … 1000000');
  await field.fill('150');
  await field.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('epochs')).toBe('150');
  await play(page).click();
  await expect(status(page)).toHaveAttribute('data-finished', 'true', { timeout: 20_000 });
  await expect(status(page)).toHaveAttribute('data-epoch', '150');
});
