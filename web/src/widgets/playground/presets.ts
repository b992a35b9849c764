// Ready-made settings that tell a story, each a few clicks in TF Playground
// or not possible there. Choosing one starts training from epoch 0.

import type { PlaygroundSettings } from './settings.ts';

export interface Preset {
  label: string;
  settings: Partial<PlaygroundSettings>;
}

export const PRESETS = {
  // The spiral solved: sin features hand the network the spiral's turns.
  // tests/native/test_playground.cpp holds it to >= 95% test accuracy at 150 epochs.
  spiral: {
    label: 'Spiral, solved with sin features',
    settings: { data: 'spiral', classes: 2, noise: 0, train: 50, features: ['x1', 'x2', 'sinx1', 'sinx2'], layers: [8, 8], act: 'tanh', opt: 'adam', lr: 0.01, batch: 10, reg: 'none', rate: 0 },
  },
  // The same spiral from the coordinates alone needs depth and time.
  deep: {
    label: 'Spiral from x₁, x₂ alone (deep)',
    settings: { data: 'spiral', classes: 2, noise: 0, features: ['x1', 'x2'], layers: [8, 8, 8, 8], act: 'tanh', opt: 'adam', lr: 0.01, batch: 10 },
  },
  // No hidden layer at all: with x₁² and x₂² a single linear unit draws the circle.
  circle: {
    label: 'Circle with no hidden layer (x₁², x₂²)',
    settings: { data: 'circle', classes: 2, features: ['x1sq', 'x2sq'], layers: [], opt: 'sgd', lr: 0.03 },
  },
  // XOR is linear in x₁x₂.
  xor: {
    label: 'XOR as one product feature',
    settings: { data: 'xor', classes: 2, features: ['x1x2'], layers: [], opt: 'sgd', lr: 0.03 },
  },
  // Beyond two classes: softmax over three spiral arms.
  three: {
    label: 'Three spiral arms (softmax)',
    settings: { data: 'spiral', classes: 3, noise: 10, features: ['x1', 'x2', 'sinx1', 'sinx2'], layers: [8, 8, 6], act: 'tanh', opt: 'adam', lr: 0.01, batch: 10 },
  },
  // L1 drives the weights of the useless features to zero.
  sparse: {
    label: 'L1 keeps only the features that matter',
    settings: { data: 'circle', classes: 2, features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'], layers: [4], act: 'tanh', opt: 'sgd', lr: 0.03, reg: 'l1', rate: 0.003 },
  },
} satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;
