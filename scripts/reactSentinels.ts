/**
 * Build step for React DOM: its five sentinel errors are built without a stack.
 *
 * React DOM's client builds five Error objects as it starts (SuspenseException and four like it). They are
 * tokens, never shown: React throws them to unwind a render and catches them again by identity. React DOM is
 * CommonJS, so the bundle wraps its 200 kB of code in one function, and that function is on the stack when the
 * five are built.
 *
 * Under an inspector that enables its Runtime domain (DevTools open, the end-to-end tests' and the slow-CPU bench's
 * Playwright), V8 records every new Error's stack with line numbers. To find a line number it re-parses each
 * function on the stack, and re-parsing React DOM's wrapper took 58-79 ms of the 80-110 ms start-up task
 * (Chromium 156, this repository's 2-core machine, 1 Dec 2026); the bench's 4x slower CPU made that about 250 ms
 * of blocked load. A reader without DevTools never pays it (measured with a CDP client that leaves the Runtime
 * domain off), and Lighthouse's runs did not show it either: this is about measuring what readers get.
 *
 * The tokens become objects that inherit from Error.prototype (`instanceof Error`, `name` and `message` as
 * before) but are not built by the Error constructor, so no stack is recorded. React compares them by identity
 * only. The build fails if React DOM no longer has all five, so that a React update cannot quietly undo this.
 */
import type { Plugin } from 'vite';

/** React DOM's sentinel errors, each built once when the module starts (react-dom-client.production.js). */
export const REACT_SENTINELS = [
  'HydrationMismatchException',
  'SuspenseException',
  'SuspenseyCommitException',
  'SuspenseActionException',
  'SelectiveHydrationException',
] as const;

const CLIENT_MODULE = /[\\/]react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/;
const SENTINEL = new RegExp(`\\b(${REACT_SENTINELS.join('|')})(\\s*=\\s*)Error\\((formatProdErrorMessage\\(\\d+\\))\\)`, 'g');
const HELPER = 'dropoutLabStacklessError';

/** React DOM's client code with its sentinels built without a stack; throws if any of them is not found. */
export function stacklessSentinels(code: string): string {
  const found = new Set<string>();
  const rewritten = code.replace(SENTINEL, (_whole, name: string, assign: string, message: string) => {
    found.add(name);
    return `${name}${assign}${HELPER}(${message})`;
  });
  const missing = REACT_SENTINELS.filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new Error(
      `react-sentinels: React DOM no longer builds ${missing.join(', ')} as "Error(formatProdErrorMessage(N))". ` +
        'Check what React does now and update scripts/reactSentinels.ts.',
    );
  }
  const helper = `function ${HELPER}(message) { var token = Object.create(Error.prototype); token.message = message; return token; }\n`;
  return helper + rewritten;
}

export function reactSentinels(): Plugin {
  return {
    name: 'dropout-lab:react-sentinels',
    apply: 'build',
    transform(code, id) {
      if (!CLIENT_MODULE.test(id)) return null;
      return { code: stacklessSentinels(code), map: null };
    },
  };
}
