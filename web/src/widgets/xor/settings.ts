// The widget's settings and how they become a network and a training config.
// The defaults are the chapter's: a 2-4-2 tanh MLP, softmax cross-entropy,
// Adam 0.05, full batch of 4, Glorot init, seed 1 (100% on XOR in ~30 epochs).

import type { ActivationName, NetworkSpec, TrainConfig } from '../../../generated/mlp-simd.mjs';
import type { GateName } from '../../protocol.ts';

export const HIDDEN_ACTIVATIONS: readonly { value: ActivationName; label: string }[] = [
  { value: 'tanh', label: 'tanh' },
  { value: 'relu', label: 'ReLU' },
  { value: 'leaky_relu', label: 'Leaky ReLU' },
  { value: 'elu', label: 'ELU' },
  { value: 'sigmoid', label: 'Sigmoid' },
  { value: 'identity', label: 'Identity (linear)' },
];

/** Epochs per second; with a full batch of 4 one epoch is one optimizer step. 0 = as fast as possible. */
export const SPEEDS = {
  slow: { label: 'Slow (10 epochs/s)', epochsPerSecond: 10 },
  normal: { label: 'Normal (60 epochs/s)', epochsPerSecond: 60 },
  fast: { label: 'Fast (no limit)', epochsPerSecond: 0 },
} as const;
export type Speed = keyof typeof SPEEDS;

export interface XorSettings {
  gate: GateName;
  hidden: number;
  activation: ActivationName;
  learningRate: number;
  speed: Speed;
}

export const DEFAULT_SETTINGS: XorSettings = {
  gate: 'xor',
  hidden: 4,
  activation: 'tanh',
  learningRate: 0.05,
  speed: 'normal',
};

export const HIDDEN_RANGE = { min: 1, max: 16 } as const;
export const EPOCHS_PER_RUN = 300;
export const PERCEPTRON = { learningRate: 1, maxEpochs: 1000 } as const;

export function networkSpec(s: XorSettings): NetworkSpec {
  return {
    inputs: 2,
    layers: [{ units: s.hidden, activation: s.activation }, { units: 2 }],
    loss: 'softmax_cross_entropy',
    init: 'glorot_uniform',
    seed: 1,
  };
}

export function trainConfig(s: XorSettings): TrainConfig {
  return { batchSize: 4, optimizer: 'adam', learningRate: s.learningRate, shuffleSeed: 1 };
}

/** The layer sizes as people write them, e.g. 2-4-2. */
export function architecture(s: XorSettings): string {
  return `2-${s.hidden}-2`;
}
