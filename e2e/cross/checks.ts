/**
 * What a student and a teacher do, checked in one browser engine (see firefox.cross.ts and webkit.cross.ts).
 * The Chromium suite (e2e/*.spec.ts) goes deeper; these checks cover the same paths in the engines a classroom
 * also has. No fixed waits: every check polls the page for a state, with a bounded time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { NASTY_QUERIES } from '../../src/state/urlSchema.nasty';
import { URL_SCHEMA } from '../../src/state/urlSchema';
import type { Tab } from './engines';
import { startPreview, startStatic, type Running, type StaticServer } from './servers';

export const ARTICLE_OUTPUT =
  'tensor([ 0.0000,  6.6667, 10.0000,  0.0000,  0.0000,  0.0000,  0.0000, 26.6667,\n         0.0000,  0.0000])';
export const ARTICLE_INPUT_PRINT = 'tensor([ 1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10.])';

const STATE_TIMEOUT_MS = 20_000;

/** Polls `expression` until it is truthy and returns that value; fails with `what` after the timeout. */
export async function until<T>(tab: Tab, expression: string, what: string, timeoutMs = STATE_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await tab.evaluate<T>(expression);
      if (last) return last as T;
    } catch (error) {
      last = error; // e.g. the page is navigating: ask again
    }
    if (Date.now() > deadline) assert.fail(`${tab.label}: ${what} (not within ${timeoutMs} ms; last value: ${String(last)})`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

const q = (selector: string) => `document.querySelector(${JSON.stringify(selector)})`;
const textOf = (selector: string) => `(${q(selector)}?.textContent ?? null)`;
const attrOf = (selector: string, name: string) => `(${q(selector)}?.getAttribute(${JSON.stringify(name)}) ?? null)`;
const tensor = (testId: string) => `section[data-panel="tensor"] [data-testid="${testId}"]`;
const MASK = `[...document.querySelectorAll('section[data-panel="tensor"] [data-testid="tensor-path-row"]')].map((row) => (row.classList.contains('is-kept') ? '1' : '0')).join('')`;
const EPOCH = `Number(${attrOf('[data-run-status]', 'data-epoch')})`;
const LANGUAGE = '.locale-picker select';

/**
 * The app is up: the lab is shown, every panel has arrived from its chunk, shortcuts are attached. A link with
 * no Lab setting opens the Lesson (resolveScreen in src/state/urlSync.ts), so the Lab's checks say `view=lab`.
 * A panel renders once the reader comes near it (src/ui/shell/Staged.tsx), so each poll first scrolls to the
 * bottom, as a reader would, and the page goes back to the top once every panel is there.
 */
async function ready(tab: Tab): Promise<void> {
  await until(
    tab,
    `(scrollTo(0, document.documentElement.scrollHeight), (${q('main#lab')}?.getClientRects().length ?? 0) > 0 && ${q('[data-stage-pending]')} === null && ${q('html[data-shortcuts="on"]')} !== null)`,
    'the app is ready (main#lab shown, no panel pending, shortcuts on)',
  );
  await tab.evaluate('scrollTo(0, 0)');
}

export interface CrossPorts {
  /** vite preview of the build: the lab. */
  preview: number;
  /** Static server: the embedding host page, on a second origin. */
  host: number;
  /** Static server whose first request for the zh-CN chunk fails. */
  flaky: number;
  /** Static server that hides automation (so the service worker registers) and is stopped to go offline. */
  offline: number;
}

export interface CrossEngine {
  name: string;
  /** Why this engine cannot run here (a missing binary), or null. */
  missing: () => string | null;
  launch: () => Promise<Tab>;
  ports: CrossPorts;
}

export function crossSuite(engine: CrossEngine): void {
  describe(engine.name, () => {
    let tab: Tab;
    let lab: Running;
    let host: StaticServer;
    const started: Running[] = [];

    before(async () => {
      const missing = engine.missing();
      if (missing) throw new Error(`${engine.name} cannot run: ${missing}`);
      const t0 = Date.now();
      [lab, host] = await Promise.all([startPreview(engine.ports.preview), startStatic(engine.ports.host)]);
      started.push(lab, host);
      tab = await engine.launch();
      console.log(`# ${tab.label}: browser and servers up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });

    after(async () => {
      await tab?.close();
      await Promise.all(started.map((server) => server.stop()));
    });

    /** A check that also fails on any console error the engine reports, unless `forgive` matches it. */
    const check = (name: string, body: (t: TestContext) => Promise<void>, forgive?: RegExp) =>
      it(name, { timeout: 90_000 }, async (t) => {
        tab.takeErrors();
        await body(t);
        const errors = (tab.takeErrors() ?? []).filter((text) => !forgive?.test(text));
        assert.deepEqual(errors, [], `${tab.label}: console errors during the check`);
      });

    check("the article's tensor is printed exactly, and Forward again changes it", async () => {
      await tab.goto(`${lab.origin}/?panels=tensor&embed=1&locale=en`);
      await ready(tab);
      const output = await until<string>(tab, textOf(tensor('tensor-output')), 'the tensor output is printed');
      assert.equal(output, ARTICLE_OUTPUT);
      assert.equal(await tab.evaluate(textOf(tensor('tensor-x-after'))), ARTICLE_INPUT_PRINT);
      assert.equal(await tab.evaluate(textOf(tensor('tensor-scale'))), '3.3333');
      assert.equal(await tab.evaluate(MASK), '0110000100');
      assert.equal(await tab.evaluate(textOf(tensor('tensor-status'))), 'Pass 1: 7 of 10 dropped.');

      await tab.click(tensor('tensor-forward'));
      await until(tab, `${textOf(tensor('tensor-pass-count'))} === 'Passes so far: 2'`, 'the pass count reaches 2');
      await until(tab, `/^Pass 2: /.test(${textOf(tensor('tensor-status'))})`, 'the status names pass 2');
      const second = await tab.evaluate<string>(textOf(tensor('tensor-output')));
      assert.notEqual(second, ARTICLE_OUTPUT, 'a new mask gives a new output');
      assert.match(second, /^tensor\(\[[\s\S]+\]\)$/);
      assert.notEqual(await tab.evaluate(MASK), '0110000100');
    });

    check('Play trains: the epoch rises and the network readout changes', async () => {
      // A budget far beyond the check: the default 8,000 epochs can end (about 1 s at full speed) before it does.
      await tab.goto(`${lab.origin}/?locale=en&view=lab&epochs=100000`);
      await ready(tab);
      const readout = textOf('[data-testid="readout"]');
      const before = await tab.evaluate<string>(readout);
      assert.equal(await tab.evaluate(EPOCH), 0);
      await tab.click('[data-testid="play"]');
      await until(tab, `${attrOf('[data-run-status]', 'data-running')} === 'true'`, 'the run status says running');
      const first = await until<number>(tab, `${EPOCH} > 0 && ${EPOCH}`, 'the epoch leaves 0');
      await until(tab, `${EPOCH} > ${first}`, `the epoch rises past ${first}`);
      // The engine's WebAssembly SIMD kernel compiles in this engine's worker too (else 'js': same numbers, slower).
      await until(tab, `${attrOf('.net-rate', 'data-kernel')} === 'wasm-simd'`, 'the worker trains with the WebAssembly kernel');
      const changed = await until<string>(tab, `${readout} !== ${JSON.stringify(before)} && ${readout}`, 'the readout leaves its first text');
      await until(tab, `${readout} !== ${JSON.stringify(changed)}`, 'the readout changes again while training');
      await tab.click('[data-testid="play"]');
      await until(tab, `${attrOf('[data-run-status]', 'data-running')} === 'false'`, 'pausing stops the run');
    });

    check('the loss chart draws its four series', async () => {
      await tab.goto(`${lab.origin}/?locale=en&view=lab`);
      await ready(tab);
      await tab.click('[data-testid="play"]');
      const series = ['trainPlain', 'trainDropout', 'valPlain', 'valDropout'];
      // A series is drawn as one or more path parts: join their texts.
      const paths = `${JSON.stringify(series)}.map((id) => [...document.querySelectorAll('[data-testid="loss-chart"] path[data-series="' + id + '"]')].map((path) => path.getAttribute('d') ?? '').join(''))`;
      // Each series is a line of at least 10 points with finite coordinates.
      const drawn = await until<string[]>(
        tab,
        `${paths}.every((d) => d.split('L').length >= 10 && !/NaN|Infinity/.test(d)) && ${paths}`,
        'all four loss series are drawn with 10 points or more',
      );
      assert.equal(new Set(drawn).size, 4, 'four different lines');
      await tab.click('[data-testid="play"]');
      await until(tab, `${attrOf('[data-run-status]', 'data-running')} === 'false'`, 'pausing stops the run');
    });

    check('the language switches to zh-CN and back', async () => {
      await tab.goto(`${lab.origin}/?locale=en&view=lab`);
      await ready(tab);
      assert.equal(await tab.evaluate(attrOf('html', 'lang')), 'en');
      await tab.select(LANGUAGE, 'zh-CN');
      await until(tab, `${attrOf('html', 'lang')} === 'zh-CN'`, 'html lang becomes zh-CN');
      await until(tab, `/[\\u4e00-\\u9fff]/.test(${textOf('.locale-picker > span')})`, 'the language label is in Chinese');
      assert.match(await tab.evaluate<string>('location.search'), /locale=zh-CN/);
      await tab.select(LANGUAGE, 'en');
      await until(tab, `${attrOf('html', 'lang')} === 'en' && ${textOf('.locale-picker > span')} === 'Language'`, 'back to English');
    });

    check('the lesson: Next keeps the keyboard focus and says the new step', async () => {
      await tab.goto(`${lab.origin}/?locale=en&view=lesson&step=1`);
      const next = q('[data-testid="lesson-next"]');
      await until(tab, `${next} !== null && ${q('[data-stage-pending]')} === null`, 'the lesson is ready');
      // As a keyboard does it: Enter on the focused button clicks it. The card is replaced by the next step's.
      await tab.evaluate(`(${next}.focus(), ${next}.click(), true)`);
      await until(tab, `/^Step 2 of /.test(${textOf('[data-testid="lesson-progress"]')})`, 'the lesson is at step 2');
      await until(tab, `document.activeElement === ${next}`, "the focus is on the new card's Next");
      await until(
        tab,
        `${textOf('[data-testid="lesson-step-announcement"]')} === ${textOf('[data-testid="lesson-progress"]')} + ': ' + ${textOf('#lesson-step-title')}`,
        "the live region says the step's number and title",
      );
    });

    check('the lesson: an answer given with Check is still there after a reload of the tab', async () => {
      const link = `${lab.origin}/?locale=en&view=lesson&step=1`;
      const choice = q('.lesson-choice input');
      const reveal = q('[data-testid="lesson-reveal"]');
      await tab.goto(link);
      await until(tab, `${choice} !== null && ${q('[data-stage-pending]')} === null`, 'the lesson is ready');
      await tab.evaluate(`(${choice}.click(), true)`);
      await until(tab, `${choice}.checked`, 'the choice is picked');
      await tab.evaluate(`(${q('[data-testid="lesson-check"]')}.click(), true)`);
      await until(tab, `${reveal} !== null`, 'Check shows the reveal');
      await tab.goto(link);
      await until(tab, `${reveal} !== null && ${choice}.checked`, 'the answer and its reveal are back after the reload');
      // The checks after this one start from an unanswered lesson.
      await tab.evaluate('(sessionStorage.clear(), true)');
    });

    // Three of the nasty links of e2e/nasty-urls.spec.ts: markup in a value, markup as a name, a huge number.
    const nasty = [
      NASTY_QUERIES.find(({ query }) => query.includes('%3Cscript%3E')),
      NASTY_QUERIES.find(({ param }) => param.startsWith('<img')),
      NASTY_QUERIES.find(({ query }) => query.length > 1000),
    ];
    for (const [index, entry] of nasty.entries()) {
      check(`a nasty link (${index + 1} of ${nasty.length}) gives a notice and a usable app`, async () => {
        assert.ok(entry, 'the nasty link exists in src/state/urlSchema.nasty.ts');
        const { query, param } = entry;
        await tab.goto(`${lab.origin}/${query}`);
        await ready(tab);
        const known = Object.prototype.hasOwnProperty.call(URL_SCHEMA, param);
        const needle = known ? `“${param}=` : `“${param}”`;
        const notices = `[...document.querySelectorAll('.notices .notice')]`;
        const noticeText = await until<string>(
          tab,
          `(${notices}.find((n) => n.textContent.includes(${JSON.stringify(needle)}) && n.getClientRects().length > 0)?.textContent)`,
          `a visible notice names ${needle}`,
        );
        if (query.includes('%3Cscript%3E')) assert.ok(noticeText.includes('<script>'), 'the markup is shown as text');
        assert.equal(await tab.evaluate(`document.querySelectorAll('#injected, img[src="x"], svg[onload], b#injected').length`), 0);
        assert.equal(await tab.evaluate(`typeof window.__pwned`), 'undefined');
        // The app answers: a notice can be dismissed, and a training step runs.
        const count = await tab.evaluate<number>(`${notices}.length`);
        await tab.evaluate(`${notices}.find((n) => n.textContent.includes(${JSON.stringify(needle)})).setAttribute('data-cross-target', '') ?? true`);
        await tab.click('[data-cross-target] .notice-dismiss');
        await until(tab, `${notices}.length === ${count - 1}`, 'the dismissed notice goes away');
        await tab.click('[data-testid="step-epoch"]');
        await until(tab, `${EPOCH} === 1`, 'one training step runs');
      });
    }

    check('a host page on another origin gets ready, and its play command is obeyed', async () => {
      const labUrl = `${lab.origin}/?locale=en&epochs=100000`;
      await tab.goto(`${host.origin}/embed-example.html?lab=${encodeURIComponent(labUrl)}`);
      assert.notEqual(new URL(host.origin).origin, new URL(lab.origin).origin);
      await until(tab, `/^\\d+$/.test(${attrOf('body', 'data-last-ready')} ?? '')`, 'the host page gets ready');
      assert.equal(await tab.evaluate(`document.querySelector('iframe#dropout-lab').contentDocument`), null, 'the lab is cross-origin');
      assert.notEqual(await tab.evaluate(attrOf('#lab-state', 'data-running')), 'true', 'paused before play');
      await tab.click('#play');
      const state = '#lab-state';
      const epoch = await until<number>(
        tab,
        `${attrOf(state, 'data-running')} === 'true' && Number(${attrOf(state, 'data-epoch')}) > 0 && Number(${attrOf(state, 'data-epoch')})`,
        'the lab reports that it trains',
      );
      await until(tab, `Number(${attrOf(state, 'data-epoch')}) > ${epoch}`, 'the lab reports a later epoch');
      await tab.click('#pause');
      await until(tab, `${attrOf(state, 'data-running')} === 'false'`, 'the lab reports that it paused');
    });

    check(
      'after a first visit, the lab reloads and trains with the server gone (service worker)',
      async (t) => {
        const server = await startStatic(engine.ports.offline, { hideAutomation: true });
        started.push(server);
        await tab.goto(`${server.origin}/?locale=en&view=lab`);
        await ready(tab);
        const support = await tab.evaluate<string>(
          `!('serviceWorker' in navigator) ? 'navigator.serviceWorker is missing' : !isSecureContext ? 'http://127.0.0.1 is not a secure context here' : 'yes'`,
        );
        if (support !== 'yes') {
          t.skip(`${tab.label} cannot keep the lab offline: ${support}`);
          await server.stop();
          return;
        }
        assert.equal(await tab.evaluate('navigator.webdriver'), false, 'the page looks like a normal browser');
        await until(tab, 'navigator.serviceWorker.controller !== null', 'the service worker controls the page', 30_000);
        // Every script and style the page loaded (the training worker's included) is in the cache.
        await until(
          tab,
          `(async () => {
            const urls = performance.getEntriesByType('resource').map((entry) => entry.name)
              .filter((url) => url.startsWith(location.origin + '/assets/'));
            for (const url of urls) if (!(await caches.match(url, { ignoreSearch: true }))) return false;
            return urls.length > 0;
          })()`,
          'the service worker has saved every loaded asset',
          30_000,
        );
        await server.stop();
        await assert.rejects(fetch(`${server.origin}/`), 'the server is gone');
        await tab.reload();
        await ready(tab);
        assert.equal(await tab.evaluate(textOf('h1')), 'Dropout Lab');
        await tab.click('[data-testid="step-epoch"]');
        await until(tab, `${EPOCH} === 1`, 'the training worker starts from the cache');
        assert.equal(await tab.evaluate(`document.querySelectorAll('[data-stage-pending], [data-stage-failed]').length`), 0);
        await tab.select(LANGUAGE, 'zh-CN');
        await until(tab, `${attrOf('html', 'lang')} === 'zh-CN'`, 'the other language comes from the cache');
        assert.equal(await tab.evaluate(`document.querySelectorAll('[data-notice-key="locale"]').length`), 0);
      },
      // The host-hiding script is not part of the build, so the cache cannot answer for it offline.
      /__cross-init\.js/,
    );

    check(
      'a language chunk whose first download fails gives a notice, and choosing it again works',
      async () => {
        const chunk = /^\/assets\/zh-CN-[\w-]+\.js$/;
        const server = await startStatic(engine.ports.flaky, { failFirst: chunk });
        started.push(server);
        try {
          await tab.goto(`${server.origin}/?locale=en&view=lab`);
          await ready(tab);
          assert.equal(server.requests.filter((path) => chunk.test(path)).length, 0, 'an English page does not fetch zh-CN');
          await tab.select(LANGUAGE, 'zh-CN');
          await until(tab, `${textOf('[data-notice-key="locale"]')}?.includes('could not be downloaded')`, 'a notice says the language could not be downloaded');
          assert.equal(await tab.evaluate(attrOf('html', 'lang')), 'en');
          assert.equal(await tab.evaluate(`${q(LANGUAGE)}.value`), 'en');
          assert.equal(server.requests.filter((path) => chunk.test(path)).length, 1, 'the server answered the chunk once, with a 503');

          await tab.select(LANGUAGE, 'zh-CN');
          await until(tab, `${attrOf('html', 'lang')} === 'zh-CN'`, 'choosing 中文 again loads it');
          assert.equal(await tab.evaluate(`document.querySelectorAll('[data-notice-key="locale"]').length`), 0);
        } finally {
          await server.stop();
        }
      },
      /zh-CN|dynamically imported module|error loading|Failed to load|503/i,
    );
  });
}
