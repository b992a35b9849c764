// The data drawn over the output map, TF Playground's way: training points
// ringed white, test points ringed dark (shown on request), classes by colour
// and by shape; the points a person drew carry a second, dark ring so they
// read as theirs. Regression points take their target's colour.

import type { PlaygroundData } from '../../../generated/mlp-simd.mjs';
import type { Projection } from '../../plots/heatmap.ts';
import { drawMarker } from '../../plots/markers.ts';
import { CLASS_COLORS, CLASS_SHAPES, NEUTRAL, css } from './colors.ts';

export interface ShownPoints {
  data: PlaygroundData;
  /** Rows [drawnFrom, data.train) are the drawn points. */
  drawnFrom: number;
  showTest: boolean;
}

function colorOf(d: PlaygroundData, row: number): string {
  if (d.classes > 0) return css(CLASS_COLORS[d.labels[row] ?? 0] ?? NEUTRAL);
  const t = Math.max(-1, Math.min(1, d.targets[row] ?? 0));
  const to = (t < 0 ? CLASS_COLORS[0] : CLASS_COLORS[1]) ?? NEUTRAL;
  const k = Math.abs(t);
  return css([0, 1, 2].map((i) => Math.round((NEUTRAL[i] ?? 0) + ((to[i] ?? 0) - (NEUTRAL[i] ?? 0)) * k)) as [number, number, number]);
}

export function drawPoints(ctx: CanvasRenderingContext2D, at: Projection, shown: ShownPoints): void {
  const { data, drawnFrom, showTest } = shown;
  const r = 3.2 * at.dpr;
  const last = showTest ? data.train + data.test : data.train;
  // Test points first, so training points (what the network learns from) sit on top.
  for (const phase of ['test', 'train'] as const) {
    const [from, to] = phase === 'test' ? [data.train, last] : [0, data.train];
    for (let row = from; row < to; row++) {
      const x = at.x(data.x[2 * row] ?? 0);
      const y = at.y(data.x[2 * row + 1] ?? 0);
      const shape = data.classes > 0 ? (CLASS_SHAPES[data.labels[row] ?? 0] ?? 'circle') : 'circle';
      const drawn = row >= drawnFrom && row < data.train;
      if (drawn) drawMarker(ctx, shape, x, y, r * 1.55, '#1a1d23', '#1a1d23');
      drawMarker(ctx, shape, x, y, drawn ? r * 1.25 : r, colorOf(data, row), phase === 'test' ? '#1a1d23' : '#ffffff');
    }
  }
}

/** A crosshair where the keyboard's brush stands. */
export function drawCursor(ctx: CanvasRenderingContext2D, at: Projection, x: number, y: number, radius: number): void {
  const cx = at.x(x);
  const cy = at.y(y);
  const r = Math.abs(at.x(x + radius) - cx);
  ctx.lineWidth = 2 * at.dpr;
  for (const [color, width] of [['rgba(0, 0, 0, 0.7)', 4], ['#ffffff', 2]] as const) {
    ctx.strokeStyle = color;
    ctx.lineWidth = width * at.dpr;
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    ctx.moveTo(cx - r * 1.6, cy);
    ctx.lineTo(cx - r * 0.6, cy);
    ctx.moveTo(cx + r * 0.6, cy);
    ctx.lineTo(cx + r * 1.6, cy);
    ctx.moveTo(cx, cy - r * 1.6);
    ctx.lineTo(cx, cy - r * 0.6);
    ctx.moveTo(cx, cy + r * 0.6);
    ctx.lineTo(cx, cy + r * 1.6);
    ctx.stroke();
  }
}
