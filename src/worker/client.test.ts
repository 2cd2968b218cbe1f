import { describe, expect, it } from 'vitest';
import { HEARTBEAT, hangLimit } from './client';

describe('hang detection', () => {
  it('calls 400 ms of silence a hang on a machine whose worker answers promptly', () => {
    expect(hangLimit(16)).toBe(HEARTBEAT.hangMs);
    expect(hangLimit(100)).toBe(HEARTBEAT.hangMs);
  });
  it('waits longer on a machine that has lately starved the worker, so a busy laptop does not lose its run', () => {
    expect(hangLimit(300)).toBe(900);
  });
  it('still restarts a worker that never answers, within the cap', () => {
    expect(hangLimit(10_000)).toBe(HEARTBEAT.maxHangMs);
  });
});
