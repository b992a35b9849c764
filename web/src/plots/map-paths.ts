// What the contour map draws over its cached field: walks (clipped, thinned
// when long, with dots, an origin ring and a head marker or a "diverged"
// label), marked points, the draggable start and a caption. Plain functions
// of a 2-D context and a data → pixel mapping, in CSS pixels.

import { clipSegment, inside, lastVisiblePoint, type Rect } from './clip.ts';
import { drawMarker, type MarkerShape } from './markers.ts';

export interface MapPath {
  key: string;
  color: string;
  marker: MarkerShape;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Draw the first `shown` points (default all). */
  shown?: number;
  /** The walk stopped at its last point because the next step diverged. */
  diverged?: boolean;
  /** A dot at every point (sparse paths, e.g. one point per epoch). */
  dots?: boolean;
  /** A hollow ring at the first point. */
  origin?: boolean;
}

export interface MapPoint {
  x: number;
  y: number;
  shape: MarkerShape;
  color: string;
}

export type ToPx = (x: number, y: number) => [number, number];

/** Where the overlay is drawn: the plot area, the data it shows and the mapping between them. */
export interface Overlay {
  ctx: CanvasRenderingContext2D;
  plot: Rect;
  data: Rect;
  toPx: ToPx;
}

const HALO = 'rgba(255, 255, 255, 0.9)';

/** Paints the marked points, then each path's first `shown` points; "diverged" labels are moved apart so none overprints another. */
export function paintPaths(o: Overlay, paths: readonly MapPath[], points: readonly MapPoint[]): void {
  const { ctx, plot: r, toPx } = o;
  // Segments are clipped to a rectangle a little larger than the plot.
  const pad = Math.max(r.x1 - r.x0, r.y1 - r.y0);
  const far: Rect = { x0: r.x0 - pad, y0: r.y0 - pad, x1: r.x1 + pad, y1: r.y1 + pad };
  const placed: Rect[] = [];
  for (const pt of points) {
    const [px, py] = toPx(pt.x, pt.y);
    drawMarker(ctx, pt.shape, px, py, 6, pt.color, 'rgba(0, 0, 0, 0.75)');
  }
  for (const p of paths) {
    const n = Math.min(p.shown ?? p.x.length, p.x.length, p.y.length);
    if (n <= 0) continue;
    strokePath(o, p, n, far);
    if (p.dots) paintDots(o, p, n);
    if (p.origin) paintOrigin(o, p);
    const [hx, hy] = toPx(p.x[n - 1] ?? NaN, p.y[n - 1] ?? NaN);
    if (p.diverged && n >= p.x.length) paintDiverged(o, p, n, placed);
    else if (inside(hx, hy, r)) drawMarker(ctx, p.marker, hx, hy, 5, p.color);
  }
}

function strokePath({ ctx, toPx }: Overlay, p: MapPath, n: number, far: Rect): void {
  ctx.beginPath();
  let pen = false;
  // The previous point drawn: steps shorter than half a pixel are merged (100k SGD steps).
  let [ax, ay] = toPx(p.x[0] ?? NaN, p.y[0] ?? NaN);
  for (let k = 1; k < n; k++) {
    const [bx, by] = toPx(p.x[k] ?? NaN, p.y[k] ?? NaN);
    if (![ax, ay, bx, by].every(Number.isFinite)) {
      pen = false;
      [ax, ay] = [bx, by];
      continue;
    }
    if (k < n - 1 && Math.abs(bx - ax) < 0.5 && Math.abs(by - ay) < 0.5) continue;
    if (inside(ax, ay, far) && inside(bx, by, far)) {
      if (!pen) ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
      pen = true;
      [ax, ay] = [bx, by];
      continue;
    }
    const t = clipSegment(ax, ay, bx, by, far);
    pen = false;
    if (t) {
      ctx.moveTo(ax + (bx - ax) * t[0], ay + (by - ay) * t[0]);
      ctx.lineTo(ax + (bx - ax) * t[1], ay + (by - ay) * t[1]);
    }
    [ax, ay] = [bx, by];
  }
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  // Thousands of SGD steps would paint a solid blob at full width.
  const thin = n > 800;
  ctx.lineWidth = thin ? 2.6 : 4.5;
  ctx.strokeStyle = HALO;
  ctx.stroke();
  ctx.lineWidth = thin ? 1.1 : 2;
  ctx.strokeStyle = p.color;
  ctx.stroke();
}

function paintDots({ ctx, plot, toPx }: Overlay, p: MapPath, n: number): void {
  for (let k = 0; k < n; k++) {
    const [px, py] = toPx(p.x[k] ?? NaN, p.y[k] ?? NaN);
    if (!inside(px, py, plot)) continue;
    ctx.beginPath();
    ctx.arc(px, py, 2.2, 0, 2 * Math.PI);
    ctx.fillStyle = p.color;
    ctx.fill();
  }
}

function paintOrigin({ ctx, toPx }: Overlay, p: MapPath): void {
  const [ox, oy] = toPx(p.x[0] ?? NaN, p.y[0] ?? NaN);
  ctx.beginPath();
  ctx.arc(ox, oy, 5, 0, 2 * Math.PI);
  ctx.lineWidth = 3.5;
  ctx.strokeStyle = HALO;
  ctx.stroke();
  ctx.lineWidth = 1.8;
  ctx.strokeStyle = p.color;
  ctx.stroke();
}

function paintDiverged({ ctx, plot: r, data, toPx }: Overlay, p: MapPath, n: number, placed: Rect[]): void {
  const at = lastVisiblePoint(p.x, p.y, n, data);
  if (!at) return;
  const [px, py] = toPx(at[0], at[1]);
  drawMarker(ctx, 'cross', px, py, 7, p.color, '#000');
  ctx.font = '600 12px system-ui, sans-serif';
  const label = 'diverged';
  const w = ctx.measureText(label).width + 6;
  const hgt = 18;
  // Inside the plot, next to the marker, moved along until it overlaps no other label.
  const lx = Math.min(r.x1 - w - 2, Math.max(r.x0 + 2, px + 10));
  let ly = Math.min(r.y1 - hgt - 2, Math.max(r.y0 + 2, py - 21));
  const overlaps = (y: number): boolean => placed.some((b) => lx < b.x1 && lx + w > b.x0 && y < b.y1 && y + hgt > b.y0);
  for (let tries = 0; tries < 12 && overlaps(ly); tries++) ly = ly - hgt - 2 < r.y0 ? ly + (hgt + 2) * (tries + 1) : ly - hgt - 2;
  placed.push({ x0: lx, y0: ly, x1: lx + w, y1: ly + hgt });
  ctx.fillStyle = 'rgba(0, 0, 0, 0.7)';
  ctx.fillRect(lx, ly, w, hgt);
  ctx.strokeStyle = p.color;
  ctx.lineWidth = 2;
  ctx.strokeRect(lx, ly, w, hgt);
  ctx.fillStyle = '#fff';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, lx + 3, ly + hgt / 2);
}

/** The start point: a ring with a dot, and a focus ring (`focusColour`) while the keyboard is on the plot. */
export function paintStart({ ctx, plot, toPx }: Overlay, start: readonly [number, number], focusColour: string | null): void {
  const [sx, sy] = toPx(start[0], start[1]);
  if (!inside(sx, sy, plot)) return;
  ctx.beginPath();
  ctx.arc(sx, sy, 8, 0, 2 * Math.PI);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.35)';
  ctx.fill();
  ctx.lineWidth = 3.5;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
  ctx.stroke();
  ctx.lineWidth = 1.8;
  ctx.strokeStyle = '#fff';
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(sx, sy, 2, 0, 2 * Math.PI);
  ctx.fillStyle = '#fff';
  ctx.fill();
  if (focusColour) {
    ctx.beginPath();
    ctx.arc(sx, sy, 13, 0, 2 * Math.PI);
    ctx.lineWidth = 2;
    ctx.strokeStyle = focusColour;
    ctx.stroke();
  }
}

/** A short note in the plot's top-left corner. */
export function paintCaption({ ctx, plot: r }: Overlay, caption: string): void {
  ctx.font = '12px system-ui, sans-serif';
  const w = Math.min(ctx.measureText(caption).width, r.x1 - r.x0 - 22);
  ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.fillRect(r.x0 + 6, r.y0 + 6, w + 10, 20);
  ctx.fillStyle = '#fff';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(caption, r.x0 + 11, r.y0 + 16, w);
}
