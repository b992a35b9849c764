// The decision-boundary playground's messages (requests prefixed `pg-`), part
// of the one page ↔ worker schema: protocol.ts adds them to `Request` and
// `Results`. Its network trains as an ordinary training job (`open` with a
// `playground` data source, then `start` / `pause` / `reset` / `close`); these
// requests read that job's pictures, or draw a data set without a job.

import type { EvalResult, PlaygroundData, PlaygroundDataSpec } from '../generated/mlp-simd.mjs';
import type { Grid2D } from './protocol.ts';

/** The points of a data set (thumbnails, and the points a job trains on: the same spec gives the same points). */
export interface PgDataRequest {
  type: 'pg-data';
  id: number;
  data: PlaygroundDataSpec;
}

/** A neuron: its layer (0 = the first hidden layer; the last is the output layer) and unit. */
export interface NeuronRef {
  layer: number;
  unit: number;
}

/** What a playground job's network computes over the plane, now. */
export interface PgMapsRequest {
  type: 'pg-maps';
  id: number;
  job: number;
  /** The output map (fine). */
  grid: Grid2D;
  /** Every input feature's and every neuron's own map (coarse). */
  neuronGrid: Grid2D;
  /** One neuron's map on the fine grid (a neuron shown large), or null. */
  focus: NeuronRef | null;
}

export interface PgMaps {
  job: number;
  /** Optimizer steps taken when the maps were computed. */
  steps: number;
  /** grid cells × outputs, row-major: class probabilities, or the regression value. */
  output: Float32Array;
  outputs: number;
  /** Per layer, neuronGrid cells × units (hidden activations; the output layer's probabilities or value). */
  layers: Float32Array[];
  /** neuronGrid cells × every feature (vocabulary().playground.features' order, fed in or not): each one's value. */
  features: Float32Array;
  /** The focused neuron on the fine grid (cells), or null. */
  focus: Float32Array | null;
  /** Every weight and bias, in Trainer.parameters() layout (for the links' widths and colours). */
  parameters: Float32Array;
  /** The data loss and accuracy on the whole training set, and on the test set (null when it has no points). */
  train: EvalResult;
  test: EvalResult | null;
}

export type PlaygroundRequest = PgDataRequest | PgMapsRequest;

export interface PlaygroundResults {
  'pg-data': PlaygroundData;
  'pg-maps': PgMaps;
}

export function isPlaygroundRequest<R extends { type: string }>(req: R): req is Extract<R, PlaygroundRequest> {
  return req.type.startsWith('pg-');
}
