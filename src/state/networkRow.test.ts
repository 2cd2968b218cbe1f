import { describe, expect, it } from 'vitest';
import { batchRowCount, showNetworkExample } from './training';
import { useStore } from './store';
import { parseUrlSettings } from './urlSchema';
import { DEFAULT_SCENARIO } from '../engine';

describe('batchRowCount', () => {
  it('is the training set for full batch, else the batch size, never more than the training set', () => {
    expect(batchRowCount(parseUrlSettings('').settings)).toBe(DEFAULT_SCENARIO.trainSize);
    expect(batchRowCount(parseUrlSettings('?n=100&batch=16').settings)).toBe(16);
    expect(batchRowCount(parseUrlSettings('?n=10&batch=300').settings)).toBe(10);
  });
});

describe('showNetworkExample', () => {
  it('stores a row inside the batch and refuses anything else, keeping the current row', () => {
    useStore.setState({ settings: parseUrlSettings('?n=30').settings, networkRow: 0 });
    expect(showNetworkExample(4)).toBe(true);
    expect(useStore.getState().networkRow).toBe(4);
    // The link carries it, 1-based as the chooser shows it.
    expect(useStore.getState().settings.example).toBe(5);
    for (const bad of [-1, 30, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(showNetworkExample(bad)).toBe(false);
      expect(useStore.getState().networkRow).toBe(4);
    }
    expect(showNetworkExample(29)).toBe(true);
    expect(useStore.getState().networkRow).toBe(29);
  });
});
