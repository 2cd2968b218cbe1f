import { describe, expect, it } from 'vitest';
import { CLOCK, ThroughputMeter, decide, nextRevealInMs, revealedLayers } from './trainingClock';

describe('decide', () => {
  it('does nothing while paused', () => {
    expect(decide('full', false, 1000, 0)).toEqual({ steps: 0, nextInMs: null });
    expect(decide('slow', false, 1000, -Infinity)).toEqual({ steps: 0, nextInMs: null });
  });

  it('trains a time slice at full speed and comes back at once', () => {
    expect(decide('full', true, 5, 0)).toEqual({ steps: 'slice', nextInMs: 0 });
  });

  it('paces steps at ~4 per second and slow motion at one pass per 1.2 s', () => {
    expect(decide('steps', true, 100, -Infinity)).toEqual({ steps: 1, nextInMs: CLOCK.stepsIntervalMs });
    expect(decide('steps', true, 100 + 249, 100)).toEqual({ steps: 0, nextInMs: 1 });
    expect(decide('steps', true, 100 + 250, 100).steps).toBe(1);
    expect(decide('slow', true, 500, 0)).toEqual({ steps: 0, nextInMs: 700 });
    expect(decide('slow', true, 1200, 0).steps).toBe(1);
  });

  it('never replays missed steps in a burst', () => {
    // Ten seconds late: still a single step, then the normal interval.
    expect(decide('steps', true, 10_000, 0)).toEqual({ steps: 1, nextInMs: CLOCK.stepsIntervalMs });
  });
});

describe('slow-motion reveal', () => {
  it('shows everything at once except in slow motion', () => {
    expect(revealedLayers('full', 4, 0)).toBe(4);
    expect(revealedLayers('steps', 4, 0)).toBe(4);
    expect(nextRevealInMs('full', 4, 0)).toBeNull();
  });

  it('walks through the layers in order and then stays complete', () => {
    const seen = [0, 100, 200, 400, 600, 1000].map((ms) => revealedLayers('slow', 4, ms));
    expect(seen).toEqual([1, 1, 2, 3, 4, 4]);
    expect(nextRevealInMs('slow', 4, 0)).toBeCloseTo(180);
    expect(nextRevealInMs('slow', 4, 800)).toBeNull();
  });
});

describe('ThroughputMeter', () => {
  it('measures epochs per second over its window', () => {
    const meter = new ThroughputMeter(1000);
    expect(meter.epochsPerSecond()).toBe(0);
    for (let t = 0; t <= 2000; t += 100) meter.record(t, t * 2); // 2 epochs per ms = 2000 per s
    expect(meter.epochsPerSecond()).toBeCloseTo(2000);
    meter.clear();
    expect(meter.epochsPerSecond()).toBe(0);
  });
});
