// The level-v line of a grid (e.g. the 0.5 decision boundary) as polylines.
// d3-contour returns filled polygons closed along the grid's edge; only the
// interior part is the isoline, so edge-hugging segments are dropped.

import { contours } from 'd3-contour';

/** Polylines in grid coordinates: x in [0, nx], y in [0, ny], sample (i, j) at (i + 0.5, j + 0.5). */
export type Polyline = [number, number][];

export function isolines(
  values: Float32Array,
  nx: number,
  ny: number,
  level: number,
  stride = 1,
  offset = 0,
): Polyline[] {
  const grid = new Float64Array(nx * ny);
  for (let k = 0; k < nx * ny; k++) grid[k] = values[k * stride + offset] ?? NaN;
  const [shape] = contours().size([nx, ny]).thresholds([level])(Array.from(grid));
  if (!shape) return [];
  const onEdge = (a: number[], b: number[]): boolean =>
    (a[0] === 0 && b[0] === 0) ||
    (a[0] === nx && b[0] === nx) ||
    (a[1] === 0 && b[1] === 0) ||
    (a[1] === ny && b[1] === ny);
  const lines: Polyline[] = [];
  for (const polygon of shape.coordinates) {
    for (const ring of polygon) {
      let line: Polyline = [];
      for (let k = 0; k < ring.length; k++) {
        const p = ring[k];
        const prev = ring[k - 1];
        if (!p) continue;
        if (prev && onEdge(prev, p)) {
          if (line.length > 1) lines.push(line);
          line = [];
        }
        line.push([p[0] ?? 0, p[1] ?? 0]);
      }
      if (line.length > 1) lines.push(line);
    }
  }
  return lines;
}
