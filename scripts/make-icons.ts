/**
 * The web app manifest's PNG icons (public/icons/), drawn from public/favicon.svg by the system Chromium, which
 * renders SVG exactly as the browser tab does and needs no network or image library. Run again after changing
 * the favicon: `npx tsx scripts/make-icons.ts`. The PNGs are committed; the build only copies them.
 *
 * - icon-32.png: the favicon as it is, for the browser tab (index.html links this, not the SVG: Chromium decodes
 *   an SVG favicon by building a whole SVG document on the page's main thread, a 70 ms task during start-up on
 *   a 4× slower CPU, where a PNG is decoded off it);
 * - icon-192.png, icon-512.png: the favicon as it is (purpose "any"), for the launcher and the install prompt;
 * - icon-maskable-512.png: the favicon's drawing inside the central 80 % safe zone of a full-bleed square in
 *   its own background colour, for launchers that cut icons into circles or squircles (purpose "maskable").
 */
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const svg = readFileSync(resolve('public/favicon.svg'), 'utf8');
const out = resolve('public/icons');
/** The favicon's background, for the maskable icon's bleed. */
const background = /<rect[^>]*fill="(#[0-9a-f]{3,6})"/i.exec(svg)?.[1] ?? '#1d3557';
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const icons = [
  { file: 'icon-32.png', size: 32, inset: 0 },
  { file: 'icon-192.png', size: 192, inset: 0 },
  { file: 'icon-512.png', size: 512, inset: 0 },
  { file: 'icon-maskable-512.png', size: 512, inset: 0.1 },
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const { file, size, inset } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const pad = Math.round(size * inset);
    const bleed = inset > 0 ? `background:${background};` : 'background:transparent;';
    await page.setContent(
      `<html><body style="margin:0;${bleed}"><img src="${dataUrl}" width="${size - 2 * pad}" height="${size - 2 * pad}"
        style="display:block;margin:${pad}px"></body></html>`,
    );
    await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
    await page.screenshot({ path: join(out, file), omitBackground: inset === 0 });
    await page.close();
    console.log(`make-icons: wrote public/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
