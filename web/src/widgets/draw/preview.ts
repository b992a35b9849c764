// "What the network sees": the 28×28 image the core made of the ink, drawn
// pixel for pixel and enlarged with sharp pixels, with how long reading it took.

import { paintTile, parseCssColor, ramp, tileCanvas } from '../../plots/image-tile.ts';
import { THEME_CHANGE } from '../../theme.ts';
import { h } from '../../ui/dom.ts';

const SIDE = 28;

export interface Preview {
  readonly element: HTMLElement;
  /** 28×28 pixels in [0, 1], or null for a blank field. */
  setPixels(pixels: Float32Array | null): void;
  /** Preprocessing + forward pass in the worker, or null before the first prediction. */
  setLatency(milliseconds: number | null): void;
  destroy(): void;
}

export function createPreview(): Preview {
  const tile = tileCanvas(SIDE, 'The 28 by 28 image the network reads');
  tile.classList.add('digit-preview');
  const latency = h('p', { class: 'latency' }, 'Not read yet');
  const element = h(
    'div',
    { class: 'preview' },
    h('div', { class: 'preview-tile' }, tile),
    h(
      'div',
      { class: 'preview-text' },
      h(
        'p',
        { class: 'card-note' },
        'The core crops your ink to its bounding box, scales it into 20\u00a0×\u00a020 keeping its shape, and centres it by its centre of mass in a 28\u00a0×\u00a028 field: how MNIST’s digits were made.',
      ),
      latency,
    ),
  );

  let pixels: Float32Array = new Float32Array(SIDE * SIDE);
  function paint(): void {
    const css = getComputedStyle(element);
    const paper = parseCssColor(css.getPropertyValue('--surface')) ?? [255, 255, 255];
    const ink = parseCssColor(css.getPropertyValue('--text')) ?? [0, 0, 0];
    paintTile(tile, pixels, 0, SIDE, ramp(paper, ink), (v) => v);
    let sum = 0;
    for (const v of pixels) sum += v;
    tile.dataset.ink = sum.toFixed(1); // total ink, for tests: 0 means a blank field
  }
  document.addEventListener(THEME_CHANGE, paint);
  paint();

  return {
    element,
    setPixels(next) {
      pixels = next ?? new Float32Array(SIDE * SIDE);
      paint();
    },
    setLatency(ms) {
      if (ms === null) {
        latency.textContent = 'Not read yet';
        delete latency.dataset.latencyMs;
        return;
      }
      latency.dataset.latencyMs = ms.toFixed(3);
      latency.replaceChildren(
        h('span', { class: 'latency-value' }, ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`),
        ' to preprocess and read it, in the worker',
      );
    },
    destroy() {
      document.removeEventListener(THEME_CHANGE, paint);
      element.remove();
    },
  };
}
