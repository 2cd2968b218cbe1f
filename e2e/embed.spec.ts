import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { LESSON_STEPS } from '../src/state/lesson/steps';
import { EMBED_ALLOW, EMBED_SANDBOX, embedSnippet } from '../src/ui/shell/embedSnippet';
import { defaultUrlSettings } from '../src/state/urlSchema';

const port = Number(process.env.E2E_PORT ?? 4173);
// The same preview server under two host names: two different origins.
const labOrigin = `http://127.0.0.1:${port}`;
const hostOrigin = `http://localhost:${port}`;

/** The example course page (public/embed-example.html) on the host origin, framing the app at `labQuery`. */
function openHostPage(page: Page, labQuery: string) {
  return page.goto(`${hostOrigin}/embed-example.html?lab=${encodeURIComponent(`${labOrigin}/${labQuery}`)}`);
}

test('?embed=1 shows the lab without page chrome, with the panels and settings the URL chose', async ({ page }) => {
  await openApp(page, '?embed=1&panels=loss,fit&locale=zh-CN&p=0.5');
  await expect(page.locator('header')).toHaveCount(0);
  await expect(page.locator('.skip-link')).toHaveCount(0);
  await expect(page.locator('main > section[data-panel]')).toHaveCount(2);
  await expect(page.locator('section[data-panel="loss"]')).toBeVisible();
  await expect(page.locator('section[data-panel="fit"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page).toHaveURL(/p=0\.5/);
  // Shortcuts work in an embed too.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '1');
});

test("a host page named in ?parent= hears where the student is in the Lesson and how they answered", async ({ page }) => {
  await openHostPage(page, '?view=lesson&locale=en');
  const lab = page.frameLocator('iframe#dropout-lab');
  const log = page.locator('#message-log');
  const steps = LESSON_STEPS.length;
  const right = LESSON_STEPS[0].question!.choices.find((choice) => choice.correct)!.id;
  await expect(log).toContainText(`lesson: step 1 of ${steps}, 0 answered, 0 right`);
  await lab.locator(`.lesson-choice[data-choice="${right}"] input`).check();
  await lab.getByTestId('lesson-check').click();
  await expect(log).toContainText(`lesson: step 1 of ${steps}, 1 answered, 1 right`);
  // Next pressed at the bottom of a step: the host page shows the new step from its top.
  const frame = page.locator('iframe#dropout-lab');
  await lab.getByTestId('lesson-next').scrollIntoViewIfNeeded();
  expect((await frame.boundingBox())!.y).toBeLessThan(0);
  await lab.getByTestId('lesson-next').click();
  // Within a pixel: the page scrolls in CSS pixels, the frame's box sits at a fraction of one.
  await expect.poll(async () => (await frame.boundingBox())!.y).toBeGreaterThanOrEqual(-1);
  await lab.getByTestId('lesson-skip').click();
  await expect(log).toContainText(`lesson: step 2 of ${steps}, 2 answered, 1 right`);
});

test("a chart's export saves from inside the sandboxed frame the embed code writes", async ({ page }) => {
  await openHostPage(page, '?locale=en&view=lab&panels=loss');
  await expect(page.locator('iframe#dropout-lab')).toHaveAttribute('sandbox', EMBED_SANDBOX);
  const lab = page.frameLocator('iframe#dropout-lab');
  const download = page.waitForEvent('download');
  await lab.getByRole('button', { name: 'CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
});

test("the tensor lab's Copy copies from inside the frame the embed code writes", async ({ page, context }) => {
  // Chromium asks the top-level page's origin for a frame's clipboard permission (permission delegation).
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hostOrigin });
  await openHostPage(page, '?locale=en&view=lab&panels=tensor');
  await expect(page.locator('iframe#dropout-lab')).toHaveAttribute('allow', EMBED_ALLOW);
  const lab = page.frameLocator('iframe#dropout-lab');
  await lab.getByRole('button', { name: 'Copy the NumPy code' }).click();
  await expect(lab.getByText('Copied.')).toBeVisible();
  // Read back on the host page: the frame is allowed to write the clipboard, not to read it.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('import numpy as np');
});

test('a host page gets ready and resize, sizes the sandboxed frame, and can play and pause', async ({ page }) => {
  await openHostPage(page, '?locale=en&epochs=100000');
  const body = page.locator('body');
  await expect(body).toHaveAttribute('data-last-ready', /\d+/);
  await expect(body).toHaveAttribute('data-last-resize', /\d+/);
  const frameElement = page.locator('iframe#dropout-lab');
  await expect(frameElement).toHaveAttribute('sandbox', EMBED_SANDBOX);
  const lab = page.frameLocator('iframe#dropout-lab');
  await expect(lab.locator('main#lab')).toBeVisible();
  // The frame is as tall as the lab's content: no inner scroll bar and no empty space.
  await expect
    .poll(async () => {
      const frameHeight = (await frameElement.boundingBox())?.height ?? 0;
      const contentHeight = await lab.locator('body').evaluate((element) => element.getBoundingClientRect().height);
      return Math.abs(frameHeight - 2 - contentHeight); // 2 px: the frame's 1 px border, top and bottom
    })
    .toBeLessThanOrEqual(1);
  const hostState = page.locator('#lab-state');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(hostState).toHaveAttribute('data-running', 'true');
  await expect.poll(async () => Number(await hostState.getAttribute('data-epoch'))).toBeGreaterThan(0);
  await expect(lab.locator('[data-run-status]')).toHaveAttribute('data-running', 'true');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(hostState).toHaveAttribute('data-running', 'false');
  await expect(lab.locator('[data-run-status]')).toHaveAttribute('data-running', 'false');
  const stoppedAt = await lab.locator('[data-run-status]').getAttribute('data-epoch');
  await page.waitForTimeout(1200);
  await expect(lab.locator('[data-run-status]')).toHaveAttribute('data-epoch', stoppedAt ?? '');
  // `set` is validated like a URL value: a good p is applied, a bad one is refused and reported.
  await page.getByRole('button', { name: 'Set p = 0.5' }).click();
  await expect(hostState).toHaveAttribute('data-p', '0.5');
  await page.evaluate((origin) => {
    const frame = document.querySelector('iframe')!.contentWindow!;
    frame.postMessage({ target: 'dropout-lab', type: 'set', settings: { p: 'lots' } }, origin);
    for (const junk of [null, 'play', 42, { target: 'dropout-lab' }, { target: 'dropout-lab', type: 'set', settings: 'p=1' }]) {
      frame.postMessage(junk, origin);
    }
  }, labOrigin);
  await expect(page.locator('#message-log')).toContainText('error: invalidSetting');
  await expect(hostState).toHaveAttribute('data-p', '0.5');
  // The tensor lab's settings change that panel only: the training run stays where it was.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await hostState.getAttribute('data-epoch'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(lab.locator('[data-run-status]')).toHaveAttribute('data-running', 'false');
  const epochBefore = (await lab.locator('[data-run-status]').getAttribute('data-epoch')) ?? '';
  expect(Number(epochBefore)).toBeGreaterThan(0);
  await page.evaluate((origin) => {
    const frame = document.querySelector('iframe')!.contentWindow!;
    frame.postMessage({ target: 'dropout-lab', type: 'set', settings: { tp: 0.25, tpass: 3 } }, origin);
  }, labOrigin);
  await expect(lab.getByTestId('tensor-status')).toContainText('Pass 3');
  await expect(lab.getByTestId('tensor-code')).toContainText('p=0.25');
  await expect(lab.locator('[data-run-status]')).toHaveAttribute('data-epoch', epochBefore);
});

test('a command from an origin the lab was not told to trust is ignored', async ({ page }) => {
  // The lab trusts 127.0.0.1 (its own origin), but the page around it is localhost.
  const lab = `?locale=en&parent=${encodeURIComponent(labOrigin)}`;
  await openHostPage(page, lab);
  // ready and resize still reach any host (they are needed for auto-height and reveal nothing).
  await expect(page.locator('body')).toHaveAttribute('data-last-resize', /\d+/);
  const status = page.frameLocator('iframe#dropout-lab').locator('[data-run-status]');
  await expect(status).toHaveAttribute('data-epoch', '0');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1500);
  await expect(status).toHaveAttribute('data-running', 'false');
  await expect(status).toHaveAttribute('data-epoch', '0');
  // And the lab's state is not told to that page.
  await expect(page.locator('body')).not.toHaveAttribute('data-last-state', /\d+/);
});

test.describe('the code the Embed dialog writes, pasted into a course page', () => {
  // The course page is the example host page's origin with its content replaced by the pasted code: a page served
  // from this machine (Chromium refuses a frame of 127.0.0.1 in a page that Playwright made up), whose own
  // Content-Security-Policy would refuse the pasted inline script.
  test.use({ bypassCSP: true });

  test('keeps the frame as tall as the lesson, and shows a new step from its top', async ({ page }) => {
    const code = embedSnippet({
      appUrl: `${labOrigin}/`,
      settings: { ...defaultUrlSettings(), view: 'lesson', locale: 'en' },
      panels: ['network', 'loss'],
      parent: hostOrigin,
      title: 'Dropout Lab',
    });
    const [markup, script] = code.split(/<script>|<\/script>/);
    await page.goto(`${hostOrigin}/embed-example.html`);
    await page.evaluate((frameMarkup) => {
      // Text below the frame too, so that the page is still long when the next step's frame is shorter.
      document.body.innerHTML = `<h1>Week 3</h1><p style="height:600px">Reading.</p>${frameMarkup}<p style="height:3000px">More reading.</p>`;
    }, markup);
    await page.addScriptTag({ content: script });
    const frame = page.locator('iframe#dropout-lab');
    const lab = page.frameLocator('iframe#dropout-lab');
    await expect(lab.getByTestId('lesson-next')).toBeVisible();
    await expect
      .poll(async () => Math.abs((await frame.boundingBox())!.height - (await lab.locator('body').evaluate((body) => body.getBoundingClientRect().height))))
      .toBeLessThanOrEqual(1);
    await lab.getByTestId('lesson-next').scrollIntoViewIfNeeded();
    expect((await frame.boundingBox())!.y).toBeLessThan(0);
    await lab.getByTestId('lesson-next').click();
    await expect(lab.locator('.lesson')).toHaveAttribute('data-step-number', '2');
    await expect.poll(async () => (await frame.boundingBox())!.y).toBeGreaterThanOrEqual(-1);
  });
});

test('the Embed dialog builds the iframe code from the current settings and checks the origin field', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: labOrigin });
  await openApp(page, '?locale=en&p=0.4&seed=889');
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this lab in a course page' });
  const code = dialog.getByLabel('Code to paste');
  await expect(code).toHaveValue(/sandbox="allow-scripts allow-same-origin allow-downloads" allow="fullscreen; clipboard-write"/);
  // The frame opens the screen it was copied from by name (a link of Lab settings alone would too).
  await expect(code).toHaveValue(/\?view=lab&amp;p=0\.4&amp;seed=889&amp;locale=en&amp;embed=1/);
  await dialog.getByLabel('The fitted function').uncheck();
  await dialog.getByLabel('nn.Dropout, number by number').uncheck();
  await expect(code).toHaveValue(/panels=network,loss/);
  const origin = dialog.getByLabel(/Your page’s address/);
  await origin.fill('course.example');
  await expect(origin).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Enter a web address that starts with https://')).toBeVisible();
  await expect(code).not.toHaveValue(/parent=/);
  await origin.fill('https://course.example/ml/week3');
  await expect(origin).not.toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveValue(/parent=https%3A%2F%2Fcourse\.example/);
  await dialog.getByRole('button', { name: 'Copy code' }).click();
  await expect(dialog.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
});

test('full screen refused inside a frame without allow="fullscreen" becomes a notice, not an error', async ({ page }) => {
  await openHostPage(page, '?locale=en');
  await page.evaluate(() => document.querySelector('iframe')?.removeAttribute('allow'));
  await page.evaluate(() => {
    const frame = document.querySelector('iframe')!;
    frame.src = frame.src; // the allow attribute is read when the frame navigates
  });
  const lab = page.frameLocator('iframe#dropout-lab');
  await expect(lab.locator('main#lab')).toBeVisible();
  await lab.locator('main#lab').focus();
  await page.keyboard.press('f');
  await expect(lab.locator('[data-notice-key="fullscreen"]')).toContainText('Full screen is not available here');
});
