import { describe, expect, it } from 'vitest';
import { lazyValue } from './lazyValue';

describe('lazyValue', () => {
  it('shares one request, then answers synchronously', async () => {
    let calls = 0;
    const value = lazyValue(async () => ++calls);
    expect(value.loaded()).toBeNull();
    const [a, b] = await Promise.all([value.load(), value.load()]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(value.loaded()).toBe(1);
    expect(await value.load()).toBe(1);
    expect(calls).toBe(1);
  });

  it('requests again after a failure instead of staying failed', async () => {
    let calls = 0;
    const value = lazyValue(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return 'strings';
    });
    await expect(value.load()).rejects.toThrow('offline');
    expect(value.loaded()).toBeNull();
    expect(await value.load()).toBe('strings');
    expect(calls).toBe(2);
  });
});
