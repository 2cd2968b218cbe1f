import { describe, expect, it } from 'vitest';
import { CHUNK_URL_PROPERTY, chunkUrlOf, lazyValue, retryUrl } from './lazyValue';

/** The error the build's rewritten import() throws for a chunk that could not be downloaded. */
function chunkError(url: string): Error {
  return Object.assign(new TypeError(`Failed to fetch dynamically imported module: ${url}`), { [CHUNK_URL_PROPERTY]: url });
}

describe('lazyValue', () => {
  it('shares one request, then answers synchronously', async () => {
    let calls = 0;
    const value = lazyValue(
      async () => ({ answer: ++calls }),
      (module) => module.answer,
    );
    expect(value.loaded()).toBeNull();
    const [a, b] = await Promise.all([value.load(), value.load()]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(value.loaded()).toBe(1);
    expect(await value.load()).toBe(1);
    expect(calls).toBe(1);
  });

  it('requests again after a failure instead of staying failed', async () => {
    let calls = 0;
    const value = lazyValue(
      async () => {
        calls++;
        if (calls === 1) throw new Error('offline');
        return { strings: 'strings' };
      },
      (module) => module.strings,
    );
    await expect(value.load()).rejects.toThrow('offline');
    expect(value.loaded()).toBeNull();
    expect(await value.load()).toBe('strings');
    expect(calls).toBe(2);
  });

  it('retries a chunk that failed under a URL the module map has not seen, one new URL per attempt', async () => {
    // Chromium 150 and Firefox answer a second import() of a failed URL with the old failure: a retry that
    // called the original import again would never reach the network.
    const chunk = 'http://127.0.0.1:4173/assets/zh-CN-abc123.js';
    let originalCalls = 0;
    const requested: string[] = [];
    const value = lazyValue(
      async () => {
        originalCalls++;
        throw chunkError(chunk);
      },
      (module: { zhCN: string }) => module.zhCN,
      async (url) => {
        requested.push(url);
        if (requested.length === 1) throw new TypeError('still offline');
        return { zhCN: '中文' };
      },
    );
    await expect(value.load()).rejects.toThrow(chunk);
    await expect(value.load()).rejects.toThrow('still offline');
    expect(await value.load()).toBe('中文');
    expect(originalCalls).toBe(1);
    expect(requested).toEqual([`${chunk}?retry=1`, `${chunk}?retry=2`]);
  });

  it('outcome() reports the latest failure without requesting again; load() requests again', async () => {
    let calls = 0;
    const value = lazyValue(
      async () => {
        calls++;
        if (calls === 1) throw new Error('offline');
        return { n: calls };
      },
      (module) => module.n,
    );
    await expect(value.outcome()).rejects.toThrow('offline');
    await expect(value.outcome()).rejects.toThrow('offline');
    expect(calls).toBe(1);
    expect(await value.load()).toBe(2);
    expect(await value.outcome()).toBe(2);
    expect(calls).toBe(2);
  });
});

describe('chunkUrlOf and retryUrl', () => {
  it('reads the URL the build recorded, and nothing from other errors', () => {
    expect(chunkUrlOf(chunkError('http://h/a.js'))).toBe('http://h/a.js');
    expect(chunkUrlOf(new Error('Failed to fetch dynamically imported module: http://h/a.js'))).toBeNull();
    expect(chunkUrlOf('offline')).toBeNull();
    expect(chunkUrlOf(null)).toBeNull();
  });

  it('adds or replaces the retry query, keeping any other', () => {
    expect(retryUrl('http://h/assets/a.js', 1)).toBe('http://h/assets/a.js?retry=1');
    expect(retryUrl('http://h/assets/a.js?retry=1', 2)).toBe('http://h/assets/a.js?retry=2');
    expect(retryUrl('http://h/assets/a.js?v=3', 1)).toBe('http://h/assets/a.js?v=3&retry=1');
  });
});
