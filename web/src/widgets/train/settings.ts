// The Train view's settings, kept in its link
// (#/train?units=300-100&act=relu-relu&opt=sgd&lr=0.01&batch=50&epochs=40),
// with the core's limits and vocabulary (Module.vocabulary()) as their
// ranges; how they become a network and a training config; and which changes
// continue the live trainer and which start a new network.

import type {
  ActivationName,
  NetworkSpec,
  NormalizedNetworkSpec,
  OptimizerName,
  TrainConfig,
  Vocabulary,
} from '../../../generated/mlp-simd.mjs';
import { MNIST_SPLIT } from '../../protocol.ts';
import { choice, flag, int, list, num, type Table, type Values } from '../../state/url-state.ts';
import { ACTIVATION_LABELS, type OptimizerParamName } from '../../vocabulary.ts';

export const INPUTS = 784;
export const CLASSES = 10;
/** A UI choice, not a core limit: 500 epochs of MNIST is hours. */
export const MAX_EPOCHS = 500;

/** The optimizer hyper-parameters the form offers (ε stays the core's default), by their link keys. */
export const PARAM_KEYS = { momentum: 'mom', rho: 'rho', beta1: 'b1', beta2: 'b2' } as const;
export type ParamKey = (typeof PARAM_KEYS)[keyof typeof PARAM_KEYS];
type FormParam = keyof typeof PARAM_KEYS;

export function trainTable(v: Vocabulary) {
  const { limits } = v;
  const hidden = v.activations.filter((a) => a.hidden && a.name !== 'step').map((a) => a.name);
  const optimizers = v.optimizers.map((o) => o.name);
  const defaultsOf = (name: OptimizerParamName): Record<string, number> =>
    Object.fromEntries(v.optimizers.flatMap((o) => o.params.filter((p) => p.name === name).map((p) => [o.name, p.default])));
  const param = (name: FormParam) => {
    const spec = v.optimizers.flatMap((o) => o.params).find((p) => p.name === name);
    // The largest float32 below an exclusive bound (1 − 2⁻²⁴ for [0, 1)): a link can hold nothing the core refuses.
    const max = spec ? (spec.maxExclusive ? spec.max * (1 - 2 ** -24) : spec.max) : 1;
    return num(spec?.default ?? 0, spec?.min ?? 0, max, { per: { on: 'opt', values: defaultsOf(name) } });
  };
  return {
    // No hidden layer at all is the seed's softmax regression (784 → 10).
    units: list(int(1, limits.units.min, limits.units.max), [128, 64], limits.hiddenLayers.min, limits.hiddenLayers.max),
    act: list(choice(hidden, 'relu'), ['relu', 'relu'], 0, limits.hiddenLayers.max),
    init: choice(v.initializers, 'he_normal'),
    seed: int(42, limits.seed.min, limits.seed.max),
    opt: choice(optimizers, 'adam'),
    lr: num(0.001, limits.learningRate.min, limits.learningRate.max, {
      per: { on: 'opt', values: Object.fromEntries(v.optimizers.map((o) => [o.name, o.learningRate])) },
    }),
    [PARAM_KEYS.momentum]: param('momentum'),
    [PARAM_KEYS.rho]: param('rho'),
    [PARAM_KEYS.beta1]: param('beta1'),
    [PARAM_KEYS.beta2]: param('beta2'),
    batch: int(64, limits.batchSize.min, Math.min(limits.batchSize.max, MNIST_SPLIT.train)),
    epochs: int(3, 1, MAX_EPOCHS),
    aug: flag(false),
  } satisfies Table;
}

export type TrainTable = ReturnType<typeof trainTable>;
export type TrainSettings = Values<TrainTable>;

/**
 * Géron, ch. 10, "Training an MLP with plain TensorFlow": 784-300-100-10 ReLU,
 * weights from a normal truncated at 2σ with σ = 2/√n_inputs, SGD with
 * learning rate 0.01, mini-batches of 50 reshuffled every epoch, 40 epochs,
 * 55,000 training and 5,000 validation images.
 */
export const GERON_PRESET: Partial<TrainSettings> = {
  units: [300, 100],
  act: ['relu', 'relu'],
  init: 'truncated_normal',
  opt: 'sgd',
  lr: 0.01,
  batch: 50,
  epochs: 40,
  aug: false,
};

/**
 * The seed's first TensorFlow program: softmax regression, 784 → 10 with no
 * hidden layer, weights from zero, gradient descent on batches of 100 for
 * 1,000 steps (here two epochs: 1,100 steps), about 92% on the test set. Its
 * loss is the batch's *sum* (`-tf.reduce_sum(y_*tf.log(y))`) at rate 0.01;
 * the core's loss is the batch's mean, so the same steps take rate 0.01 × 100 = 1.
 */
export const SOFTMAX_PRESET: Partial<TrainSettings> = {
  units: [],
  act: [],
  init: 'zeros',
  opt: 'sgd',
  lr: 1,
  batch: 100,
  epochs: 2,
  aug: false,
};

/** The presets the form offers, in order. */
export const PRESETS = [
  { id: 'geron', label: 'Géron ch. 10 MLP', hint: '784-300-100-10 ReLU, truncated normal, SGD 0.01, batch 50, 40 epochs.', values: GERON_PRESET },
  {
    id: 'softmax',
    label: 'Softmax regression',
    hint: 'The seed’s first program: 784-10, no hidden layer, zero weights, batch 100, 2 epochs (~92%); its rate 0.01 on the summed loss is 1 on our mean loss.',
    values: SOFTMAX_PRESET,
  },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];

export interface HiddenLayer {
  units: number;
  activation: ActivationName;
}

/** The hidden layers: `act` follows `units` (a shorter list repeats its last activation). */
export function hiddenLayers(s: Pick<TrainSettings, 'units' | 'act'>): HiddenLayer[] {
  return s.units.map((units, i) => ({ units, activation: (s.act[i] ?? s.act[s.act.length - 1] ?? 'relu') as ActivationName }));
}

/** The optimizer hyper-parameters this optimizer uses, as the core names them. */
export function usedParams(v: Vocabulary, optimizer: OptimizerName): FormParam[] {
  const params = v.optimizers.find((o) => o.name === optimizer)?.params ?? [];
  return params.map((p) => p.name).filter((n): n is FormParam => n in PARAM_KEYS);
}

// ------------------------------------------------------------ to the core

export function networkSpec(s: TrainSettings): NetworkSpec {
  return {
    inputs: INPUTS,
    layers: [...hiddenLayers(s), { units: CLASSES }],
    loss: 'softmax_cross_entropy',
    init: s.init,
    seed: s.seed,
  };
}

export function trainConfig(v: Vocabulary, s: TrainSettings): TrainConfig {
  const config: TrainConfig = {
    batchSize: s.batch,
    optimizer: s.opt,
    learningRate: s.lr,
    shuffleSeed: s.seed,
    augment: s.aug,
  };
  for (const p of usedParams(v, s.opt)) config[p] = s[PARAM_KEYS[p]];
  return config;
}

// ------------------------------------------------------------ changes

export type ChangeKind =
  /** Nothing that shapes the network or its training changed (epochs may have). */
  | { kind: 'same' }
  /** Optimizer settings, batch size or augmentation: the live trainer takes them and goes on. */
  | { kind: 'continue'; what: string[] }
  /** Architecture, initializer or seed: a new network. */
  | { kind: 'rebuild'; what: string[] };

const CONTINUE: readonly [keyof TrainSettings, string][] = [
  ['opt', 'the optimizer'],
  ['lr', 'the learning rate'],
  [PARAM_KEYS.momentum, 'the momentum'],
  [PARAM_KEYS.rho, 'ρ'],
  [PARAM_KEYS.beta1, 'β₁'],
  [PARAM_KEYS.beta2, 'β₂'],
  ['batch', 'the batch size'],
  ['aug', 'augmentation'],
];

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What pressing Train does with `next` when the current network was built (and trained) with `built`. */
export function changeKind(built: TrainSettings, next: TrainSettings): ChangeKind {
  const [b, n] = [hiddenLayers(built), hiddenLayers(next)];
  const rebuild: string[] = [];
  if (!same(b.map((l) => l.units), n.map((l) => l.units))) rebuild.push('the hidden layers');
  if (!same(b.map((l) => l.activation), n.map((l) => l.activation))) rebuild.push('the activations');
  if (built.init !== next.init) rebuild.push('the initializer');
  if (built.seed !== next.seed) rebuild.push('the seed');
  if (rebuild.length > 0) return { kind: 'rebuild', what: rebuild };
  const cont = CONTINUE.filter(([k]) => !same(built[k], next[k])).map(([, w]) => w);
  return cont.length > 0 ? { kind: 'continue', what: cont } : { kind: 'same' };
}

// ------------------------------------------------------------ words

/** The architecture as people write it, e.g. 784-300-100-10. */
export function architecture(units: readonly number[]): string {
  return [INPUTS, ...units, CLASSES].join('-');
}

/** E.g. "784-300-100-10, ReLU" or "784-64-32-10, tanh / ELU". */
export function describeSpec(spec: NormalizedNetworkSpec): string {
  const shape = [spec.inputs, ...spec.layers.map((l) => l.units)].join('-');
  const acts = [...new Set(spec.layers.slice(0, -1).map((l) => ACTIVATION_LABELS[l.activation] ?? l.activation))];
  return acts.length > 0 ? `${shape}, ${acts.join(' / ')}` : shape;
}

/**
 * The settings that build this architecture: its layers, initializer and the
 * rest of `base` (an imported model keeps the optimizer the form shows).
 * Null when the link cannot express it (e.g. an identity hidden layer, or a
 * non-default leaky slope).
 */
export function settingsForSpec(v: Vocabulary, spec: NormalizedNetworkSpec, base: TrainSettings): TrainSettings | null {
  const hidden = spec.layers.slice(0, -1);
  const table = trainTable(v);
  if (spec.inputs !== INPUTS || hidden.length < table.units.minLength || hidden.length > table.units.maxLength) return null;
  const act: ActivationName[] = [];
  for (const l of hidden) {
    const known = v.activations.find((a) => a.name === l.activation);
    if (!known || !table.act.item.values.some((a) => a === l.activation)) return null;
    if (known.alpha !== null && Math.abs(l.alpha - known.alpha) > 1e-6) return null;
    act.push(l.activation);
  }
  const init = table.init.values.find((i) => i === spec.init) ?? base.init;
  return { ...base, units: hidden.map((l) => l.units), act, init };
}
