// The contour map's movable start point: dragged with a pointer (mouse,
// touch, pen; captured, so a drag may leave the canvas) within the plot
// area, or nudged with the arrow keys (Shift: five times as far).

import { inside, type Rect } from './clip.ts';

const NUDGE = 0.02; // of the view's width or height per key press

export interface StartControlOptions {
  /** The plot area in CSS pixels of the canvas. */
  plotRect(): Rect;
  /** The data range shown: [x0, x1, y0, y1]. */
  view(): readonly [number, number, number, number];
  fromPx(px: number, py: number): [number, number];
  /** The start now, or null while there is none (keys do nothing then). */
  start(): readonly [number, number] | null;
  /** `final` is false while a drag moves, true at its end and for key presses. */
  onStart(x: number, y: number, final: boolean): void;
}

export function attachStartControl(canvas: HTMLCanvasElement, o: StartControlOptions): void {
  let dragging = false;
  const local = (e: PointerEvent): [number, number] => {
    const b = canvas.getBoundingClientRect();
    return [e.clientX - b.left, e.clientY - b.top];
  };
  // The pointer's place in data coordinates, held inside the plot area.
  const eventPoint = (e: PointerEvent): [number, number] => {
    const [px, py] = local(e);
    const r = o.plotRect();
    return o.fromPx(Math.min(r.x1, Math.max(r.x0, px)), Math.min(r.y1, Math.max(r.y0, py)));
  };
  canvas.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || !inside(...local(e), o.plotRect())) return;
    dragging = true;
    canvas.setPointerCapture(e.pointerId);
    canvas.dataset.dragging = 'true';
    o.onStart(...eventPoint(e), false);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (dragging) o.onStart(...eventPoint(e), false);
  });
  const end = (e: PointerEvent): void => {
    if (!dragging) return;
    dragging = false;
    delete canvas.dataset.dragging;
    o.onStart(...eventPoint(e), true);
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('keydown', (e) => {
    const start = o.start();
    if (!start || e.altKey || e.ctrlKey || e.metaKey) return;
    const [x0, x1, y0, y1] = o.view();
    const f = e.shiftKey ? NUDGE * 5 : NUDGE;
    const steps: Record<string, [number, number]> = {
      ArrowLeft: [-(x1 - x0) * f, 0],
      ArrowRight: [(x1 - x0) * f, 0],
      ArrowUp: [0, (y1 - y0) * f],
      ArrowDown: [0, -(y1 - y0) * f],
    };
    const step = steps[e.key];
    if (!step) return;
    e.preventDefault();
    e.stopPropagation(); // arrows here move the start, not the animation
    o.onStart(Math.min(x1, Math.max(x0, start[0] + step[0])), Math.min(y1, Math.max(y0, start[1] + step[1])), true);
  });
}
