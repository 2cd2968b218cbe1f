import { describe, expect, it } from 'vitest';
import { layoutNetwork } from './layout';
import { summarisePass } from './passSummary';
import type { PassView } from '../../state/store';

describe('layoutNetwork', () => {
  it.each([
    [[1, 64, 64, 1], 1240, 460],
    [[1, 128, 128, 128, 1], 1240, 460],
    [[2, 128, 128, 128, 1], 340, 300],
    [[1, 8, 1], 600, 300],
  ])('places every unit of %j inside %i × %i without overlaps', (widths, width, height) => {
    const layout = layoutNetwork(widths, width, height);
    expect(layout.positions.map((layer) => layer.length)).toEqual(widths);
    const all = layout.positions.flat();
    for (const { x, y } of all) {
      expect(x - layout.radius).toBeGreaterThanOrEqual(0);
      expect(x + layout.radius).toBeLessThanOrEqual(width);
      expect(y + layout.radius).toBeLessThanOrEqual(height);
    }
    const keys = new Set(all.map(({ x, y }) => `${Math.round(x)},${Math.round(y)}`));
    expect(keys.size).toBe(all.length);
    // Layers go left to right.
    for (let l = 1; l < widths.length; l++) expect(layout.centres[l]).toBeGreaterThan(layout.centres[l - 1]);
  });

  it('keeps 64-unit layers legible on a laptop (radius ≥ 8 px)', () => {
    expect(layoutNetwork([1, 64, 64, 1], 1240, 460).radius).toBeGreaterThanOrEqual(8);
  });
});

describe('summarisePass', () => {
  const pass = {
    masks: [Uint8Array.from([1, 0, 0, 1]), Uint8Array.from([0, 1])],
  } as unknown as PassView;

  it('counts dropped units per layer and kept units overall', () => {
    expect(summarisePass(pass, [4, 2], 'train')).toEqual({
      layers: [{ dropped: 2, total: 4 }, { dropped: 1, total: 2 }],
      kept: 3,
      total: 6,
    });
  });

  it('drops nothing in eval mode or before the first pass', () => {
    expect(summarisePass(pass, [4, 2], 'eval').kept).toBe(6);
    expect(summarisePass(null, [4, 2], 'train').layers.every((layer) => layer.dropped === 0)).toBe(true);
  });
});
