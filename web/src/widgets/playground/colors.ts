// How the playground colours things: TF Playground's orange (class 0, −1) and
// blue (class 1, +1) through a light grey, extended to six classes told apart
// by marker shape as well as colour. A map cell takes the colour of the class
// the network favours, as strongly as it favours it: (p_max − 1/k)/(1 − 1/k),
// which for two classes is TF Playground's |p₁ − p₀| on its orange–blue scale.
// Signed values (hidden neurons, regression, features) use that same scale.

import type { RGB } from '../../plots/colormap.ts';
import type { MarkerShape } from '../../plots/markers.ts';

export const NEUTRAL: RGB = [232, 234, 235];
export const CLASS_COLORS: readonly RGB[] = [
  [245, 147, 34], // orange (TF Playground's −1)
  [8, 119, 189], // blue (TF Playground's +1)
  [44, 160, 44], // green
  [148, 80, 170], // purple
  [200, 55, 60], // red
  [90, 90, 90], // grey
];
export const CLASS_SHAPES: readonly MarkerShape[] = ['circle', 'square', 'diamond', 'triangle', 'triangle-down', 'star'];
export const CLASS_NAMES: readonly string[] = ['orange', 'blue', 'green', 'purple', 'red', 'grey'];

export const css = (c: RGB): string => `rgb(${c[0]} ${c[1]} ${c[2]})`;

function put(px: Uint8ClampedArray, cell: number, to: RGB, t: number): void {
  const k = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0));
  const p = 4 * cell;
  px[p] = NEUTRAL[0] + (to[0] - NEUTRAL[0]) * k;
  px[p + 1] = NEUTRAL[1] + (to[1] - NEUTRAL[1]) * k;
  px[p + 2] = NEUTRAL[2] + (to[2] - NEUTRAL[2]) * k;
  px[p + 3] = 255;
}

/** v in [−1, 1] (clamped, after dividing by `scale`): orange below 0, blue above. */
export function signedPixels(values: Float32Array, cells: number, stride = 1, offset = 0, scale = 1): Uint8ClampedArray {
  const px = new Uint8ClampedArray(4 * cells);
  const orange = CLASS_COLORS[0] ?? NEUTRAL;
  const blue = CLASS_COLORS[1] ?? NEUTRAL;
  for (let c = 0; c < cells; c++) {
    const v = (values[c * stride + offset] ?? 0) / scale;
    put(px, c, v < 0 ? orange : blue, Math.abs(v));
  }
  return px;
}

/** Class probabilities (cells × k): the favoured class's colour, as strong as it is favoured; `discrete`: full colour. */
export function classPixels(probabilities: Float32Array, cells: number, k: number, discrete: boolean): Uint8ClampedArray {
  const px = new Uint8ClampedArray(4 * cells);
  for (let c = 0; c < cells; c++) {
    let best = 0;
    let pmax = -Infinity;
    for (let j = 0; j < k; j++) {
      const p = probabilities[c * k + j] ?? 0;
      if (p > pmax) {
        pmax = p;
        best = j;
      }
    }
    put(px, c, CLASS_COLORS[best] ?? NEUTRAL, discrete ? 1 : (pmax - 1 / k) / (1 - 1 / k));
  }
  return px;
}

/** One output unit's probability in its class's colour. */
export function unitPixels(values: Float32Array, cells: number, stride: number, offset: number, color: RGB): Uint8ClampedArray {
  const px = new Uint8ClampedArray(4 * cells);
  for (let c = 0; c < cells; c++) put(px, c, color, values[c * stride + offset] ?? 0);
  return px;
}

/** A regression output: the signed scale, or its sign when `discrete`. */
export function valuePixels(values: Float32Array, cells: number, discrete: boolean): Uint8ClampedArray {
  if (!discrete) return signedPixels(values, cells);
  return signedPixels(values.map((v) => (v >= 0 ? 1 : -1)), cells);
}

/** The largest |value| among a map's cells (features are scaled by it to fill the colour scale). */
export function maxAbs(values: Float32Array, cells: number, stride: number, offset: number): number {
  let m = 0;
  for (let c = 0; c < cells; c++) m = Math.max(m, Math.abs(values[c * stride + offset] ?? 0));
  return m > 0 ? m : 1;
}

/** The colour of a signed weight for the network's links: blue +, orange −. */
export function weightColor(w: number): string {
  return css((w >= 0 ? CLASS_COLORS[1] : CLASS_COLORS[0]) ?? NEUTRAL);
}
