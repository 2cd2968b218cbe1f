import { test, expect } from './fixtures';
import { LESSON_STEPS } from '../src/state/lesson/steps';
import { lessonStepsEn } from '../src/i18n/lessonSteps.en';

/**
 * The lesson's measured experiments run in the page, on background workers: the ensemble step's (Srivastava et
 * al., Fig. 11) runs to its table, and leaving a step stops a run in progress. The wall time is a benchmark's
 * business (experiments.bench.spec.ts), not this test's.
 */
const stepOf = (name: string) => LESSON_STEPS.findIndex((step) => step.experiment === name) + 1;

test('the ensemble experiment runs to a table in which averaging more masks comes closer to the eval network', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`./?view=lesson&step=${stepOf('ensemble')}&locale=en`);
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
  await page.getByTestId('lesson-skip').click();
  const panel = page.getByTestId('lesson-experiment');
  await expect(panel).toHaveAttribute('data-status', 'idle');
  await panel.getByRole('button', { name: lessonStepsEn.experiments.run }).click();
  await expect(panel).toHaveAttribute('data-status', 'running');
  await expect(panel.locator('progress')).toBeVisible();
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 200_000 });
  // K, the mean distance, and the distance relative to K = 1, for K = 1 … the largest shown.
  const rows = await panel.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => Number(cell.textContent))),
  );
  expect(rows.length).toBeGreaterThanOrEqual(4);
  expect(rows[0][0]).toBe(1);
  expect(rows[0][2]).toBe(1);
  for (let i = 1; i < rows.length; i++) {
    expect(rows[i][0]).toBeGreaterThan(rows[i - 1][0]);
    expect(rows[i][1], `the distance at K = ${rows[i][0]}`).toBeLessThan(rows[i - 1][1]);
  }
  await expect(page.getByTestId('lesson-experiment-summary')).toContainText(`average of ${rows.at(-1)![0]}`);
  await expect(panel.getByRole('button', { name: lessonStepsEn.experiments.runAgain })).toBeEnabled();
});

test('leaving the step stops an experiment in progress, and coming back offers to run it', async ({ page }) => {
  const step = stepOf('data-size');
  await page.goto(`./?view=lesson&step=${step}&locale=en`);
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
  await page.getByTestId('lesson-skip').click();
  const panel = page.getByTestId('lesson-experiment');
  await panel.getByRole('button', { name: lessonStepsEn.experiments.run }).click();
  await expect(panel).toHaveAttribute('data-status', 'running');
  await page.keyboard.press('PageDown');
  await expect(page.locator('.lesson')).not.toHaveAttribute('data-step', LESSON_STEPS[step - 1].id);
  await page.keyboard.press('PageUp');
  await expect(page.locator('.lesson')).toHaveAttribute('data-step', LESSON_STEPS[step - 1].id);
  // The answer given before leaving is kept, so the reveal (and the experiment in it) is back at once.
  await expect(page.getByTestId('lesson-reveal')).toHaveAttribute('data-verdict', 'skipped');
  await expect(page.getByTestId('lesson-experiment')).toHaveAttribute('data-status', 'idle');
  await expect(page.getByTestId('lesson-experiment').getByRole('button', { name: lessonStepsEn.experiments.run })).toBeEnabled();
});
