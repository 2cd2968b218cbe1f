import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createContext, runInContext, runInThisContext } from 'node:vm';
import { REACT_SENTINELS, stacklessSentinels } from './reactSentinels';

const require = createRequire(import.meta.url);
// The file the bundle takes for `react-dom/client` in production (the package's exports hide the path itself).
const clientPath = join(dirname(require.resolve('react-dom/package.json')), 'cjs', 'react-dom-client.production.js');
const clientCode = readFileSync(clientPath, 'utf8');

/**
 * Runs React DOM's client module in a context of its own and counts the Error objects the Error constructor
 * builds while the module starts (called with or without `new`). React and the scheduler come from Node's
 * require, as in the bundle.
 */
function errorsBuiltAtStart(code: string): { built: number; exports: Record<string, unknown> } {
  const context = createContext({});
  const counted = runInContext(
    `(() => { const Native = Error; let built = 0;
      const Counting = new Proxy(Native, {
        apply(target, self, args) { built++; return Reflect.apply(target, self, args); },
        construct(target, args, newTarget) { built++; return Reflect.construct(target, args, newTarget); },
      });
      return { Counting, built: () => built };
    })()`,
    context,
  ) as { Counting: ErrorConstructor; built: () => number };
  context.Error = counted.Counting;
  const module = { exports: {} as Record<string, unknown> };
  const start = runInContext(`(function (exports, require, module) {\n${code}\n})`, context) as (
    exports: object,
    require: NodeJS.Require,
    module: object,
  ) => void;
  start(module.exports, createRequire(clientPath), module);
  return { built: counted.built(), exports: module.exports };
}

describe('stacklessSentinels (React DOM built without stack-recording errors at start-up)', () => {
  it('React DOM as installed builds its five sentinel errors as it starts', () => {
    expect(errorsBuiltAtStart(clientCode).built).toBe(REACT_SENTINELS.length);
  });

  it('rewritten, it builds no Error at start-up and still exports the client API', () => {
    const { built, exports } = errorsBuiltAtStart(stacklessSentinels(clientCode));
    expect(built).toBe(0);
    expect(typeof exports.createRoot).toBe('function');
    expect(typeof exports.hydrateRoot).toBe('function');
  });

  it('each token still reads as an error (instanceof Error, name, message) and has no recorded stack', () => {
    const code = stacklessSentinels('var formatProdErrorMessage = (n) => "Minified React error #" + n;\n' +
      REACT_SENTINELS.map((name, index) => `var ${name} = Error(formatProdErrorMessage(${460 + index}));`).join('\n') +
      `\nreturn [${REACT_SENTINELS.join(', ')}];`);
    // In this realm, so that `instanceof Error` compares with the test's own Error.
    const tokens = runInThisContext(`(function () {\n${code}\n})()`) as Error[];
    expect(tokens).toHaveLength(REACT_SENTINELS.length);
    tokens.forEach((token, index) => {
      expect(token).toBeInstanceOf(Error);
      expect(token.name).toBe('Error');
      expect(token.message).toBe(`Minified React error #${460 + index}`);
      expect(String(token)).toBe(`Error: Minified React error #${460 + index}`);
      expect(Object.hasOwn(token, 'stack')).toBe(false);
    });
    expect(new Set(tokens).size).toBe(REACT_SENTINELS.length);
  });

  it('fails the build, naming what is missing, when React no longer builds a sentinel this way', () => {
    const without = clientCode.replace(/SuspenseActionException = Error\(/, 'SuspenseActionException = new Error(');
    expect(() => stacklessSentinels(without)).toThrow(/SuspenseActionException/);
    expect(() => stacklessSentinels('var x = 1;')).toThrow(/HydrationMismatchException, SuspenseException/);
  });
});
