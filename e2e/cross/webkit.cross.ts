/**
 * The cross-engine checks (checks.ts) in WebKitGTK's MiniBrowser, driven over WebDriver classic by
 * WebKitWebDriver inside xvfb-run. Run with `npm run test:cross` (after `npm run build`).
 */
import { crossSuite } from './checks';
import { launchWebKit, missingWebKit } from './engines';

const DRIVER_PORT = 4189;

crossSuite({
  name: 'WebKitGTK',
  missing: missingWebKit,
  launch: () => launchWebKit(DRIVER_PORT),
  ports: { preview: 4185, host: 4186, flaky: 4187, offline: 4188 },
});
