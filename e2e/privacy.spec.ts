import { test, expect, openApp } from './fixtures';
import { downloadEveryExport, pressPlay, waitForLossPoints } from './hardening.helpers';

/**
 * Students' privacy and offline classrooms: during a whole session (load, train, export, switch language) the
 * page must not contact any host but its own. Every request of every page, frame and worker in the context is
 * recorded, including ones that fail, and web sockets too.
 */
test('a full session makes no request outside the page origin', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => requests.push(socket.url()));

  await openApp(page, '?locale=en');
  await pressPlay(page);
  await waitForLossPoints(page, 5);
  await page.waitForTimeout(2000);

  // Every export the charts offer (CSV, SVG, PNG), each of which must be there and enabled: downloads are made
  // in the page, not fetched.
  const exported = await downloadEveryExport(page);

  // Language switch, then a little more training in the other language.
  await page.getByRole('combobox', { name: /language/i }).selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(page.locator('main#lab')).toBeVisible();
  await page.waitForTimeout(1000);

  const local = (url: string) => url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin;
  console.log(`privacy: ${requests.length} requests, ${exported.length} exports`);
  // The recorder really sees the session: the app's script and the training worker's script.
  expect(requests.some((url) => /\/assets\/index-[^/]*\.js$/.test(url)), requests.join('\n')).toBe(true);
  expect(requests.some((url) => /worker[^/]*\.js$/.test(url)), requests.join('\n')).toBe(true);
  expect(requests.filter((url) => !local(url))).toEqual([]);
});
