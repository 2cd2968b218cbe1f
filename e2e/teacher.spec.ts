/**
 * The teacher layer (issue 11): the step's notes in both languages, a QR code of the student link that a phone
 * can read, links that remove chosen controls, and the mystery-p challenge that keeps p out of the page and the
 * link until it is revealed.
 */
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import type { Page } from '@playwright/test';
import { test, expect, revealPanels } from './fixtures';
import { LESSON_STEPS } from '../src/state/lesson/steps';
import { HIDEABLE_CONTROLS } from '../src/state/teacher/hideList';
import { decodeMysteryToken, encodeMysteryP } from '../src/state/teacher/mysteryToken';
import { lessonEn } from '../src/i18n/lesson.en';
import { stepText } from './lessonTexts';
import { lessonZhCN } from '../src/i18n/lesson.zh-CN';
import { en } from '../src/i18n/en';

const SHOTS = process.env.SHOTS_DIR ?? 'screenshots';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Reads the QR code the page drew: its SVG rendered to a canvas in the page, then decoded here by jsQR. The
 * pixels travel as one character each (dark or light), a fraction of the size of an RGBA array.
 */
async function readQr(page: Page, testId: string): Promise<string | null> {
  const side = 400;
  const pixels = await page.getByTestId(testId).evaluate(async (svg, size) => {
    const source = new XMLSerializer().serializeToString(svg);
    const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
    const img = new Image(size, size);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0, size, size);
    URL.revokeObjectURL(url);
    const { data } = context.getImageData(0, 0, size, size);
    let text = '';
    for (let i = 0; i < data.length; i += 4) text += data[i] < 128 ? '1' : '0';
    return text;
  }, side);
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let i = 0; i < pixels.length; i++) {
    const value = pixels[i] === '1' ? 0 : 255;
    rgba.set([value, value, value, 255], i * 4);
  }
  const code = jsQR(rgba, side, side);
  return code ? code.data : null;
}

/** The page's own link without the teacher layer: what students should open. */
function withoutTeacher(url: string): string {
  return url.replace(/([?&])teacher=1(&|$)/, (_match, before: string, after: string) => (after ? before : '')).replace(/\?$/, '');
}

async function waitForTeacherPanel(page: Page): Promise<void> {
  await expect(page.getByTestId('teacher-panel')).toBeVisible();
  await expect(page.locator('html[data-shortcuts="on"]')).toHaveCount(1);
}

for (const [locale, strings] of [['en', lessonEn], ['zh-CN', lessonZhCN]] as const) {
  test(`the teacher notes follow every step (${locale})`, async ({ page }) => {
    await page.goto(`./?view=lesson&step=1&teacher=1&locale=${locale}`);
    await waitForTeacherPanel(page);
    for (const [index, step] of LESSON_STEPS.entries()) {
      const note = stepText(locale, step.id).teacher;
      const notes = page.getByTestId('teacher-notes');
      await expect(notes).toHaveAttribute('data-step', step.id);
      await expect(notes.getByTestId('teacher-goal')).toHaveText(note.goal);
      await expect(notes.getByTestId('teacher-ask')).toHaveText(note.ask);
      await expect(notes.getByTestId('teacher-minutes')).toHaveText(strings.teacher.minutes(step.teacher.minutes));
      const beliefs = step.teacher.misconceptions.map((id) => strings.misconceptions[id]);
      await expect(notes.getByTestId('teacher-misconception').locator('li')).toHaveText(beliefs);
      if (index < LESSON_STEPS.length - 1) await page.getByTestId('lesson-next').click();
    }
  });
}

test('the Teacher button opens and closes the layer, and the link follows', async ({ page }) => {
  await page.goto('./?view=lesson&step=2');
  await expect(page.getByTestId('lesson-card')).toBeVisible();
  await expect(page.getByTestId('teacher-panel')).toHaveCount(0);
  const button = page.getByRole('button', { name: en.shell.teacher, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('teacher-panel')).toBeVisible();
  await expect(page).toHaveURL(/teacher=1/);
  await button.click();
  await expect(page.getByTestId('teacher-panel')).toHaveCount(0);
  await expect(page).not.toHaveURL(/teacher=/);
});

test('the QR code encodes the current step’s link (without the teacher layer) and follows the step', async ({ page }) => {
  await page.goto('./?view=lesson&step=3&teacher=1&locale=zh-CN');
  await waitForTeacherPanel(page);
  const urlText = page.getByTestId('teacher-url');
  await expect(urlText).toHaveText(withoutTeacher(page.url()));
  expect(page.url()).toContain('teacher=1');
  expect(await urlText.textContent()).not.toContain('teacher');
  expect(await readQr(page, 'teacher-qr')).toBe(withoutTeacher(page.url()));

  await page.getByTestId('lesson-next').click();
  await expect(page).toHaveURL(/step=4/);
  await expect(urlText).toHaveText(withoutTeacher(page.url()));
  expect(await readQr(page, 'teacher-qr')).toBe(withoutTeacher(page.url()));

  // Hiding controls changes the student link, not the teacher's own page.
  await page.locator('[data-hide="settings"]').check();
  await page.locator('[data-hide="language"]').check();
  const expected = `${withoutTeacher(page.url())}&hide=language,settings`;
  await expect(urlText).toHaveText(expected);
  expect(await readQr(page, 'teacher-qr')).toBe(expected);
  await expect(page.locator('.locale-picker')).toHaveCount(1);

  // Large enough for the back of the room: the large view fills most of the screen and reads the same.
  await page.getByTestId('teacher-qr-large').click();
  const big = page.getByTestId('teacher-qr-big');
  await expect(big).toBeVisible();
  const box = (await big.boundingBox())!;
  expect(box.height).toBeGreaterThan(800 * 0.7);
  expect(await readQr(page, 'teacher-qr-big')).toBe(expected);
  await page.keyboard.press('Escape');
  await expect(big).toHaveCount(0);
});

/** Each hideable control, found by what the page renders for it. */
const CONTROL_SELECTORS: Record<(typeof HIDEABLE_CONTROLS)[number], string> = {
  screens: '.screen-tabs',
  language: '.locale-picker select',
  present: `.header-tools button[title="${en.shell.presentTitle}"]`,
  teacher: '[data-testid="teacher-toggle"]',
  settings: '[data-panel-extra="settings"]',
  seed: '[data-panel-extra="settings"] input[name="seed"]',
  p: '[data-testid="p-slider"]',
  speed: '[data-speed]',
  tensorControls: '[data-testid="tensor-forward"]',
  sweep: '[data-panel-extra="sweep"]',
};

test('hide= removes the chosen controls from the page (not only from view)', async ({ page }) => {
  // Every control is there without hide= …
  await page.goto('./?view=lab');
  await revealPanels(page);
  for (const id of HIDEABLE_CONTROLS) {
    await expect(page.locator(CONTROL_SELECTORS[id]).first(), id).toBeAttached();
  }
  // … and hide= takes each one out of the DOM, leaving the rest.
  await page.goto(`./?view=lab&hide=${HIDEABLE_CONTROLS.join(',')}`);
  await revealPanels(page);
  await expect(page.getByTestId('play')).toBeVisible();
  for (const id of HIDEABLE_CONTROLS) await expect(page.locator(CONTROL_SELECTORS[id]), id).toHaveCount(0);
  expect(await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
});

test('the teacher panel builds a hide link that works', async ({ page }) => {
  await page.goto('./?view=lab&teacher=1');
  await waitForTeacherPanel(page);
  await page.locator('[data-hide="p"]').check();
  await page.locator('[data-hide="speed"]').check();
  const link = await page.getByTestId('teacher-url').textContent();
  expect(link).toMatch(/[?&]hide=p,speed(&|$)/);
  await page.goto(link!);
  // Every panel is there before the hidden controls are looked for, or their absence would prove nothing.
  await revealPanels(page);
  await expect(page.getByTestId('play')).toBeVisible();
  await expect(page.locator('[data-testid="p-slider"]')).toHaveCount(0);
  await expect(page.locator('[data-speed]')).toHaveCount(0);
  await expect(page.getByTestId('teacher-panel')).toHaveCount(0);
  await expect(page.getByTestId('step-pass')).toBeVisible();
  // The keys that stand in for the hidden p slider are off too: [ and ] leave p (and the link) as they are.
  await expect(page.locator('html[data-shortcuts="on"]')).toHaveCount(1);
  const before = page.url();
  await page.keyboard.press(']');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await page.keyboard.press('r');
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '0');
  expect(page.url()).toBe(before);
  expect(page.url()).not.toMatch(/[?&]p=/);
});

/** Every way p could be written on the page: 0.63 → "0.63", ".63", "63%", and its scale 1/(1 − p). */
function spellings(p: number): string[] {
  const text = String(p);
  const scale = (1 / (1 - p)).toFixed(4);
  return [text, text.replace(/^0/, ''), `${Math.round(p * 100)}%`, text.replace('.', ','), scale];
}

/**
 * Icons drawn from constants, the same markup for every p: the panel's enlarge icon (its path has "9.5 2.5…" and
 * a stroke width of 1.6) and the legends' line swatches. A random p of 0.5 or 0.6 found "its" spelling there.
 */
const FIXED_ICONS = '.panel-enlarge-icon, .line-swatch';

async function leaks(page: Page, p: number): Promise<string[]> {
  // Without the test server's own address: http://127.0.0.1 spells "0.1" and ".1", so a random p of 0.1 (one
  // draw in 91) failed the test with no leak on the page. Nor the fixed icons (FIXED_ICONS).
  const html = await page.evaluate((icons) => {
    const copy = document.documentElement.cloneNode(true) as Element;
    for (const icon of copy.querySelectorAll(icons)) icon.remove();
    return `${copy.outerHTML}\n${document.title}\n${location.href}`.split(location.origin).join('');
  }, FIXED_ICONS);
  return spellings(p).filter((spelling) => html.includes(spelling));
}

test('mystery p: nothing else on the challenge page can spell p by chance (p = 0.3, the Lab’s own default p)', async ({ page }) => {
  const p = 0.3;
  // All panels asked for, and the Lab's training p is 0.3 too: the challenge page still shows the tensor lab alone.
  await page.goto(`./?view=lab&teacher=1&mystery=${encodeMysteryP(p, 4242)}`);
  await waitForTeacherPanel(page);
  await expect(page.getByTestId('mystery-lab')).toBeVisible();
  await page.getByTestId('mystery-forward-100').click();
  await expect(page.getByTestId('mystery-totals')).toContainText('101');
  expect(await leaks(page, p)).toEqual([]);
  await page.getByTestId('teacher-reveal').click();
  await expect(page.getByTestId('mystery-code')).toContainText('nn.Dropout(p=0.3)');
});

test('mystery p: not in the DOM, the title or the URL until revealed; estimates are judged; reveal shows it', async ({ page }) => {
  const p = 0.63;
  const token = encodeMysteryP(p, 12_345);
  await page.goto(`./?view=lab&panels=tensor&teacher=1&mystery=${token}`);
  await waitForTeacherPanel(page);
  const lab = page.getByTestId('mystery-lab');
  await expect(lab).toBeVisible();
  await expect(page.getByTestId('mystery-code')).toContainText('nn.Dropout(p=?)');
  expect(await leaks(page, p)).toEqual([]);

  await page.getByTestId('mystery-forward-100').click();
  await expect(page.getByTestId('mystery-totals')).toContainText('101');
  await page.getByTestId('mystery-estimate').fill('0.6');
  await page.getByTestId('mystery-check').click();
  await expect(page.getByTestId('mystery-verdict')).toHaveAttribute('data-verdict', 'close');
  await page.getByTestId('mystery-estimate').fill('0.2');
  await page.getByTestId('mystery-check').click();
  await expect(page.getByTestId('mystery-verdict')).toHaveAttribute('data-verdict', 'far');
  // The large QR dialog holds the link too: still nothing.
  await page.getByTestId('teacher-qr-large').click();
  await expect(page.getByTestId('teacher-qr-big')).toBeVisible();
  expect(await leaks(page, p)).toEqual([]);
  await page.keyboard.press('Escape');
  expect(await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

  await page.getByTestId('teacher-reveal').click();
  await expect(page.getByTestId('teacher-revealed')).toContainText('0.63');
  await expect(page.getByTestId('mystery-revealed')).toContainText('0.63');
  await expect(page.getByTestId('mystery-code')).toContainText('nn.Dropout(p=0.63)');
  expect(await leaks(page, p)).toEqual(expect.arrayContaining(['0.63', '2.7027']));
  // The reveal is this page's: the link never carries p.
  expect(page.url()).not.toContain('0.63');
});

test('mystery p started from the teacher panel: the link carries a code, not p', async ({ page }) => {
  await page.goto('./?view=lesson&step=2&teacher=1');
  await waitForTeacherPanel(page);
  await page.getByTestId('teacher-mystery-start').click();
  await expect(page.getByTestId('mystery-lab')).toBeVisible();
  const token = new URL(page.url()).searchParams.get('mystery')!;
  expect(token).toMatch(/^[a-z]{10}$/);
  const decoded = decodeMysteryToken(token);
  if (!decoded.ok) throw new Error(`the page wrote a token it cannot read: ${token}`);
  expect(await leaks(page, decoded.p)).toEqual([]);
  await expect(page.getByTestId('teacher-url')).toContainText(`mystery=${token}`);
  expect(await readQr(page, 'teacher-qr')).toBe(withoutTeacher(page.url()));
  // A student asks to see it.
  await page.getByTestId('mystery-show').click();
  await expect(page.getByTestId('mystery-revealed')).toContainText(String(decoded.p));
  await page.getByTestId('teacher-mystery-end').click();
  await expect(page.getByTestId('tensor-lab')).toBeVisible();
  await expect(page).not.toHaveURL(/mystery=/);
});

test('a damaged mystery link says so beside the tensor lab and falls back to the usual lab', async ({ page }) => {
  const token = encodeMysteryP(0.37, 99);
  const tampered = token.slice(0, 4) + (token[4] === 'b' ? 'c' : 'b') + token.slice(5);
  await page.goto(`./?view=lab&panels=tensor&mystery=${tampered}`);
  await expect(page.getByTestId('mystery-bad-token')).toBeVisible();
  await expect(page.getByTestId('tensor-lab')).toBeVisible();
  await expect(page.getByTestId('mystery-lab')).toHaveCount(0);
  await expect(page.locator('[data-notice-key^="url:mystery"]')).toHaveCount(1);
});

test('the teacher layer is axe-clean in the Lesson, in present mode, in Chinese', async ({ page }) => {
  await page.goto('./?view=lesson&step=1&teacher=1&mode=present&locale=zh-CN');
  await waitForTeacherPanel(page);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // Present mode: no text of the teacher layer below 20 px.
  const small = await page.getByTestId('teacher-panel').evaluate((panel) =>
    [...panel.querySelectorAll<HTMLElement>('*')]
      .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim() !== ''))
      .filter((element) => parseFloat(getComputedStyle(element).fontSize) < 20)
      .map((element) => element.textContent!.trim().slice(0, 30)),
  );
  expect(small).toEqual([]);
});

for (const locale of ['en', 'zh-CN'] as const) {
  test(`@shots the teacher layer with its QR code (${locale})`, async ({ page }) => {
    for (const [name, size, mode] of [
      ['phone', { width: 390, height: 844 }, 'normal'],
      ['laptop', { width: 1280, height: 800 }, 'normal'],
      ['present', { width: 1920, height: 1080 }, 'present'],
    ] as const) {
      await page.setViewportSize(size);
      await page.goto(`./?view=lesson&step=2&teacher=1&locale=${locale}&mode=${mode}`);
      await waitForTeacherPanel(page);
      await page.screenshot({ path: `${SHOTS}/teacher-${locale}-${name}-top.png` });
      await page.getByTestId('teacher-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${SHOTS}/teacher-${locale}-${name}-panel.png` });
      await page.getByTestId('teacher-qr').evaluate((qr) => qr.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: `${SHOTS}/teacher-${locale}-${name}-qr.png` });
      if (name === 'present') {
        await page.getByTestId('teacher-qr-large').click();
        await expect(page.getByTestId('teacher-qr-big')).toBeVisible();
        await page.screenshot({ path: `${SHOTS}/teacher-${locale}-present-large-qr.png` });
      }
    }
  });
}

test('@shots the mystery-p challenge (en, laptop; zh-CN, phone)', async ({ page }) => {
  const token = encodeMysteryP(0.63, 7);
  await page.goto(`./?view=lab&panels=tensor&teacher=1&mystery=${token}`);
  await waitForTeacherPanel(page);
  await page.screenshot({ path: `${SHOTS}/mystery-en-laptop-top.png` });
  await page.getByTestId('mystery-forward-10').click();
  await page.getByTestId('mystery-lab').evaluate((lab) => lab.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/mystery-en-laptop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`./?view=lab&panels=tensor&locale=zh-CN&mystery=${token}`);
  await page.getByTestId('mystery-forward-100').click();
  await page.getByTestId('mystery-estimate').fill('0.5');
  await page.getByTestId('mystery-check').click();
  await page.getByTestId('mystery-lab').evaluate((lab) => lab.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/mystery-zh-CN-phone.png`, fullPage: false });
  await page.getByTestId('mystery-verdict').evaluate((verdict) => verdict.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `${SHOTS}/mystery-zh-CN-phone-estimate.png` });
});

/**
 * The README's picture of a step in present mode with the teacher layer. SHOTS_ORIGIN serves the build at an
 * address a phone could reach (e.g. http://192.0.2.2:4241); on 127.0.0.1 the panel rightly warns that phones
 * cannot open a localhost link.
 */
test('@shots the README picture: the first step, present mode, teacher layer and QR code', async ({ page }) => {
  const origin = process.env.SHOTS_ORIGIN ?? '.';
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${origin}/?view=lesson&step=1&teacher=1&mode=present`);
  await waitForTeacherPanel(page);
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
  await page.getByTestId('lesson-main').click();
  await expect(page.locator('[data-epoch]').first()).toHaveAttribute('data-epoch', /^([4-9]\d\d|\d{4,})$/, { timeout: 30_000 });
  await page.getByTestId('lesson-main').click();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/lesson-teacher-present.png` });
});
