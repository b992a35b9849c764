// The still part of a contour plot, painted once per field, size or theme:
// the filled bands, the frame with ticks and axis labels, and the colour bar.
// Plain functions over a canvas context and the plot's geometry.

import { type Colormap, lutIndex } from './colormap.ts';
import type { Rect } from './clip.ts';
import { type Levels, formatLevel } from './contour-levels.ts';
import { formatTick, niceTicks } from './ticks.ts';

/** Where things are, in CSS pixels. */
export interface Frame {
  width: number;
  height: number;
  plot: Rect;
  /** [x0, x1, y0, y1] in data units. */
  view: readonly [number, number, number, number];
  toPx(x: number, y: number): [number, number];
}

/** Theme colours, read from CSS by the caller. */
export interface FrameColours {
  surface: string;
  /** The plot area before there is a field. */
  empty: string;
  border: string;
  muted: string;
  text: string;
}

export interface GridField {
  field: { nx: number; ny: number; view: readonly [number, number, number, number] };
  levels: Levels;
}

/** Band k of count (0 = below the first threshold). */
export function bandColor(map: Colormap, k: number, count: number): string {
  const i = 3 * lutIndex(count > 0 ? k / count : 0);
  return `rgb(${map[i] ?? 0} ${map[i + 1] ?? 0} ${map[i + 2] ?? 0})`;
}

/** The filled bands, lowest first: each fills the region above its threshold over the one below. */
export function paintField(ctx: CanvasRenderingContext2D, g: Frame, f: GridField | null, map: Colormap, c: FrameColours): void {
  const r = g.plot;
  ctx.save();
  ctx.beginPath();
  ctx.rect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
  ctx.clip();
  if (!f) {
    ctx.fillStyle = c.empty;
    ctx.fillRect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    ctx.restore();
    return;
  }
  const { nx, ny } = f.field;
  const [x0, x1, y0, y1] = f.field.view;
  // d3-contour's coordinates: grid node i sits at g = i + 0.5.
  const gx = (v: number): number => g.toPx(x0 + ((v - 0.5) / (nx - 1)) * (x1 - x0), 0)[0];
  const gy = (v: number): number => g.toPx(0, y0 + ((v - 0.5) / (ny - 1)) * (y1 - y0))[1];
  const count = f.levels.bands.length;
  ctx.fillStyle = bandColor(map, 0, count);
  ctx.fillRect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
  f.levels.bands.forEach((band, k) => {
    ctx.beginPath();
    for (const polygon of band.polygons) {
      for (const ring of polygon) {
        ring.forEach((p, i) => {
          const X = gx(p[0] ?? 0);
          const Y = gy(p[1] ?? 0);
          if (i === 0) ctx.moveTo(X, Y);
          else ctx.lineTo(X, Y);
        });
        ctx.closePath();
      }
    }
    ctx.fillStyle = bandColor(map, k + 1, count);
    ctx.fill('evenodd');
    // A faint isoline on each level keeps neighbouring bands apart.
    ctx.lineWidth = 0.6;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.22)';
    ctx.stroke();
  });
  ctx.restore();
}

export function paintAxes(ctx: CanvasRenderingContext2D, g: Frame, xLabel: string, yLabel: string, c: FrameColours): void {
  const r = g.plot;
  const [x0, x1, y0, y1] = g.view;
  ctx.strokeStyle = c.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(r.x0 - 0.5, r.y0 - 0.5, r.x1 - r.x0 + 1, r.y1 - r.y0 + 1);
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = c.muted;
  ctx.strokeStyle = c.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(x0, x1, Math.max(3, Math.round((r.x1 - r.x0) / 80)))) {
    const [px] = g.toPx(t, y0);
    ctx.beginPath();
    ctx.moveTo(px, r.y1);
    ctx.lineTo(px, r.y1 + 4);
    ctx.stroke();
    ctx.fillText(formatTick(t), px, r.y1 + 6);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of niceTicks(y0, y1, Math.max(3, Math.round((r.y1 - r.y0) / 60)))) {
    const [, py] = g.toPx(x0, t);
    ctx.beginPath();
    ctx.moveTo(r.x0 - 4, py);
    ctx.lineTo(r.x0, py);
    ctx.stroke();
    ctx.fillText(formatTick(t), r.x0 - 6, py);
  }
  ctx.fillStyle = c.text;
  ctx.font = 'italic 13px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(xLabel, (r.x0 + r.x1) / 2, g.height - 2);
  ctx.save();
  ctx.translate(12, (r.y0 + r.y1) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(yLabel, 0, 0);
  ctx.restore();
}

/** One block per band, right of the plot, with a few threshold values and the scale's name. */
export function paintColorbar(
  ctx: CanvasRenderingContext2D,
  g: Frame,
  levels: Levels,
  map: Colormap,
  label: string,
  c: FrameColours,
): void {
  const t = levels.thresholds;
  if (t.length < 2) return;
  const r = g.plot;
  const bx = r.x1 + 12;
  const bw = 10;
  const count = levels.bands.length;
  const h = r.y1 - r.y0;
  for (let k = 0; k <= count; k++) {
    ctx.fillStyle = bandColor(map, k, count);
    ctx.fillRect(bx, r.y1 - (h * (k + 1)) / (count + 1), bw, h / (count + 1) + 0.5);
  }
  ctx.strokeStyle = c.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(bx - 0.5, r.y0 - 0.5, bw + 1, h + 1);
  ctx.fillStyle = c.muted;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const picks = new Set([0, Math.round((t.length - 1) / 3), Math.round((2 * (t.length - 1)) / 3), t.length - 1]);
  for (const i of picks) {
    const v = t[i];
    // Threshold i is the bottom of band i + 1.
    if (v !== undefined) ctx.fillText(formatLevel(v), bx + bw + 4, r.y1 - (h * (i + 1)) / (count + 1));
  }
  ctx.save();
  ctx.translate(g.width - 6, (r.y0 + r.y1) / 2);
  ctx.rotate(Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(label + (levels.scale === 'log' ? ' (log levels)' : ''), 0, 0);
  ctx.restore();
}
