// The worker's work as plain functions over the WASM module, so they run the
// same under Node (tests) as in the worker. Nothing here knows about messages
// or timing; see controller.ts and the jobs for that.

import type {
  Dataset,
  EvalResult,
  MlpModule,
  NetworkSpec,
  TrainConfig,
  Trainer,
} from '../../generated/mlp-simd.mjs';
import type {
  DataSource,
  EvaluateResult,
  Grid2D,
  PerceptronSummary,
  PredictInput,
} from '../protocol.ts';
import { GATE_INPUTS, assertNever } from '../protocol.ts';
import { requireMnist, share } from './mnist.ts';

/** A trainer and the data set it trains on (kept for evaluate). Free with closeSession. */
export interface Session {
  /** The job it belongs to. */
  readonly id: number;
  readonly trainer: Trainer;
  readonly data: Dataset;
  readonly network: NetworkSpec;
  readonly train: TrainConfig;
  readonly source: DataSource;
  /** Held-out sets, for sources that have them: MNIST's validation and test images, the playground's test points (as `validation`: scored after each epoch). */
  readonly validation?: Dataset;
  readonly test?: Dataset;
}

/** A new Dataset handle; the caller deletes it. */
export function makeDataset(mod: MlpModule, source: DataSource): Dataset {
  switch (source.kind) {
    case 'gate':
      return mod.Dataset.logicGate(source.gate);
    case 'mnist':
      return share(requireMnist(mod).train);
    case 'playground':
      return mod.playgroundDataset(source.data, source.features, 'train');
    default:
      return assertNever(source, 'data source');
  }
}

/** The feature rows of a source, row-major, for sources small enough to hold in JS. */
export function sourceFeatures(mod: MlpModule, source: DataSource): Float32Array {
  switch (source.kind) {
    case 'gate':
      return Float32Array.from(GATE_INPUTS.flat());
    case 'mnist':
      throw new Error('MNIST is too big to copy to JavaScript whole; use its Dataset');
    case 'playground':
      return mod.playgroundFeatures(mod.playgroundData(source.data).x, source.features);
    default:
      return assertNever(source, 'data source');
  }
}

export function openSession(
  mod: MlpModule,
  id: number,
  network: NetworkSpec,
  train: TrainConfig,
  source: DataSource,
  parameters?: Float32Array,
): Session {
  const data = makeDataset(mod, source);
  let trainer: Trainer | null = null;
  try {
    trainer = new mod.Trainer(network, train, data);
    // Start from given weights (a saved model): the core checks their count and finiteness.
    if (parameters) trainer.setParameters(parameters);
    const session: Session = { id, trainer, data, network, train, source };
    if (source.kind === 'playground') {
      const held = mod.playgroundData(source.data).test > 0;
      return held ? { ...session, validation: mod.playgroundDataset(source.data, source.features, 'test') } : session;
    }
    if (source.kind !== 'mnist') return session;
    const sets = requireMnist(mod);
    return { ...session, validation: share(sets.validation), test: share(sets.test) };
  } catch (e) {
    trainer?.delete();
    data.delete();
    throw e;
  }
}

export function closeSession(session: Session): void {
  session.trainer.delete();
  session.data.delete();
  session.validation?.delete();
  session.test?.delete();
}

/**
 * Scores after an epoch: the whole training set for small sources (the
 * playground's curves, like TF Playground's, show it rather than the running
 * mean of the epoch's batches; MNIST's 55,000 images would cost an epoch's
 * tenth), and the held-out set when the source has one.
 */
export function scoreEpoch(session: Session): { train: EvalResult | null; validation: EvalResult | null } {
  return {
    train: session.source.kind === 'mnist' ? null : session.trainer.evaluate(session.data),
    validation: session.validation ? session.trainer.evaluate(session.validation) : null,
  };
}

/** Cell-centre coordinates of a grid as rows of (x, y). */
export function gridPoints(grid: Grid2D): Float32Array {
  const { x0, x1, y0, y1, nx, ny } = grid;
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 1 && ny >= 1 && nx * ny <= 1 << 20))
    throw new Error(`grid must be 1 to 2^20 points with integer sides, got ${nx} × ${ny}`);
  const dx = (x1 - x0) / nx;
  const dy = (y1 - y0) / ny;
  const out = new Float32Array(nx * ny * 2);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const p = 2 * (j * nx + i);
      out[p] = x0 + (i + 0.5) * dx;
      out[p + 1] = y0 + (j + 0.5) * dy;
    }
  }
  return out;
}

function inputRows(input: PredictInput): { x: Float32Array; rows: number } {
  switch (input.kind) {
    case 'points':
      return { x: input.x, rows: input.rows };
    case 'grid':
      return { x: gridPoints(input.grid), rows: input.grid.nx * input.grid.ny };
    default:
      return assertNever(input, 'predict input');
  }
}

/** The network's outputs for each input, rows × outputs each. */
export function predict(session: Session, inputs: readonly PredictInput[]): Float32Array[] {
  return inputs.map((input) => {
    const { x, rows } = inputRows(input);
    return session.trainer.predict(x, rows);
  });
}

export function outputCount(session: Session): number {
  const layers = session.trainer.networkSpec().layers;
  const last = layers[layers.length - 1];
  if (!last) throw new Error('the network has no layers');
  return last.units;
}

export function evaluate(session: Session, steps: number): EvaluateResult {
  const r = session.trainer.evaluate(session.data);
  return { job: session.id, steps, loss: r.loss, accuracy: r.accuracy, count: r.count };
}

export function runPerceptron(
  mod: MlpModule,
  source: DataSource,
  learningRate: number,
  maxEpochs: number,
): PerceptronSummary {
  const data = makeDataset(mod, source);
  try {
    const r = mod.trainPerceptron(data, learningRate, maxEpochs);
    const x = sourceFeatures(mod, source);
    const predictions = mod.perceptronPredict(r.weights, x, data.size());
    return { weights: r.weights, errors: r.errors, epochs: r.epochs, converged: r.converged, predictions };
  } finally {
    data.delete();
  }
}
