import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { contourPath } from './contourPath';

/** Every number of a path string, in order. */
const numbers = (d: string) => [...d.matchAll(/-?\d+(\.\d+)?/g)].map((m) => Number(m[0]));
/** A path's commands without their numbers: "MLLZML…". */
const commands = (d: string) => d.replace(/[^MLZ]/g, '');

describe('contourPath', () => {
  // A two-moons-like probability map with two separate bumps and a hole, so that bands have several polygons
  // and rings inside rings.
  const n = 24;
  const values = Array.from({ length: n * n }, (_, k) => {
    const x = (k % n) / (n - 1);
    const y = Math.floor(k / n) / (n - 1);
    const bump = (cx: number, cy: number, r: number) => Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * r * r));
    return Math.min(1, 0.9 * bump(0.3, 0.35, 0.15) + 0.9 * bump(0.7, 0.65, 0.12) - 0.5 * bump(0.3, 0.35, 0.04));
  });
  const contours = d3.contours().size([n, n]).thresholds(d3.range(0.1, 1, 0.1))(values);
  const cell = 300 / (n - 1);
  const toX = (gx: number) => (gx - 0.5) * cell;
  const toY = (gy: number) => 30 + (gy - 0.5) * cell;

  it('draws what d3.geoPath draws through the same plane transform, ring by ring', () => {
    const geoPath = d3.geoPath(
      d3.geoTransform({
        point(gx, gy) {
          this.stream.point(toX(gx), toY(gy));
        },
      }),
    );
    expect(contours.some((band) => band.coordinates.length > 1), 'a band of several polygons').toBe(true);
    expect(contours.some((band) => band.coordinates.some((polygon) => polygon.length > 1)), 'a ring with a hole').toBe(true);
    for (const band of contours) {
      const ours = contourPath(band.coordinates, toX, toY);
      const theirs = geoPath(band) ?? '';
      expect(commands(ours), `band ${band.value}`).toBe(commands(theirs));
      const a = numbers(ours);
      const b = numbers(theirs);
      expect(a.length).toBe(b.length);
      // To a tenth of a pixel (svgCoord) against d3's thousandths.
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i]), `band ${band.value}, number ${i}`).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('draws nothing for an empty band', () => {
    expect(contourPath([], toX, toY)).toBe('');
  });
});
