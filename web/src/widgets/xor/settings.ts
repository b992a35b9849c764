// The widget's settings, kept in its link (#/xor?gate=or&hidden=3), and how
// they become a network and a training config. The defaults are the
// chapter's: a 2-4-2 tanh MLP, softmax cross-entropy, Adam 0.05, full batch
// of 4, Glorot init, seed 1 (100% on XOR in ~30 epochs).

import type { ActivationName, NetworkSpec, TrainConfig } from '../../../generated/mlp-simd.mjs';
import { GATES } from '../../protocol.ts';
import { choice, int, num, type Table, type Values } from '../../state/url-state.ts';

export const HIDDEN_ACTIVATIONS: readonly ActivationName[] = ['tanh', 'relu', 'leaky_relu', 'elu', 'sigmoid', 'identity'];

/** Epochs per second; with a full batch of 4 one epoch is one optimizer step. 0 = as fast as possible. */
export const SPEEDS = {
  slow: { label: 'Slow (10 epochs/s)', epochsPerSecond: 10 },
  normal: { label: 'Normal (60 epochs/s)', epochsPerSecond: 60 },
  fast: { label: 'Fast (no limit)', epochsPerSecond: 0 },
} as const;
export type Speed = keyof typeof SPEEDS;
const SPEED_NAMES = Object.keys(SPEEDS) as Speed[];

export const XOR_STATE = {
  gate: choice(GATES, 'xor'),
  hidden: int(4, 1, 16),
  act: choice(HIDDEN_ACTIVATIONS, 'tanh'),
  lr: num(0.05, 0.0001, 10),
  speed: choice(SPEED_NAMES, 'normal'),
} satisfies Table;

export type XorSettings = Values<typeof XOR_STATE>;

export const EPOCHS_PER_RUN = 300;
export const PERCEPTRON = { learningRate: 1, maxEpochs: 1000 } as const;

export function networkSpec(s: XorSettings): NetworkSpec {
  return {
    inputs: 2,
    layers: [{ units: s.hidden, activation: s.act }, { units: 2 }],
    loss: 'softmax_cross_entropy',
    init: 'glorot_uniform',
    seed: 1,
  };
}

export function trainConfig(s: XorSettings): TrainConfig {
  return { batchSize: 4, optimizer: 'adam', learningRate: s.lr, shuffleSeed: 1 };
}

/** The layer sizes as people write them, e.g. 2-4-2. */
export function architecture(s: XorSettings): string {
  return `2-${s.hidden}-2`;
}
