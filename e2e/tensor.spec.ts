import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures';

const ARTICLE_OUTPUT =
  'tensor([ 0.0000,  6.6667, 10.0000,  0.0000,  0.0000,  0.0000,  0.0000, 26.6667,\n         0.0000,  0.0000])';
const ARTICLE_INPUT_PRINT = 'tensor([ 1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10.])';

const lab = (page: Page) => page.locator('section[data-panel="tensor"]');
/** Exact text, whitespace and line breaks included (toHaveText would normalise them). */
const exactText = (page: Page, testId: string) => lab(page).getByTestId(testId).evaluate((node) => node.textContent ?? '');
/** The mask of the shown pass as a string of 1 (kept) and 0 (dropped). */
const mask = (page: Page) =>
  lab(page)
    .getByTestId('tensor-path-row')
    .evaluateAll((rows) => rows.map((row) => (row.classList.contains('is-kept') ? '1' : '0')).join(''));
const histogramTotal = (page: Page) =>
  lab(page)
    .locator('[data-testid="tensor-histogram"] rect[data-count]')
    .evaluateAll((bars) => bars.reduce((sum, bar) => sum + Number(bar.getAttribute('data-count')), 0));

test.describe('tensor lab', () => {
  test("first load prints the article's exact output, the scale and the facts", async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    expect(await exactText(page, 'tensor-output')).toBe(ARTICLE_OUTPUT);
    expect(await exactText(page, 'tensor-x-after')).toBe(ARTICLE_INPUT_PRINT);
    const code = await exactText(page, 'tensor-code');
    expect(code.startsWith('import numpy as np\nimport torch\nfrom torch import nn')).toBe(true);
    expect(code).toContain('nn.Dropout(p=0.7)');
    await expect(lab(page).getByTestId('tensor-scale')).toHaveText('3.3333');
    await expect(lab(page).getByTestId('tensor-article-proof')).toContainText('2 became 6.6667');
    await expect(lab(page).getByTestId('tensor-article-proof')).toContainText('2 / 0.7 = 2.8571');
    await expect(lab(page).getByTestId('tensor-facts')).toContainText('n·p = 7');
    await expect(lab(page).getByTestId('tensor-facts')).toContainText('2.82%');
    expect(await mask(page)).toBe('0110000100');
    await expect(lab(page).getByTestId('tensor-status')).toHaveText('Pass 1: 7 of 10 dropped.');
  });

  test('forward again draws a new mask and grows the histogram', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    expect(await histogramTotal(page)).toBe(1);
    const first = await mask(page);
    await lab(page).getByTestId('tensor-forward').click();
    await expect(lab(page).getByTestId('tensor-pass-count')).toHaveText('Passes so far: 2');
    expect(await histogramTotal(page)).toBe(2);
    expect(await mask(page)).not.toBe(first);
    await expect(lab(page).getByTestId('tensor-numpy')).toContainText('rng.random_sample(10)');
    await lab(page).getByTestId('tensor-forward-many').click();
    await expect(lab(page).getByTestId('tensor-pass-count')).toHaveText('Passes so far: 102');
    expect(await histogramTotal(page)).toBe(102);
  });

  test('a shared link reproduces exactly what the teacher sees', async ({ page, browser }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    await lab(page).getByTestId('tensor-seed-input').fill('2024');
    await lab(page).getByTestId('tensor-p-input').fill('0.35');
    await lab(page).getByTestId('tensor-x-input').fill('[-1.5, 2.25, 10, -0, 7]');
    await lab(page).getByTestId('tensor-inplace').check();
    for (let i = 0; i < 3; i++) await lab(page).getByTestId('tensor-forward').click();
    await expect(lab(page).getByTestId('tensor-pass-count')).toHaveText('Passes so far: 4');
    const url = new URL(page.url());
    expect(url.search).toBe('?locale=en&embed=1&panels=tensor&tp=0.35&tseed=2024&tx=-1.5,2.25,10,-0,7&tinplace=1&tpass=4');
    const seen = async (target: Page) => ({
      output: await exactText(target, 'tensor-output'),
      xAfter: await exactText(target, 'tensor-x-after'),
      mask: await mask(target),
      total: await histogramTotal(target),
      numpy: await exactText(target, 'tensor-numpy'),
      status: await exactText(target, 'tensor-status'),
      fields: await Promise.all(
        ['tensor-p-input', 'tensor-seed-input', 'tensor-x-input'].map((id) => lab(target).getByTestId(id).inputValue()),
      ),
    });
    const teacher = await seen(page);
    expect(teacher.total).toBe(4);
    expect(teacher.numpy).toContain('rng.random_sample(15)');
    expect(teacher.fields).toEqual(['0.35', '2024', '[-1.5, 2.25, 10, -0, 7]']);

    const student = await browser.newPage();
    await openApp(student, url.search);
    await expect(lab(student).getByTestId('tensor-pass-count')).toHaveText('Passes so far: 4');
    expect(await seen(student)).toEqual({ ...teacher, fields: ['0.35', '2024', '-1.5, 2.25, 10, -0, 7'] });
    await expect(student.locator('.notices .notice')).toHaveCount(0);
    await student.close();
  });

  test('a link can open in eval() mode, and the article example clears the link', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en&tmode=eval&tp=0.2&tpass=9');
    expect(await exactText(page, 'tensor-output')).toBe(ARTICLE_INPUT_PRINT);
    await expect(lab(page).getByTestId('tensor-eval')).toHaveAttribute('aria-pressed', 'true');
    await expect(lab(page).getByTestId('tensor-forward')).toBeDisabled();
    await lab(page).getByTestId('tensor-train').click();
    await expect(lab(page).getByTestId('tensor-status')).toHaveText(/^Pass 9: /);
    expect(new URL(page.url()).search).toBe('?locale=en&embed=1&panels=tensor&tp=0.2&tpass=9');
    await lab(page).getByTestId('tensor-article').click();
    expect(await exactText(page, 'tensor-output')).toBe(ARTICLE_OUTPUT);
    await expect(lab(page).getByTestId('tensor-p-input')).toHaveValue('0.7');
    expect(new URL(page.url()).search).toBe('?locale=en&embed=1&panels=tensor');
  });

  test('bad tensor settings in a link are named in notices, and the article is shown', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en&tp=1.5&tseed=-1&tx=1,two,3&tmode=test&tinplace=2&tpass=0');
    for (const param of ['tp', 'tseed', 'tx', 'tmode', 'tinplace', 'tpass']) {
      await expect(page.locator('.notices .notice').filter({ hasText: `“${param}=` })).toHaveCount(1);
    }
    expect(await exactText(page, 'tensor-output')).toBe(ARTICLE_OUTPUT);
    expect(await mask(page)).toBe('0110000100');
  });

  test('a field keeps what the student typed until the setting changes from elsewhere', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en&tp=0.25&tseed=5');
    const pField = lab(page).getByTestId('tensor-p-input');
    await expect(pField).toHaveValue('0.25');
    await pField.fill('0.');
    await expect(lab(page).getByTestId('tensor-p-error')).toHaveText('');
    await pField.fill('abc');
    await expect(pField).toHaveAttribute('aria-invalid', 'true');
    await lab(page).getByTestId('tensor-article').click();
    await expect(pField).toHaveValue('0.7');
    await expect(pField).not.toHaveAttribute('aria-invalid', 'true');
    await expect(lab(page).getByTestId('tensor-seed-input')).toHaveValue('889');
    // Even when the value behind a field does not change, the article button clears what was typed.
    const vector = lab(page).getByTestId('tensor-x-input');
    await vector.fill('1, two');
    await expect(vector).toHaveAttribute('aria-invalid', 'true');
    await pField.fill('');
    await lab(page).getByTestId('tensor-article').click();
    await expect(vector).toHaveValue('1, 2, 3, 4, 5, 6, 7, 8, 9, 10');
    await expect(pField).toHaveValue('0.7');
    await expect(lab(page).getByTestId('tensor-x-error')).toHaveText('');
    await expect(lab(page).getByTestId('tensor-p-error')).toHaveText('');
  });

  test('clicks in the tensor lab do not wipe what is being typed in the training settings', async ({ page }) => {
    await openApp(page, '?locale=en');
    const rate = page.getByLabel('Learning rate', { exact: true });
    await rate.fill('0.05');
    await lab(page).getByTestId('tensor-forward').click();
    await expect(lab(page).getByTestId('tensor-pass-count')).toHaveText('Passes so far: 2');
    await expect(page).toHaveURL(/tpass=2/);
    await expect(rate).toHaveValue('0.05');
  });

  test('eval() returns x unchanged and draws nothing', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    await lab(page).getByTestId('tensor-eval').click();
    expect(await exactText(page, 'tensor-output')).toBe(ARTICLE_INPUT_PRINT);
    await expect(lab(page).getByTestId('tensor-forward')).toBeDisabled();
    await expect(lab(page).getByTestId('tensor-code')).toContainText('dropout.eval()');
    await lab(page).getByTestId('tensor-train').click();
    expect(await exactText(page, 'tensor-output')).toBe(ARTICLE_OUTPUT);
  });

  test('inplace=True overwrites x itself', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    await lab(page).getByTestId('tensor-inplace').check();
    expect(await exactText(page, 'tensor-x-after')).toBe(ARTICLE_OUTPUT);
    await expect(lab(page).getByTestId('tensor-x-after-label')).toContainText('y is x → True');
  });

  test('restarting from the same seed replays the same sequence of masks', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    await lab(page).getByTestId('tensor-seed-input').fill('2024');
    const sequence: string[] = [];
    for (let pass = 0; pass < 4; pass++) {
      sequence.push(await mask(page));
      await lab(page).getByTestId('tensor-forward').click();
    }
    expect(new Set(sequence).size).toBeGreaterThan(1);
    await lab(page).getByTestId('tensor-restart').click();
    await expect(lab(page).getByTestId('tensor-pass-count')).toHaveText('Passes so far: 1');
    const replay: string[] = [];
    for (let pass = 0; pass < 4; pass++) {
      replay.push(await mask(page));
      await lab(page).getByTestId('tensor-forward').click();
    }
    expect(replay).toEqual(sequence);
  });

  test('bad p values show PyTorch’s message beside the field and keep the last result', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    const field = lab(page).getByTestId('tensor-p-input');
    const error = lab(page).getByTestId('tensor-p-error');
    const cases: [string, string][] = [
      ['1.5', 'dropout probability has to be between 0 and 1, but got 1.5'],
      ['-0.1', 'dropout probability has to be between 0 and 1, but got -0.1'],
      ['abc', '“abc” is not a number'],
      ['', 'Enter a drop probability between 0 and 1.'],
    ];
    for (const [typed, message] of cases) {
      await field.fill(typed);
      await expect(error).toContainText(message);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAttribute('aria-describedby', 'tensor-p-error');
      expect(await exactText(page, 'tensor-output')).toBe(ARTICLE_OUTPUT);
    }
    await field.fill('1');
    await expect(error).toHaveText('');
    expect(await exactText(page, 'tensor-output')).toBe('tensor([0., 0., 0., 0., 0., 0., 0., 0., 0., 0.])');
    await expect(lab(page).getByTestId('tensor-p-one-note')).toContainText('nothing is left to rescale');
  });

  test('bad seeds and vectors show a message and keep the last result', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    const seed = lab(page).getByTestId('tensor-seed-input');
    for (const typed of ['4294967296', '-1', 'abc', '']) {
      await seed.fill(typed);
      await expect(lab(page).getByTestId('tensor-seed-error')).toContainText(typed === '' ? 'Enter a seed' : 'not a valid seed');
      await expect(seed).toHaveAttribute('aria-invalid', 'true');
      expect(await exactText(page, 'tensor-output')).toBe(ARTICLE_OUTPUT);
    }
    await seed.fill('889');
    const vector = lab(page).getByTestId('tensor-x-input');
    const error = lab(page).getByTestId('tensor-x-error');
    const cases: [string, string][] = [
      ['1, two, 3', 'Entry 2, “two”, is not a number.'],
      [Array.from({ length: 65 }, (_, i) => i).join(', '), 'You entered 65 numbers; the lab takes at most 64.'],
      ['', 'Enter at least one number.'],
    ];
    for (const [typed, message] of cases) {
      await vector.fill(typed);
      await expect(error).toContainText(message);
      await expect(vector).toHaveAttribute('aria-invalid', 'true');
      expect(await exactText(page, 'tensor-output')).toBe(ARTICLE_OUTPUT);
    }
    await vector.fill('[-1.5, 2.25, 10]');
    await expect(vector).not.toHaveAttribute('aria-invalid', 'true');
    await expect(lab(page).getByTestId('tensor-path-row')).toHaveCount(3);
  });

  test('the Python snippets carry the current seed and p, and copy', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    await lab(page).getByTestId('tensor-seed-input').fill('1234');
    await lab(page).getByTestId('tensor-p-input').fill('0.35');
    const numpy = lab(page).getByTestId('tensor-numpy');
    await expect(numpy).toContainText('rng = np.random.RandomState(1234)');
    await expect(numpy).toContainText('p = 0.35');
    await expect(lab(page).getByTestId('tensor-torch')).toContainText('torch.manual_seed(1234)');
    await expect(lab(page).getByTestId('tensor-torch')).toContainText('nn.Dropout(p=0.35)');
    await lab(page).getByTestId('tensor-numpy-copy').click();
    await expect(lab(page).getByTestId('tensor-numpy-status')).toHaveText('Copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await exactText(page, 'tensor-numpy'));
  });

  test('copying without a clipboard selects the code and says so', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    await lab(page).getByTestId('tensor-torch-copy').click();
    await expect(lab(page).getByTestId('tensor-torch-status')).toHaveText(/^Copy failed/);
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    expect(selected).toContain('torch.manual_seed(889)');
  });

  test('the slider moves p in steps of 0.05 from the keyboard', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    const slider = lab(page).getByTestId('tensor-p-slider');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(lab(page).getByTestId('tensor-p-input')).toHaveValue('0.65');
    await expect(lab(page).getByTestId('tensor-scale')).toHaveText('2.8571');
  });

  test('Chinese shows the panel in Chinese', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=zh-CN');
    await expect(lab(page).getByTestId('tensor-status')).toHaveText('第 1 次前向：10 个元素中丢弃了 7 个。');
    await expect(lab(page).getByTestId('tensor-forward')).toHaveText('再前向一次');
    await expect(lab(page).getByText('丢弃概率 p', { exact: true })).toBeVisible();
    await lab(page).getByTestId('tensor-p-input').fill('1.5');
    await expect(lab(page).getByTestId('tensor-p-error')).toContainText('丢弃概率必须在 0 到 1 之间');
    expect(await exactText(page, 'tensor-output')).toBe(ARTICLE_OUTPUT);
  });

  test('rows animate unless reduced motion is asked for', async ({ page }) => {
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    await expect(lab(page).locator('tbody.tensor-animate')).toHaveCount(1);
    // Each pass switches the animation's name, which replays it on the same rows (they are not rebuilt).
    const firstRow = await lab(page).getByTestId('tensor-path-row').first().elementHandle();
    await lab(page).getByTestId('tensor-forward').click();
    await expect(lab(page).locator('tbody.tensor-animate.is-even-pass')).toHaveCount(1);
    expect(await firstRow!.evaluate((row) => row.isConnected)).toBe(true);
    await lab(page).getByTestId('tensor-forward').click();
    await expect(lab(page).locator('tbody.tensor-animate:not(.is-even-pass)')).toHaveCount(1);
    await openApp(page, '?panels=tensor&embed=1&locale=en&motion=reduced');
    await expect(lab(page).getByTestId('tensor-path-row')).toHaveCount(10);
    await expect(lab(page).locator('tbody.tensor-animate')).toHaveCount(0);
  });

  for (const query of ['locale=en', 'locale=zh-CN&mode=present']) {
    test(`axe finds no accessibility violations in the panel (${query})`, async ({ page }) => {
      await openApp(page, `?panels=tensor&embed=1&motion=reduced&${query}`);
      await lab(page).getByTestId('tensor-forward').click();
      const results = await new AxeBuilder({ page }).include('section[data-panel="tensor"]').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('a phone shows the lab without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, '?panels=tensor&embed=1&locale=en');
    await expect(lab(page).getByTestId('tensor-output')).toBeVisible();
    // The settled page is what a student scrolls: wait for the lazy histogram and the fonts (a CJK or fallback
    // font arriving late re-measures every line), then poll, so a width taken mid-layout cannot decide.
    await expect(lab(page).getByTestId('tensor-histogram')).toBeVisible();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
        message: 'horizontal overflow in px',
      })
      .toBeLessThanOrEqual(0);
  });
});

// Screenshots for a human to look at, not a check: tagged @shots, so the suite leaves them out (see
// playwright.config.ts); `npm run shots` takes them into screenshots/tensor/.
test('tensor lab screenshots', { tag: '@shots' }, async ({ page }) => {
  const shots: [string, number, number, string][] = [
    ['desktop-en', 1280, 800, '?panels=tensor&embed=1&locale=en&motion=reduced'],
    ['desktop-zh', 1280, 800, '?panels=tensor&embed=1&locale=zh-CN&motion=reduced'],
    ['phone-en', 390, 844, '?panels=tensor&embed=1&locale=en&motion=reduced'],
    ['phone-zh', 390, 844, '?panels=tensor&embed=1&locale=zh-CN&motion=reduced'],
    ['present-en', 1920, 1080, '?panels=tensor&embed=1&locale=en&mode=present&motion=reduced'],
    ['present-zh', 1920, 1080, '?panels=tensor&embed=1&locale=zh-CN&mode=present&motion=reduced'],
  ];
  for (const [name, width, height, query] of shots) {
    await page.setViewportSize({ width, height });
    await openApp(page, query);
    await lab(page).getByTestId('tensor-forward-many').click();
    const box = await lab(page).boundingBox();
    if (!box) throw new Error(`${name}: the tensor lab is not on the page`);
    // Tall panels are cut into screen-sized slices so each can be read at full resolution.
    for (let top = box.y, part = 0; top < box.y + box.height; top += height, part++) {
      const clip = { x: 0, y: top, width, height: Math.min(height, box.y + box.height - top) };
      await page.screenshot({ path: `screenshots/tensor/${name}-${part}.png`, fullPage: true, clip });
    }
  }
});

/*
 * What a click in the tensor lab costs on the main thread, with 64 elements and ~1,900 passes so far: the click
 * handler, React's render and commit, and a forced layout. Figures are printed, never asserted.
 * BENCH=1 npx playwright test e2e/tensor.spec.ts -g @bench --workers=1
 */
test('tensor lab click cost @bench', async ({ page }) => {
  test.setTimeout(180_000);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
  for (const [name, query] of [
    ['tensor panel alone', '?panels=tensor&embed=1&locale=en&motion=reduced'],
    ['whole app', '?locale=en&motion=reduced'],
  ] as const) {
    await openApp(page, query);
    await lab(page).getByTestId('tensor-x-input').fill(Array.from({ length: 64 }, (_, i) => i + 1).join(', '));
    for (let i = 0; i < 19; i++) await lab(page).getByTestId('tensor-forward-many').click();
    await expect(lab(page).getByTestId('tensor-pass-count')).toHaveText('Passes so far: 1901');
    const times = await page.evaluate(async () => {
      const root = document.querySelector('section[data-panel="tensor"]')!;
      const forward = root.querySelector<HTMLButtonElement>('[data-testid="tensor-forward"]')!;
      const field = root.querySelector<HTMLInputElement>('[data-testid="tensor-p-input"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
      const time = async (act: () => void) => {
        const start = performance.now();
        act();
        await settle();
        void document.body.offsetHeight;
        const spent = performance.now() - start;
        await new Promise((resolve) => setTimeout(resolve, 30));
        return spent;
      };
      const forwardTimes: number[] = [];
      const pTimes: number[] = [];
      for (let i = 0; i < 41; i++) forwardTimes.push(await time(() => forward.click()));
      for (let i = 0; i < 41; i++) {
        pTimes.push(
          await time(() => {
            setValue.call(field, i % 2 === 0 ? '0.65' : '0.7');
            field.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        );
      }
      return { forwardTimes, pTimes };
    });
    await expect(lab(page).getByTestId('tensor-pass-count')).toHaveText('Passes so far: 1942');
    console.log(
      `${name}: forward again median ${median(times.forwardTimes).toFixed(2)} ms (max ${Math.max(...times.forwardTimes).toFixed(2)}), ` +
        `new p median ${median(times.pTimes).toFixed(2)} ms (max ${Math.max(...times.pTimes).toFixed(2)})`,
    );
  }
});
