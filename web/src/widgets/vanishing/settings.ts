// The vanishing-gradients lesson's settings, kept in its link
// (#/vanishing?act=relu&init=he_normal&width=64): a deep MLP on a 2-D set —
// its activation, initializer, depth and width — how it trains, and the
// presets that reproduce the classic pictures.

import type { ActivationName, InitName } from '../../../generated/mlp-simd.mjs';
import type { VanishingConfig } from '../../protocol-theory.ts';
import { choice, int, num, type Table, type Values } from '../../state/url-state.ts';

export const ACTS = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu'] as const satisfies readonly ActivationName[];
export const INITS = ['standard_normal', 'truncated_normal', 'glorot_uniform', 'he_normal'] as const satisfies readonly InitName[];
export const WIDTHS = [16, 32, 64, 128] as const;
export const SPEEDS = { slow: 20, fast: 0 } as const;

export const VANISHING_STATE = {
  act: choice(ACTS, 'sigmoid'),
  init: choice(INITS, 'truncated_normal'),
  depth: int(8, 2, 10),
  width: int(16, 16, 128),
  data: choice(['circles', 'moons'] as const, 'circles'),
  opt: choice(['sgd', 'adam'] as const, 'sgd'),
  lr: num(0.1, 0.0001, 10),
  seed: int(1, 0, 9999),
  speed: choice(['slow', 'fast'] as const, 'slow'),
} satisfies Table;

export type VanishingSettings = Values<typeof VANISHING_STATE>;

export interface Preset {
  key: string;
  label: string;
  /** What to look for, shown under the figure. */
  note: string;
  values: Partial<VanishingSettings>;
}

export const PRESETS: readonly Preset[] = [
  {
    key: 'vanishing',
    label: 'Vanishing: sigmoid',
    note: 'Sigmoid with the seed’s σ = 2/√n: no unit saturates, yet σ′ ≤ ¼ at every layer — the first layer’s gradient is over 1000× smaller than the last one’s, and it barely learns.',
    values: { act: 'sigmoid', init: 'truncated_normal', depth: 8, width: 16, opt: 'sgd', lr: 0.1 },
  },
  {
    key: 'saturated',
    label: 'Saturated: sigmoid, N(0, 1)',
    note: 'N(0, 1) weights push sigmoid units to 0 or 1 (the histograms’ ends), where σ′ ≈ 0 — Géron’s account. Yet the same large weights multiply the gradient back up on its way down: it falls far less than with σ = 2/√n.',
    values: { act: 'sigmoid', init: 'standard_normal', depth: 8, width: 16, opt: 'sgd', lr: 0.1 },
  },
  {
    key: 'glorot',
    label: 'Glorot & Bengio 2010',
    note: 'Sigmoid, Glorot’s init, 5 layers of 128: press Play. Within a few hundred steps the top hidden layer is driven to 0 and saturates while the lower layers stay near ½ — their Figure 2 — and learning stalls.',
    values: { act: 'sigmoid', init: 'glorot_uniform', depth: 5, width: 128, opt: 'sgd', lr: 1 },
  },
  {
    key: 'healthy',
    label: 'Healthy: ReLU + He',
    note: 'ReLU with He’s init (variance 2/n): every hidden layer gets a gradient of the same size, and the network trains.',
    values: { act: 'relu', init: 'he_normal', depth: 8, width: 64, opt: 'sgd', lr: 0.05 },
  },
  {
    key: 'exploding',
    label: 'Exploding: tanh, N(0, 1)',
    note: 'tanh′(0) = 1 and N(0, 1) weights: each layer multiplies the gradient by about √n on its way down, so the first layers get hundreds of times more than the last.',
    values: { act: 'tanh', init: 'standard_normal', depth: 8, width: 64, opt: 'sgd', lr: 0.01 },
  },
];

/** The preset these settings are, if any. */
export function presetOf(s: VanishingSettings): Preset | undefined {
  return PRESETS.find((p) => (Object.keys(p.values) as (keyof VanishingSettings)[]).every((k) => p.values[k] === s[k]));
}

export const PROBE_ROWS = 256;
export const BINS = 24;
/** |f′| below this counts as saturated. */
export const SATURATION = 0.05;
export const MAX_STEPS = 20_000;

export function vanishingConfig(s: VanishingSettings): VanishingConfig {
  const layers = Array.from({ length: s.depth }, () => ({ units: s.width, activation: s.act }));
  return {
    network: { inputs: 2, layers: [...layers, { units: 2 }], loss: 'softmax_cross_entropy', init: s.init, seed: s.seed },
    data: { kind: s.data, n: 512, noise: 0.1, seed: 1 },
    train: { batchSize: 32, optimizer: s.opt, learningRate: s.lr, shuffleSeed: s.seed },
    probeRows: PROBE_ROWS,
    bins: BINS,
    saturation: SATURATION,
    maxSteps: MAX_STEPS,
    stepsPerSecond: SPEEDS[s.speed],
  };
}

/** Settings that need a new network (everything but the pace). */
export const NETWORK_KEYS = ['act', 'init', 'depth', 'width', 'data', 'opt', 'lr', 'seed', 'speed'] as const;
