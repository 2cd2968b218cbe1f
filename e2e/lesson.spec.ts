import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, openLesson, revealPanels } from './fixtures';
import { LESSON_STEPS } from '../src/state/lesson/steps';
import { lessonEn } from '../src/i18n/lesson.en';
import { lessonStepsEn } from '../src/i18n/lessonSteps.en';
import { lessonZhCN } from '../src/i18n/lesson.zh-CN';
import { stepText } from './lessonTexts';
import { formatLoss } from '../src/ui/charts/scales';
import { DEFAULT_SCENARIO } from '../src/engine';

async function inViewport(page: Page, locator: Locator, name: string): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, `${name} is on the page`).not.toBeNull();
  expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0);
  expect(box!.x, `${name} left`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width, `${name} right`).toBeLessThanOrEqual(viewport.width);
}

test.describe('the first screen is the hook', () => {
  const SCREENS = [
    { name: 'laptop 1280×800', width: 1280, height: 800, query: '?locale=en', phone: false },
    { name: 'projector 1920×1080, present mode', width: 1920, height: 1080, query: '?locale=en&mode=present', phone: false },
    { name: 'phone 390×844', width: 390, height: 844, query: '?locale=en', phone: true },
    { name: 'phone 390×844, Chinese', width: 390, height: 844, query: '?locale=zh-CN', phone: true },
  ];
  for (const screen of SCREENS) {
    test(`${screen.name}: network${screen.phone ? '' : ', loss chart'}, question and Play in the first viewport`, async ({ page }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await openLesson(page, screen.query);
      await expect(page.locator('.lesson')).toHaveAttribute('data-step', 'hook');
      await expect(page.getByRole('tab', { selected: true })).toHaveAttribute('data-screen', 'lesson');
      await expect(page.locator('[data-testid="tensor-lab"]')).toHaveCount(0);
      await inViewport(page, page.locator('.panel-network .net-diagram'), 'network diagram');
      if (!screen.phone) await inViewport(page, page.getByTestId('loss-chart'), 'loss chart');
      await inViewport(page, page.locator('.lesson-question fieldset'), 'question');
      await inViewport(page, page.getByTestId('lesson-main'), 'Play');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    });
  }
});

test('every question: the answer is not in the page before the commit, and is after it', async ({ page }) => {
  test.setTimeout(120_000);
  for (const [index, step] of LESSON_STEPS.entries()) {
    if (!step.question) continue;
    const text = stepText('en', step.id);
    await openLesson(page, `?locale=en&view=lesson&step=${index + 1}`);
    await expect(page.locator('.lesson')).toHaveAttribute('data-step', step.id);
    await expect(page.getByTestId('lesson-reveal')).toHaveCount(0);
    // Not hidden: absent. The explanation's words are nowhere in the document.
    expect(await page.content(), `step ${step.id} before the commit`).not.toContain(text.explanation);
    // Check without a choice: a nudge, still no answer.
    await page.getByTestId('lesson-check').click();
    await expect(page.locator('.lesson-question [role="alert"]')).toContainText(lessonEn.chooseFirst);
    await expect(page.getByTestId('lesson-reveal')).toHaveCount(0);
    const wrong = step.question.choices.find((choice) => !choice.correct)!;
    // Even steps skip, odd steps answer wrong: both ways of committing are covered.
    if (index % 2 === 0) {
      await page.getByLabel(text.choices[wrong.id], { exact: true }).check();
      await page.getByTestId('lesson-check').click();
      const reveal = page.getByTestId('lesson-reveal');
      await expect(reveal).toHaveAttribute('data-verdict', 'wrong');
      await expect(reveal).toContainText(lessonEn.misconceptions[wrong.misconception!]);
    } else {
      await page.getByTestId('lesson-skip').click();
      await expect(page.getByTestId('lesson-reveal')).toHaveAttribute('data-verdict', 'skipped');
    }
    await expect(page.getByTestId('lesson-reveal')).toContainText(text.explanation);
    // "Answer again" takes the answer back out of the page.
    await page.getByTestId('lesson-again').click();
    await expect(page.getByTestId('lesson-reveal')).toHaveCount(0);
  }
});

test('the figure does not give the answer away: a panel text that answers the question waits for the commit', async ({ page }) => {
  // Step 2 asks whether exactly 7 of 10 are dropped; the tensor lab's note says the count is Binomial. Step 8
  // asks where the best p lies; the sweep's note says "expect a U". In the Lab both notes are always there.
  for (const [id, spoiler] of [
    ['tenNumbers', page.getByTestId('tensor-facts')],
    ['chooseP', page.getByTestId('sweep-reading')],
  ] as const) {
    const number = LESSON_STEPS.findIndex((step) => step.id === id) + 1;
    expect(number, `step ${id} exists`).toBeGreaterThan(0);
    await openLesson(page, `?locale=en&view=lesson&step=${number}`);
    await expect(page.locator('.lesson-figure section').first()).toBeVisible();
    await expect(spoiler).toHaveCount(0);
    await page.getByTestId('lesson-skip').click();
    await expect(spoiler).toBeVisible();
    await page.getByTestId('lesson-again').click();
    await expect(spoiler).toHaveCount(0);
  }
  await page.goto('./?view=lab&locale=en');
  await revealPanels(page);
  await expect(page.getByTestId('tensor-facts')).toBeVisible();
  await expect(page.getByTestId('sweep-reading')).toBeAttached();
});

/** Plays the overfitting step until its reveal quotes a rise, pauses, and returns the reveal and the chart's numbers. */
async function overfitReveal(page: Page, seed: number) {
  await openLesson(page, `?locale=en&view=lesson&step=5&seed=${seed}`);
  await page.getByLabel(lessonStepsEn.steps.overfit.choices.minThenRise, { exact: true }).check();
  await page.getByTestId('lesson-check').click();
  const numbers = page.getByTestId('lesson-run-numbers');
  await expect(numbers).toHaveAttribute('data-ready', 'false');
  await expect(numbers).toContainText('Press Play');
  await page.getByTestId('lesson-main').click();
  // The run ends at its epoch budget, so the numbers to compare are fixed: no race with a pause that the
  // worker acknowledges a snapshot later.
  const status = page.locator('[data-run-status]');
  await expect(status).toHaveAttribute('data-finished', 'true', { timeout: 120_000 });
  await expect(numbers).toHaveAttribute('data-ready', 'true');
  const chart = page.getByTestId('loss-chart');
  await expect(chart).toHaveAttribute('data-epoch', (await status.getAttribute('data-epoch'))!);
  // The reveal is rewritten at most once a second: wait until it quotes the run's last evaluation.
  const epoch = await chart.getAttribute('data-epoch');
  await expect(numbers).toContainText(`by epoch ${epoch}:`);
  return {
    text: (await numbers.textContent()) ?? '',
    best: Number(await chart.getAttribute('data-best-plain')),
    last: Number(await chart.getAttribute('data-val-plain')),
    epoch: Number(epoch),
  };
}

test('a run-based reveal quotes that run’s numbers, and two seeds give two texts', async ({ page, context }) => {
  test.setTimeout(300_000);
  const first = await overfitReveal(page, 1);
  // A tab of its own: in this one the question is answered already (the tab keeps its answers).
  const second = await overfitReveal(await context.newPage(), 2);
  for (const run of [first, second]) {
    // The same numbers the loss chart draws from the store's history.
    expect(run.text).toContain(`fell to ${formatLoss(run.best)} at epoch`);
    expect(run.text).toContain(`rose to ${formatLoss(run.last)} by epoch ${run.epoch}`);
    expect(run.text).toContain(`${(run.last / run.best).toFixed(1)}×`);
  }
  expect(first.text).not.toBe(second.text);
});

test('?step=k twice gives the same figure data', async ({ page }) => {
  const read = async () => {
    await openLesson(page, '?locale=en&view=lesson&step=5&seed=4');
    const status = page.locator('[data-run-status]');
    await expect(status).toHaveAttribute('data-epoch', '0');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(status).toHaveAttribute('data-epoch', '3');
    const fit = page.getByTestId('fit-chart');
    await expect(fit).toHaveAttribute('data-train-points', String(DEFAULT_SCENARIO.trainSize));
    await expect.poll(async () => Number(await fit.getAttribute('data-plain-points'))).toBeGreaterThan(50);
    return {
      points: await fit.locator('.train-points').innerHTML(),
      plain: await fit.locator('path[data-series="plain"]').getAttribute('d'),
      loss: await page.getByTestId('loss-chart').getAttribute('data-val-plain'),
    };
  };
  const once = await read();
  const twice = await read();
  expect(twice).toEqual(once);
  // The tensor step too: the same draws, the same printout.
  await openLesson(page, '?locale=en&view=lesson&step=2');
  const output = await page.getByTestId('tensor-output').textContent();
  await openLesson(page, '?locale=en&view=lesson&step=2');
  await expect(page.getByTestId('tensor-output')).toHaveText(output ?? '');
});

test('Next, Back, ←, →, Page Up and Page Down move between steps, and the link follows', async ({ page }) => {
  await openLesson(page, '?locale=en&view=lesson&step=3');
  const lesson = page.locator('.lesson');
  const at = async (n: number) => {
    await expect(lesson).toHaveAttribute('data-step-number', String(n));
    await expect(page.getByTestId('lesson-progress')).toHaveText(`Step ${n} of ${LESSON_STEPS.length}`);
    await expect(page).toHaveURL(new RegExp(`[?&]step=${n}(&|$)`));
    await expect(page).toHaveURL(/[?&]view=lesson/);
  };
  await page.getByTestId('lesson-next').click();
  await at(4);
  await page.getByTestId('lesson-back').click();
  await at(3);
  // The keys work from the page itself, and from a choice just picked (a clicker's Page Down must turn the page).
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('ArrowRight');
  await at(4);
  await page.keyboard.press('ArrowLeft');
  await at(3);
  await page.keyboard.press('PageDown');
  await at(4);
  await page.locator('.lesson-choice input').first().check();
  await page.keyboard.press('PageDown');
  await at(5);
  await page.keyboard.press('PageUp');
  await at(4);
  // Shift+→ still steps training one epoch, as in the Lab, and does not turn the page.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '1');
  await at(4);
  // The ends: no step 0, no step past the last.
  await openLesson(page, '?locale=en&view=lesson&step=1');
  await page.keyboard.press('PageUp');
  await at(1);
  await expect(page.getByTestId('lesson-back')).toBeDisabled();
  // The header's tabs switch to the Lab and back, keeping the step.
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.locator('main#lab')).toBeVisible();
  await expect(page).toHaveURL(/[?&]view=lab/);
  await page.getByRole('tab', { name: 'Lesson' }).click();
  await at(1);
});

test('Next and Back keep the keyboard focus where it was, and the new step is announced', async ({ page }) => {
  const count = LESSON_STEPS.length;
  const next = page.getByTestId('lesson-next');
  const back = page.getByTestId('lesson-back');
  const announced = page.getByTestId('lesson-step-announcement');
  await openLesson(page, '?locale=en&view=lesson&step=1');
  await expect(announced).toHaveText('');
  // Each step is a new card: the focus moves to the same button in it, not to the page's start.
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Step 2 of ${count}`);
  await expect(next).toBeFocused();
  await expect(announced).toHaveText(`Step 2 of ${count}: ${stepText('en', LESSON_STEPS[1].id).title}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Step 3 of ${count}`);
  await expect(next).toBeFocused();
  await back.focus();
  await page.keyboard.press('Enter');
  await expect(back).toBeFocused();
  // Back to the first step, whose Back is disabled: the focus goes to Next.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Step 1 of ${count}`);
  await expect(next).toBeFocused();
  await expect(announced).toHaveText(`Step 1 of ${count}: ${stepText('en', LESSON_STEPS[0].id).title}`);
  // Page Down from a choice: the focus goes to the new step's title, where a reader starts reading.
  await page.locator('.lesson-choice input').first().focus();
  await page.keyboard.press('PageDown');
  await expect(page.locator('#lesson-step-title')).toBeFocused();
  // Into the last step, whose Next is disabled: the focus goes to Back.
  await openLesson(page, `?locale=en&view=lesson&step=${count - 1}`);
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Step ${count} of ${count}`);
  await expect(back).toBeFocused();
});

test('a reload keeps the answers given in this tab, and a new tab starts the lesson afresh', async ({ page, context }) => {
  const [hook, second] = LESSON_STEPS;
  const wrong = hook.question!.choices.find((choice) => !choice.correct)!;
  const reveal = page.getByTestId('lesson-reveal');
  await openLesson(page, '?locale=en&view=lesson&step=1');
  await page.getByLabel(stepText('en', hook.id).choices[wrong.id], { exact: true }).check();
  await page.getByTestId('lesson-check').click();
  await expect(reveal).toHaveAttribute('data-verdict', 'wrong');
  await page.getByTestId('lesson-next').click();
  await page.getByTestId('lesson-skip').click();
  await expect(reveal).toHaveAttribute('data-verdict', 'skipped');

  // A reload (the "could not be downloaded" message offers one, so does a new version): both answers are there.
  await page.reload();
  await expect(page.locator('.lesson')).toHaveAttribute('data-step', second.id);
  await expect(reveal).toHaveAttribute('data-verdict', 'skipped');
  await expect(reveal).toContainText(stepText('en', second.id).explanation);
  await expect(page.getByTestId('lesson-again')).toBeVisible();
  await page.getByTestId('lesson-back').click();
  await expect(reveal).toHaveAttribute('data-verdict', 'wrong');
  await expect(page.locator(`.lesson-choice[data-choice="${wrong.id}"] input`)).toBeChecked();
  await expect(page.locator('.lesson-choice input').first()).toBeDisabled();

  // Another tab on the same link: nobody has answered there.
  const other = await context.newPage();
  await openLesson(other, '?locale=en&view=lesson&step=1');
  await expect(other.locator('.lesson-choice input').first()).toBeEnabled();
  await expect(other.getByTestId('lesson-reveal')).toHaveCount(0);
  await other.close();

  // An answer taken back stays taken back after a reload.
  await page.getByTestId('lesson-again').click();
  await page.reload();
  await expect(page.locator('.lesson')).toHaveAttribute('data-step', hook.id);
  await expect(reveal).toHaveCount(0);
  await expect(page.locator('.lesson-choice input').first()).toBeEnabled();
});

test("a finished run does not answer the step's question in the header, Play says it continues, and the Lab says what the run showed", async ({ page }) => {
  // The hook asks which twin predicts new points better: a finished run's summary (the Lab's header line) answers
  // it. A budget of 200 epochs finishes within seconds.
  await openLesson(page, '?locale=en&view=lesson&step=1&epochs=200');
  await page.getByTestId('lesson-main').click();
  const status = page.locator('[data-run-status]').first();
  await expect(status).toHaveAttribute('data-finished', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('lesson-reveal')).toHaveCount(0);
  await expect(page.locator('[data-run-result]')).toHaveCount(0);
  expect(await page.content()).not.toContain('Final gap between the twins');
  // The step's main button says what it does now: train both networks for another budget.
  const main = page.getByTestId('lesson-main');
  await expect(main).toHaveText(lessonEn.actions.continue);
  await expect(main).toHaveAttribute('title', /another 200 epochs/);
  await main.click();
  await expect(status).toHaveAttribute('data-epoch', '400', { timeout: 20_000 });
  await expect(status).toHaveAttribute('data-finished', 'true');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.locator('main#lab')).toBeVisible();
  await expect(page.locator('[data-run-result]').first()).toContainText('Final gap between the twins');
});

test('Start the lesson again asks first, then clears this tab\'s answers and goes back to step 1, from the last step and the teacher layer', async ({ page }) => {
  const count = LESSON_STEPS.length;
  const t = lessonStepsEn.startAgain;
  const reveal = page.getByTestId('lesson-reveal');
  const startAgain = page.getByTestId('lesson-start-again');
  // Nothing answered: nothing to clear, no button.
  await openLesson(page, `?locale=en&view=lesson&step=${count}`);
  await expect(startAgain).toHaveCount(0);
  await openLesson(page, '?locale=en&view=lesson&step=1');
  await page.getByTestId('lesson-skip').click();
  await openLesson(page, `?locale=en&view=lesson&step=${count}`);
  await page.getByTestId('lesson-skip').click();
  await expect(reveal).toBeVisible();

  // It asks, and "keep" keeps everything, with the focus back on the button.
  await startAgain.getByRole('button', { name: t.button }).click();
  await expect(startAgain).toContainText(t.ask(2));
  await expect(startAgain.getByRole('button', { name: t.confirm })).toBeFocused();
  await startAgain.getByRole('button', { name: t.cancel }).click();
  await expect(startAgain.getByRole('button', { name: t.button })).toBeFocused();
  await expect(reveal).toBeVisible();

  // Confirmed: step 1, unanswered, its title focused; and a reload finds no answers either.
  await startAgain.getByRole('button', { name: t.button }).click();
  await startAgain.getByRole('button', { name: t.confirm }).click();
  await expect(page.locator('.lesson')).toHaveAttribute('data-step-number', '1');
  await expect(page).toHaveURL(/[?&]step=1(&|$)/);
  await expect(reveal).toHaveCount(0);
  await expect(page.locator('#lesson-step-title')).toBeFocused();
  await page.reload();
  await expect(page.locator('.lesson-choice input').first()).toBeEnabled();

  // The teacher layer offers it on every step, says it is done where the button was, and leaves the next class
  // a run at epoch 0 waiting for Play.
  await openLesson(page, '?locale=en&view=lesson&step=3&teacher=1');
  await page.getByTestId('lesson-skip').click();
  await page.getByTestId('lesson-back').click();
  await page.getByTestId('lesson-back').click();
  await page.getByTestId('lesson-skip').click();
  await page.getByTestId('lesson-main').click();
  const status = page.locator('[data-run-status]').first();
  await expect.poll(async () => Number(await status.getAttribute('data-epoch'))).toBeGreaterThan(0);
  const inTeacher = page.getByTestId('teacher-panel').getByTestId('lesson-start-again');
  await inTeacher.getByRole('button', { name: t.button }).click();
  await expect(inTeacher).toContainText(t.ask(2));
  await inTeacher.getByRole('button', { name: t.confirm }).click();
  await expect(page.locator('.lesson')).toHaveAttribute('data-step-number', '1');
  await expect(inTeacher.getByRole('status')).toHaveText(t.done);
  await expect(inTeacher.getByRole('status')).toBeFocused();
  await expect(status).toHaveAttribute('data-running', 'false');
  await expect(status).toHaveAttribute('data-epoch', '0');
  await expect(reveal).toHaveCount(0);
  await page.getByRole('button', { name: 'Next' }).first().click();
  await page.getByRole('button', { name: 'Next' }).first().click();
  await expect(page.locator('.lesson')).toHaveAttribute('data-step-number', '3');
  await expect(reveal).toHaveCount(0);
});

test('Enter on a choice checks it, as a form would, but not while an input method is composing', async ({ page }) => {
  await openLesson(page, '?locale=zh-CN&view=lesson&step=1');
  const choice = page.locator('.lesson-choice input').first();
  await choice.focus();
  await page.keyboard.press('Space');
  await expect(choice).toBeChecked();
  // The Enter that confirms an IME's characters is not a Check.
  await choice.dispatchEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true });
  await expect(page.getByTestId('lesson-reveal')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-reveal')).toBeVisible();
});

test('two frames of the lesson on one page share its answers, as a course page that embeds two steps has one lesson', async ({ page }) => {
  await openLesson(page, '?locale=en&view=lesson&step=1');
  // Two steps embedded in one page of the app's own origin: the same tab, so the same sessionStorage.
  await page.evaluate(() => {
    document.body.innerHTML = ['1', '2']
      .map((step) => `<iframe id="step${step}" src="./?view=lesson&embed=1&locale=en&step=${step}" style="width:900px;height:900px"></iframe>`)
      .join('');
  });
  const one = page.frameLocator('#step1');
  const two = page.frameLocator('#step2');
  await expect(one.getByTestId('lesson-skip')).toBeVisible();
  await expect(two.getByTestId('lesson-skip')).toBeVisible();
  await one.getByTestId('lesson-skip').click();
  await two.getByTestId('lesson-skip').click();
  // Each frame has both answers: going to the other's step shows its reveal, and neither overwrote the other.
  await two.getByTestId('lesson-back').click();
  await expect(two.getByTestId('lesson-reveal')).toHaveAttribute('data-verdict', 'skipped');
  await one.getByTestId('lesson-next').click();
  await expect(one.getByTestId('lesson-reveal')).toHaveAttribute('data-verdict', 'skipped');
  // An answer taken back in one frame is taken back in the other.
  await one.getByTestId('lesson-again').click();
  await two.getByTestId('lesson-next').click();
  await expect(two.getByTestId('lesson-reveal')).toHaveCount(0);
});

test('on a phone, a step turned from the bottom of the page is shown from its top', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLesson(page, '?locale=en&view=lesson&step=1');
  // On a phone the first step's Next is below the figure and the card: the reader has scrolled down to it.
  const next = page.getByTestId('lesson-next');
  await next.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
  await next.click();
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Step 2 of ${LESSON_STEPS.length}`);
  await expect.poll(() => page.locator('.lesson').evaluate((lesson) => lesson.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
  await expect(page.locator('#lesson-step-title')).toBeInViewport();
});

test('old links keep working: view=eval opens the Lab with the network in eval mode', async ({ page }) => {
  await page.goto('./?locale=en&view=eval');
  await expect(page.locator('main#lab')).toBeVisible();
  await revealPanels(page);
  await expect(page.locator('.net-panel')).toHaveAttribute('data-view', 'eval');
  await page.goto('./?embed=1&view=lesson&step=5&locale=en');
  await expect(page.locator('main#lesson')).toBeVisible();
  await expect(page.locator('.lesson')).toHaveAttribute('data-step', 'overfit');
});

for (const [locale, strings] of [['en', lessonEn], ['zh-CN', lessonZhCN]] as const) {
  test(`a whole walk in ${locale}: every question answered, no console errors, axe clean on every step, less motion`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openLesson(page, `?locale=${locale}`);
    await expect(page.locator('.app')).toHaveAttribute('data-motion', 'reduced');
    for (const [index, step] of LESSON_STEPS.entries()) {
      await expect(page.locator('.lesson')).toHaveAttribute('data-step', step.id);
      await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
      await expect(page.getByTestId('lesson-progress')).toHaveText(strings.progress(index + 1, LESSON_STEPS.length));
      const text = stepText(locale, step.id);
      await expect(page.locator('#lesson-step-title')).toHaveText(text.title);
      if (step.question) {
        const right = step.question.choices.find((choice) => choice.correct)!;
        await page.getByLabel(text.choices[right.id], { exact: true }).check();
        await page.getByTestId('lesson-check').click();
        await expect(page.getByTestId('lesson-reveal')).toHaveAttribute('data-verdict', 'right');
      }
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${step.id}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      if (index < LESSON_STEPS.length - 1) await page.getByTestId('lesson-next').click();
    }
    await expect(page.getByTestId('lesson-next')).toBeDisabled();
  });
}

test('on a laptop the chart step 6 points at is on the first screen, and the step card stays in view while the reader scrolls on', async ({ page }) => {
  // Step 6 at 1280 × 800, which outlines the loss chart.
  await openLesson(page, '?view=lesson&step=6&locale=en');
  const check = page.getByRole('button', { name: lessonEn.check });
  const chart = page.locator('.lesson-figure .loss-chart');
  // The chart is on the first screen (its panel's note on the dotted line comes after it)...
  await expect(chart).toBeInViewport({ ratio: 1 });
  // ...and the reader may scroll on to the read-outs and the note under it: 400 px, half a screen.
  await page.evaluate(() => scrollTo(0, 400));
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(400);
  await expect(chart).toBeInViewport({ ratio: 1 });
  await expect(check).toBeInViewport({ ratio: 1 });
  await expect(page.locator('#lesson-step-title')).toBeInViewport({ ratio: 1 });
});

/** The highlights that outline a chart (lesson.css), not a part of the network or the tensor lab. */
const CHART_HIGHLIGHTS = new Set<string>(['valPlain', 'trainDropoutOn', 'mcBand', 'gap', 'sweepChart']);

for (const { locale, viewport } of [
  { locale: 'en', viewport: { width: 1280, height: 800 } },
  { locale: 'zh-CN', viewport: { width: 390, height: 844 } },
]) {
  test(`a chart's dashed highlight runs through no text under it (${locale}, ${viewport.width} px)`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    // Text right under a chart (its legend, its read-out) must begin below the outline's band. A line box's top
    // may touch the band by a pixel or two of leading; glyphs begin lower. The sweep's legend, 5 px into the
    // band, was struck through.
    const LEADING_PX = 2;
    const checked: string[] = [];
    const chartSteps = LESSON_STEPS.flatMap((step, index) => (CHART_HIGHLIGHTS.has(step.highlight) ? [index + 1] : []));
    for (const step of chartSteps) {
      await openLesson(page, `?view=lesson&step=${step}&locale=${locale}`);
      const found = await page.locator('.lesson-figure').evaluate((figure, leading) => {
        const chart = [...figure.querySelectorAll('.chart-svg')].find((svg) => getComputedStyle(svg).outlineStyle === 'dashed');
        if (!chart) return null;
        const style = getComputedStyle(chart);
        const box = chart.getBoundingClientRect();
        const ringBottom = box.bottom + parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
        const ringLeft = box.left - parseFloat(style.outlineOffset) - parseFloat(style.outlineWidth);
        const ringRight = box.right + parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
        const struck: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim() || chart.contains(node)) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const line of range.getClientRects()) {
            const under = line.top >= box.bottom - 1 && line.top < ringBottom && line.right > ringLeft && line.left < ringRight;
            if (under && line.top < ringBottom - leading) struck.push(`“${node.textContent.trim().slice(0, 40)}” starts ${(ringBottom - line.top).toFixed(1)} px into the band`);
          }
        }
        return { chart: String(chart.getAttribute('class')), struck };
      }, LEADING_PX);
      if (!found) continue;
      checked.push(`${step}: ${found.chart}`);
      expect(found.struck, `step ${step}, ${found.chart}`).toEqual([]);
    }
    // Every one of those steps outlines its chart; a check that found none would prove nothing.
    expect(checked.length, checked.join('; ')).toBe(chartSteps.length);
    expect(chartSteps.length).toBeGreaterThanOrEqual(5);
  });
}

test('on every step, the main action is within 10 Tab presses and every stop shows a focus ring', async ({ page }) => {
  test.setTimeout(120_000);
  for (const [index, step] of LESSON_STEPS.entries()) {
    await openLesson(page, `?locale=en&view=lesson&step=${index + 1}`);
    const target = step.question ? page.locator('.lesson-choice input').first() : page.getByTestId('lesson-main');
    let reached = false;
    for (let press = 1; press <= 10 && !reached; press++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return { tag: element.tagName, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(ring.style, `step ${step.id}, Tab ${press} on ${ring.tag}`).not.toBe('none');
      expect(ring.width, `step ${step.id}, Tab ${press} on ${ring.tag}`).toBeGreaterThanOrEqual(2);
      reached = await target.evaluate((element) => element === document.activeElement);
    }
    expect(reached, `step ${step.id}: main action within 10 Tabs`).toBe(true);
  }
});
