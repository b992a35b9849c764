// A drawing as data: strokes of points in fractions of the square canvas, so
// the same digit redraws at any size on screen (resize, HiDPI) and the ink the
// network reads never depends on the display. No DOM here: the Node test
// imports the constants and draws with the same numbers.

/**
 * Pen width as a fraction of the canvas side.
 *
 * MNIST's digits are about 20 px tall in the 28×28 field with strokes 2–3 px
 * wide: a stroke is roughly 1/8 of the digit's height. The core scales the
 * ink's bounding box into 20×20, so the pen must be about 1/8 of the height
 * people draw at, which on a pad is 50–80% of its side. Measured with the ten
 * digit paths of tests/browser/digit-strokes.mjs (tests/node/draw.test.mjs
 * prints it), the ink of a preprocessed digit against MNIST's mean for its
 * class is, at 0.09: 1.41× for a digit 36% of the side tall, 1.18× at 48%,
 * 0.98× at 60%, 0.83× at 78%. 0.08 centres on 48% instead (0.75× at 78%);
 * 0.12 blots a small 8 into a blob the model reads at only 68%. The pretrained
 * model reads all ten digits at every one of those sizes at 0.09.
 */
export const STROKE_WIDTH = 0.09;

/**
 * Side of the ink image sent to the worker (INK_SIDE² floats, 77 KB). Five
 * times 28: a digit drawn across half the pad still spans ~70 px, which the
 * core area-averages down to 20, so the result is as smooth as from the full
 * display resolution (the Node test found the same predictions at 280).
 */
export const INK_SIDE = 140;

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
