// A drawing as data: strokes of points in fractions of the square canvas, so
// the same digit redraws at any size on screen (resize, HiDPI) and the ink the
// network reads never depends on the display. No DOM here: the Node test
// imports the constants and draws with the same numbers.

/**
 * The pad's pen width on screen, as a fraction of the canvas side. Only for
 * showing the ink: the network does not read the pad's pixels. The worker
 * hands the strokes themselves to the core (packStrokes → Module.rasterizeStrokes),
 * which draws them again with a pen proportional to the digit's size (0.15 of
 * its larger extent, as MNIST's digits were scaled with their strokes), so a
 * small digit in a corner reads like a large one instead of as a blob.
 */
export const STROKE_WIDTH = 0.09;

/** x, y in [0, 1] of the canvas side, y downwards. */
export type Point = readonly [number, number];
export type Stroke = readonly Point[];

/** Closer than this (in canvas fractions) to the previous point adds nothing but work. */
const MIN_STEP = 0.002;

/** The strokes of one drawing, with per-stroke undo. */
export class Drawing {
  private readonly done: Point[][] = [];
  private current: Point[] | null = null;
  /** Grows on every change, so a result can tell which drawing it belongs to. */
  version = 0;

  get strokes(): readonly Stroke[] {
    return this.current ? [...this.done, this.current] : this.done;
  }

  get isEmpty(): boolean {
    return this.done.length === 0 && this.current === null;
  }

  get drawing(): boolean {
    return this.current !== null;
  }

  begin(p: Point): void {
    this.end();
    this.current = [clampPoint(p)];
    this.version++;
  }

  /** Adds points to the stroke in progress; returns whether anything changed. */
  extend(points: readonly Point[]): boolean {
    const stroke = this.current;
    if (!stroke) return false;
    let changed = false;
    for (const raw of points) {
      const p = clampPoint(raw);
      const last = stroke[stroke.length - 1];
      if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) < MIN_STEP) continue;
      stroke.push(p);
      changed = true;
    }
    if (changed) this.version++;
    return changed;
  }

  end(): void {
    if (!this.current) return;
    this.done.push(this.current);
    this.current = null;
  }

  /** Removes the last stroke (the one in progress, if any); false when there was none. */
  undo(): boolean {
    if (this.current) this.current = null;
    else if (this.done.pop() === undefined) return false;
    this.version++;
    return true;
  }

  clear(): boolean {
    if (this.isEmpty) return false;
    this.done.length = 0;
    this.current = null;
    this.version++;
    return true;
  }
}

/** The strokes as the core takes them (Module.rasterizeStrokes): x, y interleaved, and the points per stroke. Fresh arrays, to transfer. */
export function packStrokes(strokes: readonly Stroke[]): { xy: Float32Array; lengths: Int32Array } {
  const lengths = Int32Array.from(strokes, (s) => s.length);
  const xy = new Float32Array(2 * lengths.reduce((a, n) => a + n, 0));
  let k = 0;
  for (const stroke of strokes)
    for (const [x, y] of stroke) {
      xy[k++] = x;
      xy[k++] = y;
    }
  return { xy, lengths };
}

function clampPoint([x, y]: Point): Point {
  return [Math.min(1, Math.max(0, x)), Math.min(1, Math.max(0, y))];
}

/** The part of a 2-D context tracing needs: a canvas, an OffscreenCanvas or a test double. */
export type PathContext = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'arc' | 'fill' | 'stroke' | 'lineWidth' | 'lineCap' | 'lineJoin'
>;

/**
 * Strokes the drawing at `side` pixels per canvas side in the context's
 * current colour. Points are joined by quadratic curves through their
 * midpoints, which smooths a mouse's jagged path without lagging behind it.
 */
export function traceStrokes(ctx: PathContext, strokes: readonly Stroke[], side: number): void {
  const width = STROKE_WIDTH * side;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    const first = stroke[0];
    if (!first) continue;
    ctx.beginPath();
    if (stroke.length === 1) {
      // A tap: a dot as wide as the pen (a zero-length line has no caps everywhere).
      ctx.arc(first[0] * side, first[1] * side, width / 2, 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    ctx.moveTo(first[0] * side, first[1] * side);
    for (let i = 1; i < stroke.length - 1; i++) {
      const p = stroke[i];
      const q = stroke[i + 1];
      if (!p || !q) continue;
      ctx.quadraticCurveTo(p[0] * side, p[1] * side, ((p[0] + q[0]) / 2) * side, ((p[1] + q[1]) / 2) * side);
    }
    const last = stroke[stroke.length - 1] ?? first;
    ctx.lineTo(last[0] * side, last[1] * side);
    ctx.stroke();
  }
}
