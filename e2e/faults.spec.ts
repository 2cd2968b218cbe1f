import { test, expect, openApp, revealPanels } from './fixtures';
import { expectFiniteAxes, forgiveErrors, lossPointCount, measureRecovery, pressPlay, pressReset, runStatus, waitForLossPoints } from './hardening.helpers';

/**
 * A lesson must survive what goes wrong: a learning rate that blows up, a training worker that crashes or hangs,
 * and an embedding page that never answers. Fault hooks: window.__dropoutLab.killWorker() / hangWorker().
 */
type Hooks = { __dropoutLab?: { killWorker(): void; hangWorker(): void } };

test.describe('divergence', () => {
  // lr=10 overflows before the first evaluation (epoch 10); lr=1 first logs a finite but astronomical loss
  // (about 1e32 at epoch 10, from the engine's simulate()), which the log axis must still label with numbers.
  for (const { lr, drawnBeforeStop } of [{ lr: '10', drawnBeforeStop: 1 }, { lr: '1', drawnBeforeStop: 2 }]) {
    test(`lr=${lr} with SGD pauses training with advice, keeps NaN off the axes, and reset works`, async ({ page }) => {
      await openApp(page, `?lr=${lr}&opt=sgd&noise=1&locale=en`);
      await pressPlay(page);

      const notice = page.locator('.notices [data-notice-key="diverged"]');
      await expect(notice).toBeVisible({ timeout: 15_000 });
      await expect(notice).toContainText(/lower the learning rate/i);
      await expectFiniteAxes(page);

      // Paused at the first non-finite loss: the epoch stands still and nothing more is drawn. The notice can
      // come before the snapshot that says training stopped (the worker tells the view at once, and snapshots
      // follow the frame clock), and the finite points can be drawn while the run still looks running: wait for
      // both together.
      const shown = async () => ({ ...(await runStatus(page)), points: await lossPointCount(page) });
      await expect
        .poll(async () => { const { running, points } = await shown(); return { running, points }; }, { message: 'stopped, with the finite losses drawn and the non-finite one not' })
        .toEqual({ running: false, points: drawnBeforeStop });
      const stopped = await shown();
      expect(stopped.epoch).toBeGreaterThan(0);
      await page.waitForTimeout(1000);
      expect(await shown()).toEqual(stopped);
      await expectFiniteAxes(page);

      // Reset: back to epoch 0 with the same settings, and the same run diverges again (the detector re-arms).
      await notice.getByRole('button', { name: /dismiss/i }).click();
      await expect(notice).toHaveCount(0);
      await pressReset(page);
      // The status and the chart redraw in different frames: wait for both.
      await expect.poll(async () => { const { epoch, points } = await shown(); return epoch === 0 && points <= 1; }, { message: 'epoch 0 and at most one point' }).toBe(true);
      expect(new URL(page.url()).searchParams.get('lr')).toBe(lr);
      await pressPlay(page);
      await expect(notice).toBeVisible({ timeout: 15_000 });
      await expectFiniteAxes(page);
    });
  }

  test('in Chinese, the divergence message is translated', async ({ page }) => {
    await openApp(page, '?lr=10&opt=sgd&noise=1&locale=zh-CN');
    await pressPlay(page);
    const notice = page.locator('.notices [data-notice-key="diverged"]');
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await expect(notice).toContainText(/学习率/);
    await expectFiniteAxes(page);
  });
});

test.describe('worker faults', () => {
  for (const fault of ['killWorker', 'hangWorker'] as const) {
    test(`${fault}: training comes back with the settings intact`, async ({ page, consoleErrors }) => {
      test.setTimeout(180_000);
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await openApp(page, '?p=0.5&seed=7&noise=0.4&epochs=100000&locale=en');
      await pressPlay(page);
      await waitForLossPoints(page, 5);
      // A long enough old run that the new one's chart stays shorter for a while (measureRecovery needs a frame
      // that shows the new run with fewer points than the old): 20,000 epochs give the new run 1–2 s of shorter
      // chart at full speed. (1,000 were enough for the old 1-64-64-1 default; the 1-128-1 default trains about 3×
      // faster, and its first snapshot after a restart could already carry as many points.) The chart in view, so
      // that it redraws every frame (charts out of view redraw only twice a second).
      await expect.poll(async () => (await runStatus(page)).epoch, { timeout: 90_000 }).toBeGreaterThan(20_000);
      await page.getByTestId('loss-chart').scrollIntoViewIfNeeded();
      const settingsBefore = new URL(page.url()).search;

      const timing = await measureRecovery(page, fault);
      console.log(`${fault}: restarted (notice) after ${timing.noticeMs.toFixed(0)} ms, training again after ${timing.trainingMs.toFixed(0)} ms`);
      // What is checked here is that recovery happens (within the page's 30 s watch), not how fast: on a loaded
      // 2-core CI machine a clock bound fails for reasons that are not bugs. The speed target (restart within
      // 1 s) is a benchmark's business: `npm run bench:e2e` prints the medians (e2e/recovery.bench.spec.ts).
      expect(timing.noticeMs, 'the restart notice appeared').toBeLessThan(Number.POSITIVE_INFINITY);
      expect(timing.trainingMs, 'the new worker trains and draws again').toBeLessThan(Number.POSITIVE_INFINITY);

      await expect.poll(() => workers.length, { message: 'a new worker was started' }).toBeGreaterThanOrEqual(2);
      expect(new URL(page.url()).search).toBe(settingsBefore);
      await expect(page.locator('[data-notice-key="worker"]')).toBeVisible();
      await expectFiniteAxes(page);
      // The crash is on purpose; any other console error still fails the test.
      forgiveErrors(consoleErrors, /crashed on purpose/);
    });
  }

  test('an idle page stops pinging its worker, and a command starts the watch again', async ({ page }) => {
    // Counts the heartbeat's pings as the page posts them to its worker.
    await page.addInitScript(() => {
      const counter = window as unknown as { __pings: number };
      counter.__pings = 0;
      const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
      Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
        if ((args[0] as { type?: string } | null)?.type === 'ping') counter.__pings++;
        post.apply(this, args);
      };
    });
    await openApp(page, '?locale=en&epochs=100000');
    const pings = () => page.evaluate(() => (window as unknown as { __pings: number }).__pings);
    /** The number of pings posted during `ms` of the page's time. */
    const pingsDuring = async (ms: number) => {
      const before = await pings();
      await page.evaluate((wait) => new Promise((done) => setTimeout(done, wait)), ms);
      return (await pings()) - before;
    };
    // The worker has answered its configuration and nothing trains: the heartbeat stops (it ticks every 100 ms).
    await expect(async () => expect(await pingsDuring(1000)).toBe(0)).toPass({ timeout: 15_000 });
    expect(await pings(), 'the worker was watched while it started').toBeGreaterThan(0);

    // While it trains, its snapshots show it alive (a hang then is caught by the hangWorker test above).
    await pressPlay(page);
    await waitForLossPoints(page, 2);
    // Pausing is a command: the worker is asked whether it is still there before the page goes quiet again.
    const beforePause = await pings();
    await page.getByTestId('play').click();
    await expect.poll(async () => (await runStatus(page)).running).toBe(false);
    await expect(async () => expect(await pingsDuring(1000)).toBe(0)).toPass({ timeout: 15_000 });
    expect(await pings(), 'the pause was watched').toBeGreaterThan(beforePause);
  });

  test('the hooks exist (so the fault tests above cannot pass vacuously)', async ({ page }) => {
    await openApp(page, '?locale=en');
    const hooks = await page.evaluate(() => Object.keys((window as unknown as Hooks).__dropoutLab ?? {}));
    expect(hooks).toEqual(expect.arrayContaining(['killWorker', 'hangWorker']));
  });
});

test.describe('embedding pages that never answer or fail', () => {
  test('opened directly with embed=1 and an unreachable parent, the lab trains normally', async ({ page }) => {
    await openApp(page, '?embed=1&parent=https%3A%2F%2Fnowhere.example&locale=en');
    await pressPlay(page);
    await waitForLossPoints(page, 3);
    await expect(page.locator('.notices .notice-error')).toHaveCount(0);
  });

  const hosts = [
    { name: 'a host that never replies', parent: 'https://nowhere.example', script: '' },
    // The host is the named parent, so the lab really posts to it, and every post throws.
    { name: 'a host whose postMessage throws', parent: 'SELF', script: `window.__posts = 0; window.postMessage = () => { window.__posts++; throw new Error('host refuses'); };` },
  ];
  for (const host of hosts) {
    test(`inside a sandboxed iframe, ${host.name}: the lab trains normally`, async ({ page, baseURL }) => {
      // The host page is served from the app's own origin by the test, so no request leaves it.
      const hostUrl = new URL('./__host.html', baseURL).href;
      const parent = encodeURIComponent(host.parent === 'SELF' ? new URL(baseURL!).origin : host.parent);
      await page.route(hostUrl, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>host</title><script>${host.script}</script>
            <iframe id="lab" sandbox="allow-scripts allow-same-origin" title="Dropout Lab"
            src="./?embed=1&parent=${parent}&locale=en" style="width:1000px;height:700px"></iframe>`,
        }),
      );
      await page.goto(hostUrl);
      const frame = page.frameLocator('#lab');
      await expect(frame.locator('main#lab')).toBeVisible();
      await revealPanels(page.frame({ url: /embed=1/ })!);
      const play = frame.getByTestId('play');
      if (await play.isVisible().catch(() => false)) await play.click();
      else {
        await frame.locator('main#lab').focus();
        await page.keyboard.press(' ');
      }
      await expect
        .poll(async () => (await frame.locator('[data-testid="loss-chart"] path[data-series="valPlain"]').first().getAttribute('d')) ?? '', {
          timeout: 20_000,
        })
        .toMatch(/L.*L/);
      await expect(frame.locator('.notices .notice-error')).toHaveCount(0);
      if (host.script) {
        const posts = await page.evaluate(() => (window as unknown as { __posts: number }).__posts);
        expect(posts, 'the lab did try to post (so the failure was exercised)').toBeGreaterThan(0);
      }
    });
  }
});
