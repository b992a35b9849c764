// Drawing points on the output map with a mouse, a finger or a pen (Pointer
// Events, the pointer captured for the whole stroke, `touch-action: none` in
// the stylesheet so a finger does not scroll the page), or from the keyboard:
// arrows move a crosshair, Enter or Space puts a point there (or erases
// around it). A stroke lays a point every STEP units and is committed when
// the pointer lifts, so a stroke is one change of the link, not fifty.

export type Brush = { kind: 'off' } | { kind: 'point'; label: number } | { kind: 'erase' };

export type XY = readonly [number, number];

/** Apart at least this far along a stroke (the map spans 12 units). */
const STEP = 0.35;
/** What an eraser reaches. */
export const ERASE_RADIUS = 0.45;
const KEY_STEP = 0.25;

export interface BrushHandlers {
  brush(): Brush;
  /** Data coordinates of a pointer event on the canvas. */
  toData(e: { clientX: number; clientY: number }): XY;
  /** Keeps a point on the map: clamped to the extent, rounded to 0.01 (as the link writes it). */
  snap(p: XY): XY;
  /** A stroke ended (or a key was pressed): add these points with the brush's label, or erase around them. */
  commit(brush: Brush, points: readonly XY[]): void;
  /** The pending stroke or the keyboard's crosshair changed: draw again. */
  repaint(): void;
}

export interface BrushState {
  /** The stroke being drawn (not yet committed). */
  pending(): readonly XY[];
  /** Where the keyboard's crosshair stands, when shown. */
  cursor(): XY | null;
  detach(): void;
}

export function attachBrush(canvas: HTMLCanvasElement, h: BrushHandlers): BrushState {
  let stroke: XY[] = [];
  let active: number | null = null;
  let cursor: XY | null = null;

  const extend = (p: XY): void => {
    const last = stroke[stroke.length - 1];
    if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) < STEP) return;
    stroke.push(p);
    h.repaint();
  };

  const down = (e: PointerEvent): void => {
    if (h.brush().kind === 'off' || e.button > 0) return;
    e.preventDefault();
    active = e.pointerId;
    canvas.setPointerCapture(e.pointerId);
    stroke = [];
    cursor = null;
    extend(h.snap(h.toData(e)));
  };
  const move = (e: PointerEvent): void => {
    if (e.pointerId !== active) return;
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [e];
    for (const c of events.length > 0 ? events : [e]) extend(h.snap(h.toData(c)));
  };
  const up = (e: PointerEvent): void => {
    if (e.pointerId !== active) return;
    active = null;
    const done = stroke;
    stroke = [];
    if (done.length > 0) h.commit(h.brush(), done);
    h.repaint();
  };
  const cancel = (e: PointerEvent): void => {
    if (e.pointerId !== active) return;
    active = null;
    stroke = [];
    h.repaint();
  };

  const key = (e: KeyboardEvent): void => {
    const brush = h.brush();
    if (brush.kind === 'off') return;
    const step = e.shiftKey ? 4 * KEY_STEP : KEY_STEP;
    const moves: Record<string, XY> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const d = moves[e.key];
    if (d) {
      const at = cursor ?? [0, 0];
      cursor = h.snap([at[0] + d[0], at[1] + d[1]]);
    } else if ((e.key === 'Enter' || e.key === ' ') && cursor) {
      h.commit(brush, [cursor]);
    } else if (e.key === 'Escape' && cursor) {
      cursor = null;
    } else {
      return;
    }
    // The widget's own shortcuts (space plays) must not see this key too.
    e.preventDefault();
    e.stopPropagation();
    h.repaint();
  };
  const focus = (): void => {
    if (h.brush().kind === 'off') return;
    cursor = cursor ?? [0, 0];
    h.repaint();
  };
  const blur = (): void => {
    cursor = null;
    h.repaint();
  };

  // One signal removes every listener at detach.
  const listening = new AbortController();
  const on = { signal: listening.signal };
  canvas.addEventListener('pointerdown', down, on);
  canvas.addEventListener('pointermove', move, on);
  canvas.addEventListener('pointerup', up, on);
  canvas.addEventListener('pointercancel', cancel, on);
  canvas.addEventListener('keydown', key, on);
  canvas.addEventListener('focus', focus, on);
  canvas.addEventListener('blur', blur, on);
  return {
    pending: () => stroke,
    cursor: () => cursor,
    detach: () => listening.abort(),
  };
}

/**
 * The drawn-points list after a committed stroke: new (x1, x2, label)
 * triples appended, or the triples within ERASE_RADIUS of the eraser's path
 * removed; never more than `max` points.
 */
export function applyStroke(pts: readonly number[], brush: Brush, points: readonly XY[], max: number): number[] {
  const triples: number[][] = [];
  for (let i = 0; i + 2 < pts.length; i += 3) triples.push([pts[i] ?? 0, pts[i + 1] ?? 0, pts[i + 2] ?? 0]);
  if (brush.kind === 'point') {
    for (const [x, y] of points) if (triples.length < max) triples.push([x, y, brush.label]);
  } else if (brush.kind === 'erase') {
    const near = (t: number[]): boolean => points.some(([x, y]) => Math.hypot((t[0] ?? 0) - x, (t[1] ?? 0) - y) <= ERASE_RADIUS);
    return triples.filter((t) => !near(t)).flat();
  }
  return triples.flat();
}
