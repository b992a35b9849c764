// The playground's settings, kept in its link (#/playground?data=spiral&
// features=x1_x2_sinx1_sinx2&layers=8-8&opt=adam&lr=0.01&at=150), with the
// core's vocabulary as their ranges; and how they become a data set, a
// network and a training config. TF Playground's defaults: circle, 500
// points (1,200 for regression), half of them training, batches of 10, x1 and
// x2 in, hidden layers of 4 and 2 tanh units, SGD at 0.03.
//
// A link reproduces its picture bit for bit: the data and the weights come
// from the seeds in it, and `at` is the epoch the picture was taken at (the
// network is trained there again, in the same build, batch by batch). So any
// change of a setting that shapes training starts again from epoch 0.

import type {
  ActivationName,
  FeatureName,
  NetworkSpec,
  PlaygroundDataSpec,
  PlaygroundSetName,
  TrainConfig,
  Vocabulary,
} from '../../../generated/mlp-simd.mjs';
import { choice, flag, int, list, num, type Table, type Values } from '../../state/url-state.ts';

/** Hidden layers and units per layer the diagram offers (TF Playground's). */
export const MAX_LAYERS = 6;
export const MAX_UNITS = 8;
/** UI limits, not the core's: TF Playground's batch slider stops at 30. */
export const MAX_BATCH = 100;
export const MAX_EPOCH = 100_000;

export const SPEEDS = {
  slow: { label: 'Slow (5 epochs/s)', epochsPerSecond: 5 },
  normal: { label: 'Normal (30 epochs/s)', epochsPerSecond: 30 },
  fast: { label: 'Fast (no limit)', epochsPerSecond: 0 },
} as const;
export type Speed = keyof typeof SPEEDS;

/** The hidden activations offered (step's zero derivative cannot train; softmax is for outputs). */
const HIDDEN: readonly ActivationName[] = ['tanh', 'relu', 'sigmoid', 'identity', 'leaky_relu', 'elu'];

export function playgroundTable(v: Vocabulary) {
  const p = v.playground;
  const bigger = Object.fromEntries(p.sets.filter((s) => s.regression).map((s) => [s.name, 1200]));
  return {
    data: choice(p.sets.map((s) => s.name), 'circle'),
    classes: int(2, 2, Math.max(...p.sets.map((s) => s.classes.max))),
    points: num(500, p.limits.points.min, p.limits.points.max, { integer: true, per: { on: 'data', values: bigger } }),
    noise: int(0, 0, Math.round(p.limits.noise.max * 100)), // percent, as TF Playground writes it
    train: int(50, p.limits.trainPercent.min, p.limits.trainPercent.max),
    seed: int(1, v.limits.seed.min, v.limits.seed.max),
    features: list(choice(p.features, 'x1'), ['x1', 'x2'], 1, p.features.length, '_'),
    layers: list(int(4, 1, MAX_UNITS), [4, 2], 0, MAX_LAYERS),
    act: choice(HIDDEN.filter((a) => v.activations.some((x) => x.name === a && x.hidden)), 'tanh'),
    init: choice(v.initializers.filter((i) => i !== 'zeros'), 'glorot_uniform'),
    wseed: int(1, v.limits.seed.min, v.limits.seed.max),
    opt: choice(v.optimizers.map((o) => o.name), 'sgd'),
    lr: num(0.03, v.limits.learningRate.min, 10, { per: { on: 'opt', values: { rmsprop: 0.003, adam: 0.01 } } }),
    batch: int(10, 1, MAX_BATCH),
    reg: choice(v.regularizations, 'none'),
    rate: num(0, v.limits.regularizationRate.min, 10),
    // Drawn points as x1_x2_label triples, joined by '_' (signed numbers).
    pts: list(num(0, p.limits.extent.min, p.limits.extent.max), [], 0, 3 * p.limits.drawn.max, '_'),
    at: int(0, 0, MAX_EPOCH),
    speed: choice(Object.keys(SPEEDS) as Speed[], 'normal'),
    test: flag(false),
    disc: flag(false),
  } satisfies Table;
}

export type PlaygroundTable = ReturnType<typeof playgroundTable>;
export type PlaygroundSettings = Values<PlaygroundTable>;

/** The settings that only change how things are shown: everything else starts training over. */
export const VIEW_ONLY = ['speed', 'test', 'disc', 'at'] as const;

export function isRegression(v: Vocabulary, set: PlaygroundSetName): boolean {
  return v.playground.sets.find((s) => s.name === set)?.regression ?? false;
}

/** The classes the set will have: the setting, within what the set accepts (xor: 2; regression: 0). */
export function classesOf(v: Vocabulary, s: PlaygroundSettings): number {
  const info = v.playground.sets.find((x) => x.name === s.data);
  if (!info || info.regression) return 0;
  return Math.min(info.classes.max, Math.max(info.classes.min, s.classes));
}

/** Drawn points as the core takes them: whole (x1, x2, label) triples only. */
export function drawnPoints(s: PlaygroundSettings): Float32Array {
  const n = s.pts.length - (s.pts.length % 3);
  return Float32Array.from(s.pts.slice(0, n));
}

export function dataSpec(v: Vocabulary, s: PlaygroundSettings): PlaygroundDataSpec {
  return {
    set: s.data,
    classes: Math.max(2, classesOf(v, s)),
    points: s.points,
    noise: s.noise / 100,
    trainPercent: s.train,
    seed: s.seed,
    drawn: drawnPoints(s),
  };
}

export function features(s: PlaygroundSettings): FeatureName[] {
  return [...new Set(s.features)];
}

export function networkSpec(v: Vocabulary, s: PlaygroundSettings): NetworkSpec {
  const classes = classesOf(v, s);
  return {
    inputs: features(s).length,
    layers: [...s.layers.map((units) => ({ units, activation: s.act })), { units: classes === 0 ? 1 : classes }],
    loss: classes === 0 ? 'mse' : 'softmax_cross_entropy',
    init: s.init,
    seed: s.wseed,
  };
}

/** The training config; the batch is capped at the training set's size (few drawn points and no generated ones). */
export function trainConfig(s: PlaygroundSettings, trainRows: number): TrainConfig {
  return {
    batchSize: Math.max(1, Math.min(s.batch, trainRows)),
    optimizer: s.opt,
    learningRate: s.lr,
    shuffleSeed: s.seed,
    regularization: s.reg,
    regularizationRate: s.rate,
  };
}

/** What decides the trained network: equal keys, equal pictures. */
export function modelKey(s: PlaygroundSettings): string {
  const rest: Record<string, unknown> = { ...s };
  for (const k of VIEW_ONLY) delete rest[k];
  return JSON.stringify(rest);
}
