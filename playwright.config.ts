import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against the production build (`vite preview`), in the system Chromium: Playwright's
 * own browser download is impossible on offline school machines and here. Override the browser with
 * CHROMIUM_PATH=/path/to/chrome.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);
const benchmark = process.env.BENCH === '1';
// Screenshots for a human to look at (tagged @shots) assert nothing, so they are not part of the suite:
// `npm run shots` runs them alone and writes them to screenshots/ (gitignored).
const shots = process.env.SHOTS === '1';
// The tests run against the test build (`npm run build:e2e`: the production build plus the fault-injection hooks
// of src/state/testHooks.ts, which `npm run build` leaves out and scripts/check-bundle.ts checks are absent).
// Several builds can coexist (one per engineer) by pointing E2E_DIST at another `vite build --mode e2e` outDir.
const dist = process.env.E2E_DIST ?? 'dist-e2e';

export default defineConfig({
  testDir: './e2e',
  // Benchmarks print figures and run only through `npm run bench:e2e`.
  grep: benchmark ? /@bench/ : shots ? /@shots/ : undefined,
  grepInvert: benchmark || shots ? undefined : /@bench|@shots/,
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // No retries, in CI either: a test that passes only on its second try is a bug to fix at its cause.
  retries: 0,
  timeout: benchmark ? 45 * 60_000 : 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'off',
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
