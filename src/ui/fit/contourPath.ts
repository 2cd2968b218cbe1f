import { svgCoord } from '../charts/scales';

/** The rings of a contour band as d3-contour gives them: GeoJSON MultiPolygon coordinates in grid units. */
export type ContourRings = readonly (readonly (readonly (readonly number[])[])[])[];

/**
 * SVG path data for a contour band, each grid point placed at (`toX(gx)`, `toY(gy)`). A ring closes with "Z" in
 * place of its last point, which GeoJSON repeats from its first. This is what d3.geoPath draws through a plane
 * transform (the test compares the two), without d3-geo's 6 kB of spherical machinery, which a flat grid never uses.
 */
export function contourPath(polygons: ContourRings, toX: (gx: number) => number, toY: (gy: number) => number): string {
  let d = '';
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length - 1; i++) {
        d += (i === 0 ? 'M' : 'L') + svgCoord(toX(ring[i][0])) + ',' + svgCoord(toY(ring[i][1]));
      }
      d += 'Z';
    }
  }
  return d;
}
