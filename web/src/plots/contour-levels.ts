// Filled contour bands of a grid: levels spaced logarithmically (a loss
// surface spans many decades; equal ratios between levels show the valley
// floor and the walls alike) or linearly when the values change sign (the
// saddle). The polygons come from d3-contour's marching squares.

import { contours } from 'd3-contour';

export type LevelScale = 'log' | 'linear';

/** One band: the region where value >= threshold, as rings in grid coordinates. */
export interface Band {
  threshold: number;
  /** Polygons, each a list of rings (outer first, then holes), each ring [gx, gy][]; sample (i, j) sits at (i + 0.5, j + 0.5). */
  polygons: number[][][][];
}

export interface Levels {
  scale: LevelScale;
  thresholds: number[];
  bands: Band[];
  min: number;
  max: number;
}

/** Finite min and max; NaN/Inf cells are skipped. */
export function finiteRange(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/**
 * `count` thresholds from the data's range. Log levels start at the smallest
 * positive value, but no lower than max / 10^decades (a zero at the minimum
 * would otherwise ask for infinitely many decades).
 */
export function thresholds(min: number, max: number, count: number, scale: LevelScale, decades = 6): number[] {
  if (!(max > min)) return [min];
  if (scale === 'log') {
    const lo = Math.max(min, max / 10 ** decades, Number.MIN_VALUE);
    const a = Math.log(lo);
    const b = Math.log(max);
    return Array.from({ length: count }, (_, k) => Math.exp(a + ((b - a) * k) / count));
  }
  return Array.from({ length: count }, (_, k) => min + ((max - min) * (k + 0.5)) / count);
}

export function computeLevels(
  values: Float32Array,
  nx: number,
  ny: number,
  options: { count?: number; scale?: LevelScale | 'auto'; decades?: number } = {},
): Levels {
  const { min, max } = finiteRange(values);
  const wanted = options.scale ?? 'auto';
  const scale: LevelScale = wanted === 'auto' ? (min >= 0 ? 'log' : 'linear') : wanted;
  const ts = Number.isFinite(min) ? thresholds(min, max, options.count ?? 24, scale, options.decades) : [];
  // Non-finite cells count as the highest value: they are walls, not holes.
  const grid = Array.from(values, (v) => (Number.isFinite(v) ? v : max));
  const gen = contours().size([nx, ny]).thresholds(ts);
  const bands = gen(grid).map((c) => ({ threshold: c.value, polygons: c.coordinates }));
  return { scale, thresholds: ts, bands, min, max };
}

/** Short labels for level values: 0.001, 0.25, 12, 3.4k, 2e+5. */
export function formatLevel(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e5 || a < 1e-3) return v.toExponential(0);
  if (a >= 1000) return `${(v / 1000).toPrecision(2)}k`;
  return String(Number(v.toPrecision(2)));
}
