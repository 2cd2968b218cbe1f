import type { Page } from '@playwright/test';
import { test, expect, openApp, openLesson } from './fixtures';
import { stepText } from './lessonTexts';
import { LESSON_STEPS } from '../src/state/lesson/steps';

/**
 * The app is split in chunks (see src/ui/panelChunks.ts and src/i18n/index.ts): the first screen waits only for
 * the shell, the reader's language and, when it opens on the tensor lab, that lab; the other panels, and the
 * strings only they show, follow. These tests check what is fetched and what happens when a chunk cannot be.
 */

/**
 * The JavaScript files the page requests, by name without the content hash (e.g. "zh-CN", "NetworkPanel").
 * Vite's hash is 8 characters that may themselves start with "-" (en--q4vnt4t.js is "en").
 */
function recordScripts(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    const match = /\/assets\/(.+)-[\w-]{8}\.js$/.exec(new URL(request.url()).pathname);
    if (match) names.push(match[1]);
  });
  return names;
}

/** Removes the console errors a test provoked on purpose; any other error still fails the test. */
function forgive(consoleErrors: string[], expected: RegExp): void {
  const kept = consoleErrors.filter((text) => !expected.test(text));
  consoleErrors.splice(0, consoleErrors.length, ...kept);
}

/** Holds back every request matching `pattern` until the returned function is called; then they go through. */
async function holdRequests(page: Page, pattern: RegExp): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The English strings of the later parts (src/i18n/parts.en.ts), retries too (`?retry=N`, src/chunks/lazyValue.ts). */
const ENGLISH_PART_STRINGS = /\/assets\/parts\.en-[\w-]+\.js(\?retry=\d+)?$/;

/**
 * Opens `query` with the entry script held back until `asked` has happened, then lets the page load. What the
 * page requests meanwhile comes from index.html alone (its preloads and public/locale-hint.js), not from the app.
 */
async function openWithEntryHeld(page: Page, query: string, asked: () => boolean): Promise<void> {
  const releaseEntry = await holdRequests(page, /\/assets\/index-[\w-]{8}\.js$/);
  const opened = page.goto(`./${query}`);
  try {
    await expect.poll(asked).toBe(true);
  } finally {
    releaseEntry();
  }
  await opened;
}

test('the page asks for the shell at once, not after the entry script has arrived', async ({ page }) => {
  // The shell must be requested while the entry is held, from the <link rel=modulepreload> of index.html. Without
  // it the browser learns of the shell only from the entry's imports, one round trip later, and the held entry
  // would keep it from ever being asked for.
  const asked = recordScripts(page);
  await openWithEntryHeld(page, '?view=lesson&locale=en', () => asked.includes('shell'));
  await expect(page.locator('main#lesson')).toBeVisible();
});

test("a Lab link, and a lesson link to a later step, ask for the later parts' strings before the entry script has arrived", async ({ page }) => {
  // The Lab opens on the tensor lab, and the card of a lesson step after the first shows text from the later
  // parts' strings: both first renders wait for those strings, so public/locale-hint.js asks for them with the
  // first-screen strings while the entry is held back. A link to the lesson's first step preloads none of them.
  const asked = recordScripts(page);
  await openWithEntryHeld(page, '?view=lab&locale=zh-CN', () => asked.includes('zh-CN') && asked.includes('parts.zh-CN'));
  await expect(page.getByTestId('tensor-pass-count')).toBeVisible();
  expect(asked).not.toContain('parts.en');

  asked.length = 0;
  await openWithEntryHeld(page, '?view=lesson&step=5&locale=en', () => asked.includes('en') && asked.includes('parts.en'));
  await expect(page.getByTestId('lesson-card')).toBeVisible();
  const partStringsPreloads = page.locator('link[rel="modulepreload"][href*="/parts."]');
  await expect(partStringsPreloads).toHaveCount(1);

  await openLesson(page, '?view=lesson&locale=en');
  await expect(partStringsPreloads).toHaveCount(0);
});

test('a reader downloads the strings of their language only', async ({ page }) => {
  const scripts = recordScripts(page);
  await openApp(page, '?locale=zh-CN');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
  expect(scripts).toContain('zh-CN');
  expect(scripts).toContain('parts.zh-CN');
  expect(scripts).not.toContain('en');
  expect(scripts).not.toContain('parts.en');

  // Switching fetches English then, once: its first-screen strings and, as the page shows later parts, theirs,
  // before the switch, so no part gives way to an empty box while its strings come.
  const placeholderSeen = await watchPlaceholder(page, '[data-stage-pending]', 'now');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('tensor-pass-count')).toContainText('Passes so far');
  expect(await placeholderSeen()).toBe(false);
  expect(scripts.filter((name) => name === 'en')).toHaveLength(1);
  expect(scripts.filter((name) => name === 'parts.en')).toHaveLength(1);
});

/**
 * Records whether a placeholder matching `selector` is ever put in the page: from before the page's own scripts
 * run on its next load (`nextLoad`), or from now on in the page already open (`now`).
 */
async function watchPlaceholder(page: Page, selector: string, from: 'nextLoad' | 'now'): Promise<() => Promise<boolean>> {
  const watch = (wanted: string) => {
    const seen = { placeholder: false };
    (window as unknown as { __placeholderSeen: typeof seen }).__placeholderSeen = seen;
    new MutationObserver(() => {
      if (document.querySelector(wanted)) seen.placeholder = true;
    }).observe(document, { childList: true, subtree: true });
  };
  await (from === 'now' ? page.evaluate(watch, selector) : page.addInitScript(watch, selector));
  return () => page.evaluate(() => (window as unknown as { __placeholderSeen: { placeholder: boolean } }).__placeholderSeen.placeholder);
}

test("the lesson's first screen does not download the tensor lab; its step does, and the Lab has it at once", async ({ page }) => {
  const scripts = recordScripts(page);
  // Nor does it wait for the strings of the parts that come later (src/i18n/parts.en.ts): held back, they keep
  // nothing of the first screen from being drawn.
  const releasePartStrings = await holdRequests(page, ENGLISH_PART_STRINGS);
  await openLesson(page, '?locale=en');
  await expect(page.locator('.lesson-figure')).toHaveAttribute('data-panels', 'network loss');
  await expect(page.getByTestId('lesson-card')).toBeVisible();
  // Give a wrongly made request the time to show up.
  await page.waitForTimeout(500);
  expect(scripts).not.toContain('TensorLab');
  // Nor the embed bridge, which only a page in a frame fetches (main.tsx; e2e/embed.spec.ts has it working there).
  expect(scripts).not.toContain('startBridge');
  // Once the page has settled, it fetches them for the steps after the first (LessonView.tsx).
  await expect.poll(() => scripts).toContain('parts.en');

  // The step that shows the tensor lab brings its code in. Pressed while the strings are still on their way,
  // its card waits for them, and so does the announcement of the step, which then has the step's title.
  await page.getByTestId('lesson-next').click();
  await expect(page.locator('[data-stage-pending="lesson-step"]')).toBeAttached();
  await expect(page.getByTestId('lesson-step-announcement')).toHaveText('');
  releasePartStrings();
  await expect(page.getByTestId('lesson-step-announcement')).toHaveText(
    `Step 2 of ${LESSON_STEPS.length}: ${stepText('en', LESSON_STEPS[1].id).title}`,
  );
  await expect(page.locator('.lesson-figure')).toHaveAttribute('data-panels', 'tensor');
  await expect(page.getByTestId('tensor-pass-count')).toBeVisible();
  expect(scripts).toContain('TensorLab');
  expect(scripts).toContain('parts.en');

  // The Lab opens on the tensor lab: its first render already has it (main.tsx waits for the chunk), so no box
  // ever stands in for it and nothing below it moves when it arrives.
  const placeholderSeen = await watchPlaceholder(page, '[data-stage-pending="tensor"]', 'nextLoad');
  await openApp(page, '?locale=en');
  await expect(page.getByTestId('tensor-pass-count')).toBeVisible();
  expect(await placeholderSeen()).toBe(false);
});

test("a lesson link to a later step draws that step's card at once, never a box in its place", async ({ page }) => {
  // main.tsx waits for the later parts' strings, which hold that card's text, before the first render: held
  // back, they keep the lesson from being drawn at all, and once they come the card is drawn with its text.
  const placeholderSeen = await watchPlaceholder(page, '[data-stage-pending="lesson-step"]', 'nextLoad');
  const asked = recordScripts(page);
  const releasePartStrings = await holdRequests(page, ENGLISH_PART_STRINGS);
  const opened = page.goto('./?view=lesson&step=5&locale=en');
  await expect.poll(() => asked).toContain('parts.en');
  await expect.poll(() => asked).toContain('en');
  // The time for the shell and the first-screen strings to arrive, which is all the first render needs otherwise.
  await page.waitForTimeout(1000);
  await expect(page.locator('main#lesson')).toHaveCount(0);
  releasePartStrings();
  await opened;
  await expect(page.getByTestId('lesson-progress')).toContainText('Step 5 of');
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
  expect(await placeholderSeen()).toBe(false);
});

/** What a download that failed on purpose writes to the console. */
const FAILED_DOWNLOAD = /Failed to load resource|Failed to fetch dynamically imported module|error occurred in/i;

/**
 * With every request matching `blocked` failing (retries too), opens the lesson and goes to step 2, where the
 * part `failedPart` must say it could not be downloaded; then the network comes back and the reader goes Back
 * and Next again. The caller checks what step 2 shows then, and forgives the failures (FAILED_DOWNLOAD).
 */
async function failStepTwoThenReturn(page: Page, consoleErrors: string[], blocked: RegExp, failedPart: string): Promise<void> {
  await page.route(blocked, (route) => route.abort('internetdisconnected'));
  await openLesson(page, '?locale=en');
  await page.keyboard.press('PageDown');
  await expect(page.locator(`[data-stage-failed="${failedPart}"]`)).toContainText('could not be downloaded');
  // The failure reached the console while the network was down.
  await expect.poll(() => consoleErrors.some((text) => text.includes('ERR_INTERNET_DISCONNECTED'))).toBe(true);
  // The keys still lead through the lesson.
  await page.unroute(blocked);
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('lesson-progress')).toContainText('Step 1 of');
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('lesson-progress')).toContainText('Step 2 of');
}

test('a later step whose text cannot be downloaded says so, and going to it again tries again', async ({ page, consoleErrors }) => {
  await failStepTwoThenReturn(page, consoleErrors, ENGLISH_PART_STRINGS, 'lesson-step');
  await expect(page.getByTestId('lesson-card')).toBeVisible();
  await expect(page.locator('[data-stage-failed="lesson-step"]')).toHaveCount(0);
  forgive(consoleErrors, FAILED_DOWNLOAD);
});

test("a step's panel that could not be downloaded comes when the reader returns to the step, without a reload", async ({ page, consoleErrors }) => {
  await failStepTwoThenReturn(page, consoleErrors, /\/assets\/TensorLab-[\w-]+\.js(\?retry=\d+)?$/, 'tensor');
  await expect(page.getByTestId('tensor-pass-count')).toBeVisible();
  await expect(page.locator('[data-stage-failed]')).toHaveCount(0);
  forgive(consoleErrors, FAILED_DOWNLOAD);
});

test('the tensor lab whose code cannot be downloaded says so, and the rest of the lab works', async ({ page, consoleErrors }) => {
  await page.route(/\/assets\/TensorLab-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await openApp(page, '?locale=en');
  await expect(page.locator('[data-stage-failed="tensor"]')).toContainText('could not be downloaded');
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '1');
  forgive(consoleErrors, /TensorLab|Failed to load resource|Failed to fetch dynamically imported module|error occurred in/i);
});

test('on a phone the panels below the tensor lab render as the reader comes near them, and the rest after ten seconds', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?view=lab&locale=en');
  await expect(page.getByTestId('tensor-pass-count')).toBeVisible();
  // Give a stage revealed too eagerly the time to show up: these are screens below the tensor lab.
  await page.waitForTimeout(1500);
  await expect(page.locator('[data-stage-pending="fit"]')).toBeAttached();
  await expect(page.locator('[data-stage-pending="explain"]')).toBeAttached();

  // Scrolling to the fit chart's box brings it in, with the panels before it (stages are revealed in page order).
  await page.locator('[data-stage-pending="fit"]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-panel="fit"] svg').first()).toBeVisible();
  await expect(page.locator('[data-stage-pending="network"], [data-stage-pending="loss"]')).toHaveCount(0);

  // Without any more scrolling, the ones still far away come anyway ten seconds after the first paint.
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('.explain-section').first()).toBeAttached();
});

test('printing reveals every panel at once', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?view=lab&locale=en');
  await expect(page.getByTestId('tensor-pass-count')).toBeVisible();
  await expect(page.locator('[data-stage-pending="explain"]')).toBeAttached();
  // Printing renders every stage whose chunk has arrived, synchronously (the chunks are requested right after the
  // first paint; one still on its way renders when it arrives). Well before the ten seconds of the fallback.
  await expect
    .poll(() => page.evaluate(() => (dispatchEvent(new Event('beforeprint')), document.querySelectorAll('[data-stage-pending]').length)), { timeout: 5000 })
    .toBe(0);
});

test('an embed of one panel loads none of the others', async ({ page }) => {
  const scripts = recordScripts(page);
  await openApp(page, '?embed=1&panels=tensor&locale=en');
  await expect(page.getByTestId('tensor-histogram')).toBeVisible();
  // Give the lazy requests, if any were wrongly made, the time to show up.
  await page.waitForTimeout(500);
  for (const panel of ['NetworkPanel', 'LossChartPanel', 'FitChartPanel', 'SweepPanel', 'Explainer']) {
    expect(scripts, `${panel} should not be fetched`).not.toContain(panel);
  }
});

test('a panel whose code cannot be downloaded says so, and the rest of the lab works', async ({ page, consoleErrors }) => {
  await page.route(/\/assets\/LossChartPanel-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await openApp(page, '?locale=en');
  const failed = page.locator('[data-stage-failed="loss"]');
  await expect(failed).toContainText('could not be downloaded');
  await expect(failed.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  // The panels around it are there and training runs.
  await expect(page.locator('[data-panel="network"] canvas, [data-panel="network"] svg').first()).toBeVisible();
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '1');
  forgive(consoleErrors, /LossChartPanel|Failed to load resource|Failed to fetch dynamically imported module|error occurred in/i);
});

test('the tensor lab works even if its histogram cannot be downloaded', async ({ page, consoleErrors }) => {
  await page.route(/\/assets\/ZeroCountHistogram-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await openApp(page, '?panels=tensor&embed=1&locale=en');
  await expect(page.locator('[data-stage-failed="tensor-histogram"]')).toContainText('could not be downloaded');
  await page.getByTestId('tensor-forward').click();
  await expect(page.getByTestId('tensor-pass-count')).toHaveText('Passes so far: 2');
  await expect(page.getByTestId('tensor-status')).toContainText('Pass 2');
  forgive(consoleErrors, /ZeroCountHistogram|Failed to load resource|Failed to fetch dynamically imported module|error occurred in/i);
});

test('a dialog that cannot be downloaded closes with a notice, and opens once it can', async ({ page, consoleErrors }) => {
  await page.route(/\/assets\/HelpDialog-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await openApp(page, '?locale=en');
  await page.keyboard.press('?');
  await expect(page.locator('[data-notice-key="dialog"]')).toContainText('could not be downloaded');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The shortcuts still work: no dialog is left half open.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '1');
  await page.unroute(/\/assets\/HelpDialog-[\w-]+\.js$/);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  forgive(consoleErrors, /HelpDialog|Failed to load resource|Failed to fetch dynamically imported module/i);
});

test('a dialog whose strings cannot be downloaded closes with a notice, and opens once they can', async ({ page, consoleErrors }) => {
  await page.route(ENGLISH_PART_STRINGS, (route) => route.abort('internetdisconnected'));
  await openLesson(page, '?locale=en');
  await page.keyboard.press('?');
  await expect(page.locator('[data-notice-key="dialog"]')).toContainText('could not be downloaded');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.unroute(ENGLISH_PART_STRINGS);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  forgive(consoleErrors, /parts\.en|Failed to load resource|Failed to fetch dynamically imported module/i);
});

test('a part still waiting for its strings when the reader switches language shows the new language', async ({ page }) => {
  // Hold the English strings of the later parts back, open the step with the tensor lab, and switch to Chinese
  // before they arrive: the lab must come in Chinese, not wait for good nor show the language the reader left.
  const releaseEnglish = await holdRequests(page, ENGLISH_PART_STRINGS);
  await openLesson(page, '?locale=en');
  await page.getByTestId('lesson-next').click();
  await expect(page.locator('[data-stage-pending="tensor"]')).toBeAttached();
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('tensor-pass-count')).toContainText('目前已前向');
  releaseEnglish();
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
  await expect(page.getByTestId('tensor-pass-count')).toContainText('目前已前向');
});

test('a language that cannot be downloaded leaves the page as it was, and can be chosen again', async ({ page, consoleErrors }) => {
  await page.route(/\/assets\/zh-CN-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await openApp(page, '?locale=en');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('[data-notice-key="locale"]')).toContainText('could not be downloaded');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Language')).toHaveValue('en');
  await expect(page).not.toHaveURL(/locale=zh-CN/);

  await page.unroute(/\/assets\/zh-CN-[\w-]+\.js$/);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('[data-notice-key="locale"]')).toHaveCount(0);
  forgive(consoleErrors, /zh-CN|Failed to load resource|Failed to fetch dynamically imported module/i);
});
