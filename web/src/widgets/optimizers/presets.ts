// Names, colours and per-surface defaults of the optimizer race. The learning
// rates were picked by sweeping each optimizer on each surface with the core
// (steps to a loss below 1e-3, and no divergence) and keeping a rate that shows
// the optimizer's character: GD zig-zags across the bowl and crawls along
// Rosenbrock's valley, momentum overshoots, the adaptive ones go straight.

import type { OptimizerName, SurfaceName } from '../../../generated/mlp-simd.mjs';
import type { MarkerShape } from '../../plots/markers.ts';

export const SURFACES: readonly SurfaceName[] = ['bowl', 'rosenbrock', 'beale', 'saddle', 'himmelblau'];

export const SURFACE_LABELS: Readonly<Record<SurfaceName, string>> = {
  bowl: 'Bowl ½(x² + κy²)',
  rosenbrock: 'Rosenbrock',
  beale: 'Beale',
  saddle: 'Saddle x² − y²',
  himmelblau: 'Himmelblau',
};

export const SURFACE_NOTES: Readonly<Record<SurfaceName, string>> = {
  bowl: 'A quadratic bowl with condition number κ: the larger κ, the narrower the valley. Plain GD zig-zags, and diverges once η > 2/κ.',
  rosenbrock: 'A curved, flat-bottomed valley with its minimum at (1, 1): easy to find, slow to follow.',
  beale: 'Sharp ridges and a flat basin around the minimum at (3, 0.5).',
  saddle: 'No minimum at all: a good optimizer leaves the saddle point at the origin quickly.',
  himmelblau: 'Four equal minima: where a path ends depends on the start and on the optimizer.',
};

export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];

export const OPTIMIZER_LABELS: Readonly<Record<OptimizerName, string>> = {
  sgd: 'GD',
  momentum: 'Momentum',
  nesterov: 'NAG',
  adagrad: 'Adagrad',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};

/**
 * The six Okabe–Ito colours that are neither black nor yellow: told apart
 * with the common colour-vision deficiencies, readable on light and dark
 * cards, and drawn over a light halo on the contour maps. Each path also has
 * its own marker shape, so colour is never the only cue.
 */
export const OPTIMIZER_COLORS: Readonly<Record<OptimizerName, string>> = {
  sgd: '#0072b2',
  momentum: '#e69f00',
  nesterov: '#56b4e9',
  adagrad: '#009e73',
  rmsprop: '#cc79a7',
  adam: '#d55e00',
};

export const OPTIMIZER_MARKERS: Readonly<Record<OptimizerName, MarkerShape>> = {
  sgd: 'circle',
  momentum: 'square',
  nesterov: 'diamond',
  adagrad: 'triangle',
  rmsprop: 'triangle-down',
  adam: 'cross',
};

interface SurfacePreset {
  start: readonly [number, number];
  steps: number;
  /** Decades of log contour levels: enough to show the valley floor, few enough to keep the walls apart. */
  decades: number;
  lr: Readonly<Record<OptimizerName, number>>;
}

export const SURFACE_PRESETS: Readonly<Record<SurfaceName, SurfacePreset>> = {
  bowl: {
    start: [-8, 4],
    steps: 150,
    decades: 3,
    lr: { sgd: 0.18, momentum: 0.05, nesterov: 0.05, adagrad: 1, rmsprop: 0.1, adam: 0.5 },
  },
  rosenbrock: {
    start: [-1.2, 1],
    steps: 1000,
    decades: 5,
    lr: { sgd: 0.002, momentum: 0.001, nesterov: 0.001, adagrad: 0.5, rmsprop: 0.01, adam: 0.1 },
  },
  beale: {
    start: [1, 1.5],
    steps: 500,
    decades: 5,
    lr: { sgd: 0.01, momentum: 0.002, nesterov: 0.002, adagrad: 1, rmsprop: 0.02, adam: 0.1 },
  },
  saddle: {
    start: [-1.8, 0.05],
    steps: 80,
    decades: 1,
    lr: { sgd: 0.05, momentum: 0.01, nesterov: 0.01, adagrad: 0.1, rmsprop: 0.01, adam: 0.05 },
  },
  himmelblau: {
    start: [0.5, -1],
    steps: 200,
    decades: 4,
    lr: { sgd: 0.01, momentum: 0.002, nesterov: 0.002, adagrad: 0.5, rmsprop: 0.05, adam: 0.1 },
  },
};

/** One default per surface, for a `per` property. */
export function perSurface(pick: (p: SurfacePreset) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of SURFACES) out[s] = pick(SURFACE_PRESETS[s]);
  return out;
}

/** The three regimes of the regression lesson and the network tab. */
export const REGIMES = ['batch', 'sgd', 'mini'] as const;
export type Regime = (typeof REGIMES)[number];

export const REGIME_LABELS: Readonly<Record<Regime, string>> = {
  batch: 'Batch GD',
  sgd: 'SGD',
  mini: 'Mini-batch GD',
};

export const REGIME_COLORS: Readonly<Record<Regime, string>> = {
  batch: '#0072b2',
  sgd: '#e69f00',
  mini: '#009e73',
};

export const REGIME_MARKERS: Readonly<Record<Regime, MarkerShape>> = {
  batch: 'circle',
  sgd: 'diamond',
  mini: 'square',
};

/** Animation speeds: race steps per second, regression epochs per second. */
export const SPEEDS = ['slow', 'normal', 'fast'] as const;
export type Speed = (typeof SPEEDS)[number];
export const SPEED_LABELS: Readonly<Record<Speed, string>> = { slow: 'Slow', normal: 'Normal', fast: 'Fast' };
