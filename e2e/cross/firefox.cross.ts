/**
 * The cross-engine checks (checks.ts) in Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
 * Run with `npm run test:cross` (after `npm run build`).
 */
import { crossSuite } from './checks';
import { launchFirefox, missingFirefox } from './engines';

crossSuite({
  name: 'Firefox ESR',
  missing: missingFirefox,
  launch: launchFirefox,
  ports: { preview: 4181, host: 4182, flaky: 4183, offline: 4184 },
});
