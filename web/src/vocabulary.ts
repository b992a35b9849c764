// How the page names the core's vocabulary. Which activations, optimizers,
// initializers and hyper-parameters exist, their defaults and limits come from
// the core (Module.vocabulary(), sent in the worker's `ready` event); only the
// words people read live here.

import type { ActivationName, InitName, OptimizerName, Vocabulary } from '../generated/mlp-simd.mjs';

export const ACTIVATION_LABELS: Readonly<Record<ActivationName, string>> = {
  identity: 'Identity (linear)',
  step: 'Step',
  sigmoid: 'Sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  leaky_relu: 'Leaky ReLU',
  elu: 'ELU',
  softmax: 'Softmax',
};

export const OPTIMIZER_LABELS: Readonly<Record<OptimizerName, string>> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'NAG (Nesterov)',
  adagrad: 'Adagrad',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};

export const INIT_LABELS: Readonly<Record<InitName, string>> = {
  truncated_normal: 'Truncated normal, σ = 2/√n',
  glorot_uniform: 'Glorot uniform',
  he_normal: 'He normal',
  zeros: 'Zeros',
  standard_normal: 'Normal N(0, 1)',
};

export type OptimizerParamName = Vocabulary['optimizers'][number]['params'][number]['name'];

export const PARAM_LABELS: Readonly<Record<OptimizerParamName, string>> = {
  momentum: 'Momentum μ',
  rho: 'Decay ρ',
  beta1: 'β₁',
  beta2: 'β₂',
  epsilon: 'ε',
};

/** Options for a select: the names in order, with their labels. */
export function labelled<N extends string>(names: readonly N[], labels: Readonly<Record<N, string>>): { value: N; label: string }[] {
  return names.map((value) => ({ value, label: labels[value] }));
}
