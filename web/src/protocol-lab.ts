// The optimizer lab's messages (requests prefixed `lab-`), part of the one
// page ↔ worker schema: protocol.ts adds them to `Request`, `Results` and
// `WorkerMessage`, so every exhaustive switch sees them.
//
// Walks on 2-D surfaces and regression walks are cheap: one request returns
// the whole trajectory and the page animates it. Training the network and
// computing its loss landscape are not: they run as a job in the worker, in
// slices, reporting `lab-net` events.

import type {
  ActivationName,
  Bounds,
  OptimizerName,
  OptimizerSettings,
  SurfaceSpec,
} from '../generated/mlp-simd.mjs';

// ------------------------------------------------------------ surfaces

/** A surface's view, minima and values on a grid over that view. */
export interface LabSurfaceRequest {
  type: 'lab-surface';
  id: number;
  surface: SurfaceSpec;
  nx: number;
  ny: number;
}

export interface SurfaceField {
  /** [x0, x1, y0, y1]; grid nodes run from x0 to x1 inclusive. */
  view: Bounds;
  minima: [number, number][];
  /** nx × ny, row-major from (x0, y0). */
  values: Float32Array;
  nx: number;
  ny: number;
}

export interface RaceEntry {
  key: string;
  settings: OptimizerSettings;
}

/** Every optimizer walks the surface from the same start with the same noise stream. */
export interface LabRaceRequest {
  type: 'lab-race';
  id: number;
  surface: SurfaceSpec;
  start: [number, number];
  /** Standard deviation of Gaussian noise added to each gradient (imitates SGD). */
  noise: number;
  seed: number;
  steps: number;
  entries: RaceEntry[];
}

export interface RacePath {
  key: string;
  /** Point k after k steps (point 0 is the start): x, y, loss. Always finite. */
  x: Float64Array;
  y: Float64Array;
  loss: Float64Array;
  /** The core's distance to the nearest minimum at each point; empty on the saddle. */
  distance: Float64Array;
  /** The walk stopped early: the next step left the finite range. */
  diverged: boolean;
}

// ---------------------------------------------------------- regression

export interface LinearDataSpec {
  m: number;
  noise: number;
  seed: number;
}

/** The data y = 4 + 3x + noise, its normal-equation optimum and the MSE over a view around it. */
export interface LabRegressionSetupRequest {
  type: 'lab-regression-setup';
  id: number;
  data: LinearDataSpec;
  /** Half the view's width along θ₀ and θ₁, centred on the optimum. */
  halfWidth: [number, number];
  nx: number;
  ny: number;
}

export interface RegressionSetup {
  x: Float32Array;
  y: Float32Array;
  optimum: [number, number];
  /** The MSE at the optimum (the grid's value there). */
  optimumLoss: number;
  view: Bounds;
  values: Float32Array;
  nx: number;
  ny: number;
}

export interface LabRegressionWalksRequest {
  type: 'lab-regression-walks';
  id: number;
  data: LinearDataSpec;
  learningRate: number;
  schedule: false | { t0: number; t1: number };
  start: [number, number];
  epochs: number;
  /** One walk per batch size (m for batch GD, 1 for SGD), all reshuffled with `data.seed`. */
  batchSizes: number[];
}

export interface RegressionPath {
  batchSize: number;
  batchesPerEpoch: number;
  /** Step k (k = 0 is the start, before any update). */
  theta0: Float64Array;
  theta1: Float64Array;
  /** Full-data MSE (at k = 0: at the start). */
  loss: Float64Array;
  examples: Float64Array;
  epoch: Float64Array;
  diverged: boolean;
}

// ------------------------------------------------------------- network

export const NET_RUNS = ['batch', 'sgd', 'mini'] as const;
export type NetRunKey = (typeof NET_RUNS)[number];

export interface NetJobConfig {
  data: 'moons' | 'circles';
  n: number;
  noise: number;
  seed: number;
  hidden: number;
  activation: ActivationName;
  optimizer: OptimizerName;
  learningRate: number;
  /** The mini-batch run's size (batch GD uses n, SGD 1). */
  batchSize: number;
  epochs: number;
  landscape: LandscapeConfig;
}

export interface LandscapeConfig {
  /** Whose trained weights sit at the centre of the slice. */
  centre: NetRunKey;
  span: number;
  resolution: number;
  seed: number;
}

/** Trains the three runs side by side, then computes the landscape; replaces any earlier job. */
export interface LabNetTrainRequest {
  type: 'lab-net-train';
  id: number;
  config: NetJobConfig;
  /** The widget's previous job, closed once the new one is built. */
  replaces?: number;
}

export interface LabNetControlRequest {
  type: 'lab-net-control';
  id: number;
  job: number;
  action: 'pause' | 'resume' | 'close';
}

/** A new slice through the trained weights (another centre, span or resolution), without training again. */
export interface LabNetLandscapeRequest {
  type: 'lab-net-landscape';
  id: number;
  job: number;
  landscape: LandscapeConfig;
}

export type NetPhase = 'training' | 'paused' | 'landscape' | 'done' | 'failed' | 'closed';

export interface NetJobStatus {
  job: number;
  phase: NetPhase;
  parameterCount: number;
}

/** Per-epoch measurements of one run; epoch 0 is before training. */
export interface NetRunPoints {
  key: NetRunKey;
  epoch: Float64Array;
  /** Loss and accuracy on the whole training set after the epoch. */
  loss: Float64Array;
  accuracy: Float64Array;
  /** Milliseconds this run spent in training calls, up to the end of the epoch. */
  ms: Float64Array;
}

export interface NetRunState {
  key: NetRunKey;
  epoch: number;
  diverged: boolean;
  message: string;
}

export interface LandscapeResult {
  centre: NetRunKey;
  span: number;
  resolution: number;
  /** resolution², row j = β, column i = α, both from −span to span. */
  values: Float32Array;
  /** Every run's per-epoch snapshots projected onto the slice's plane. */
  paths: { key: NetRunKey; alpha: Float64Array; beta: Float64Array }[];
}

/** Worker → page while a job runs: new points since the previous event. */
export interface LabNetEvent {
  type: 'lab-net';
  job: number;
  phase: NetPhase;
  targetEpochs: number;
  runs: NetRunState[];
  added: NetRunPoints[];
  /** Rows of the landscape done (while computing it). */
  landscapeRows: number;
  landscapeResolution: number;
  /** Set once, when a landscape is complete. */
  landscape: LandscapeResult | null;
  message: string;
}

// ------------------------------------------------------------ the union

export type LabRequest =
  | LabSurfaceRequest
  | LabRaceRequest
  | LabRegressionSetupRequest
  | LabRegressionWalksRequest
  | LabNetTrainRequest
  | LabNetControlRequest
  | LabNetLandscapeRequest;

export interface LabResults {
  'lab-surface': SurfaceField;
  'lab-race': { paths: RacePath[] };
  'lab-regression-setup': RegressionSetup;
  'lab-regression-walks': { paths: RegressionPath[] };
  'lab-net-train': NetJobStatus;
  'lab-net-control': NetJobStatus;
  'lab-net-landscape': NetJobStatus;
}

export type LabEvent = LabNetEvent;

export function isLabRequest<R extends { type: string }>(req: R): req is Extract<R, LabRequest> {
  return req.type.startsWith('lab-');
}
