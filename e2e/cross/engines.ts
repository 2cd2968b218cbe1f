/**
 * One small driving interface over two protocols, so that the same checks (checks.ts) run in both engines:
 * - Firefox ESR through puppeteer-core over WebDriver BiDi (Playwright's Firefox does not work with ESR);
 * - WebKitGTK's MiniBrowser through WebKitWebDriver (WebDriver classic), under xvfb-run.
 * Page-side code is passed as source text: tsx (esbuild) adds helpers such as `__name` to compiled functions,
 * which do not exist in the page.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type WebDriverModule from 'webdriver';
import { spawnGroup, stopGroup, waitForHttp } from './servers';

export interface Tab {
  /** "Firefox ESR 153.8.0esr", "WebKitGTK 2.50.6". */
  readonly label: string;
  /** Loads an address and waits for its load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** The value of a JavaScript expression in the page (a promise is awaited); it must be JSON-serialisable. */
  evaluate<T>(expression: string): Promise<T>;
  /** A real pointer click on the first element the selector matches, scrolled into view first. */
  click(selector: string): Promise<void>;
  /** Chooses an option of a <select> the way a user does. */
  select(selector: string, value: string): Promise<void>;
  /** Console errors and uncaught exceptions since the last call, where the protocol reports them (else null). */
  takeErrors(): string[] | null;
  close(): Promise<void>;
}

export const FIREFOX_BINARY = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const MINIBROWSER_BINARY = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const VIEWPORT = { width: 1280, height: 800 };

/** Why an engine cannot run on this machine, or null when it can. */
export function missingFirefox(): string | null {
  return existsSync(FIREFOX_BINARY) ? null : `${FIREFOX_BINARY} not found (Debian package firefox-esr; or set FIREFOX_PATH)`;
}

export function missingWebKit(): string | null {
  if (!existsSync(MINIBROWSER_BINARY)) return `${MINIBROWSER_BINARY} not found (Debian package libwebkit2gtk-4.1-0; or set MINIBROWSER_PATH)`;
  for (const [tool, pkg] of [
    ['/usr/bin/WebKitWebDriver', 'webkit2gtk-driver'],
    ['/usr/bin/xvfb-run', 'xvfb'],
    ['/usr/bin/xauth', 'xauth'],
  ]) {
    if (!existsSync(tool)) return `${tool} not found (Debian package ${pkg})`;
  }
  return null;
}

export async function launchFirefox(): Promise<Tab> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BINARY,
    headless: true,
    defaultViewport: VIEWPORT,
    // A first start on a busy 2-core machine can take half a minute (a new profile).
    timeout: 90_000,
    // The page's language decides the app's first language: keep it English in every engine.
    extraPrefsFirefox: { 'intl.accept_languages': 'en-US, en', 'intl.locale.requested': 'en-US' },
  });
  try {
    const version = (await browser.version()).replace(/^firefox\//, '');
    const page: Page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${String(error)}`));
    return {
      label: `Firefox ESR ${version}`,
      goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
      reload: async () => void (await page.reload({ waitUntil: 'load' })),
      evaluate: <T>(expression: string) => page.evaluate(`(${expression})`) as Promise<T>,
      click: (selector) => page.click(selector),
      select: async (selector, value) => void (await page.select(selector, value)),
      takeErrors: () => errors.splice(0),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export async function launchWebKit(driverPort: number): Promise<Tab> {
  const driverLog: string[] = [];
  // -a: a free display number; WebKitWebDriver starts MiniBrowser in it for each session.
  const driver = spawnGroup('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${driverPort}`], (line) =>
    driverLog.push(line),
  );
  try {
    await waitForHttp(`http://127.0.0.1:${driverPort}/status`, 20_000);
    // The client's loggers read their level when its modules load: only warnings, not every connection.
    process.env.WDIO_LOG_LEVEL ??= 'warn';
    const WebDriver: typeof WebDriverModule = (await import('webdriver')).default;
    const client = await WebDriver.newSession({
      hostname: '127.0.0.1',
      port: driverPort,
      logLevel: 'warn',
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'MiniBrowser',
        // WebDriver classic only: WebKitWebDriver has no BiDi, and asking for it fails the capability match.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER_BINARY, args: ['--automation'] },
      } as WebdriverIO.Capabilities,
    });
    const version = String(client.capabilities.browserVersion ?? '?');
    await client.setWindowRect(0, 0, VIEWPORT.width, VIEWPORT.height).catch(() => undefined);
    const find = async (selector: string) => {
      const element = await client.findElement('css selector', selector);
      const id = (element as Record<string, string>)['element-6066-11e4-a52e-4f735466cecf'];
      if (!id) throw new Error(`no element matches ${selector}`);
      return id;
    };
    return {
      label: `WebKitGTK ${version}`,
      goto: (url) => client.navigateTo(url),
      reload: () => client.refresh(),
      evaluate: <T>(expression: string) => client.executeScript(`return (${expression});`, []) as Promise<T>,
      click: async (selector) => client.elementClick(await find(selector)),
      // WebDriver selects an <option> when it is clicked, without opening the native pop-up.
      select: async (selector, value) => client.elementClick(await find(`${selector} option[value="${value}"]`)),
      takeErrors: () => null,
      close: async () => {
        await client.deleteSession().catch(() => undefined);
        await stopGroup(driver);
      },
    };
  } catch (error) {
    await stopGroup(driver);
    throw new Error(`${String(error)}\nWebKitWebDriver said:\n${driverLog.join('\n')}`);
  }
}
