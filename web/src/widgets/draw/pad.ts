// The drawing pad: a square canvas driven by Pointer Events, so a mouse, a
// finger and a pen draw alike. The pointer is captured for the whole stroke
// (it keeps drawing when it leaves the pad), coalesced events keep fast strokes
// smooth, and `touch-action: none` (draw.css) stops the page from scrolling
// under a finger. The canvas' bitmap follows its CSS size × devicePixelRatio,
// so strokes stay crisp on HiDPI screens.

import { THEME_CHANGE } from '../../theme.ts';
import { h } from '../../ui/dom.ts';
import { Drawing, type Point, traceStrokes } from './strokes.ts';

export interface PadHandlers {
  /** The drawing changed: points added, a stroke undone, all cleared. */
  onChange(): void;
  /** The pen was lifted. */
  onStrokeEnd(): void;
}

export interface Pad {
  readonly element: HTMLElement;
  readonly drawing: Drawing;
  /** Removes the last stroke; false when there was none. */
  undo(): boolean;
  clear(): boolean;
  destroy(): void;
}

export function createPad(handlers: PadHandlers): Pad {
  const drawing = new Drawing();
  const canvas = h('canvas', {
    class: 'pad-canvas',
    role: 'img',
    'aria-label': 'Drawing pad: draw one digit, 0 to 9, with a mouse, a finger or a pen',
  });
  const placeholder = h('p', { class: 'pad-placeholder', 'aria-hidden': 'true' }, 'Draw a digit here');
  const element = h('div', { class: 'pad-frame' }, canvas, placeholder);

  // ---- painting: at most once per frame, whatever the pointer's event rate
  let frame = 0;
  function paint(): void {
    frame = 0;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const side = Math.max(1, Math.round(canvas.clientWidth * dpr));
    if (canvas.width !== side || canvas.height !== side) {
      canvas.width = side;
      canvas.height = side;
    }
    ctx.clearRect(0, 0, side, side);
    // The ink is the text colour of the theme (set in CSS), read at paint time.
    const ink = getComputedStyle(canvas).color;
    ctx.strokeStyle = ink;
    ctx.fillStyle = ink;
    traceStrokes(ctx, drawing.strokes, side);
    placeholder.hidden = !drawing.isEmpty;
  }
  function repaint(): void {
    if (!frame) frame = requestAnimationFrame(paint);
  }
  const resize = new ResizeObserver(repaint);
  resize.observe(canvas);
  document.addEventListener(THEME_CHANGE, repaint);

  function changed(): void {
    repaint();
    handlers.onChange();
  }

  // ---- pointers: one stroke at a time; a second finger is ignored, not a new stroke
  let active: number | null = null;
  let box: DOMRect = canvas.getBoundingClientRect();
  const toPoint = (e: PointerEvent): Point => [(e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height];

  canvas.addEventListener('pointerdown', (e) => {
    if (active !== null || e.button !== 0) return; // the main button: a mouse's left, a finger, a pen's tip (not its eraser)
    e.preventDefault(); // no text selection or drag while drawing with a mouse
    active = e.pointerId;
    element.dataset.pointerType = e.pointerType; // mouse, touch or pen: shown to tests
    box = canvas.getBoundingClientRect(); // read once per stroke, not on every move
    canvas.setPointerCapture(e.pointerId);
    drawing.begin(toPoint(e));
    changed();
  });

  canvas.addEventListener('pointermove', (e) => {
    if (e.pointerId !== active) return;
    // Browsers deliver one pointermove per frame; the coalesced events hold
    // every sample in between, which fast strokes need to stay round.
    const samples = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    if (drawing.extend((samples.length > 0 ? samples : [e]).map(toPoint))) changed();
  });

  function finish(e: PointerEvent): void {
    if (e.pointerId !== active) return;
    active = null;
    drawing.end();
    handlers.onStrokeEnd();
  }
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', finish);
  canvas.addEventListener('lostpointercapture', finish);

  return {
    element,
    drawing,
    undo() {
      active = null; // an undo in mid-stroke drops that stroke; the rest of it is ignored
      const done = drawing.undo();
      if (done) changed();
      return done;
    },
    clear() {
      active = null;
      const done = drawing.clear();
      if (done) changed();
      return done;
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      resize.disconnect();
      document.removeEventListener(THEME_CHANGE, repaint);
      element.remove();
    },
  };
}
