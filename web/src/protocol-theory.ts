// The theory lessons' messages (requests prefixed `theory-`): activation
// functions, vanishing and exploding gradients, universal approximation.
// Part of the one page ↔ worker schema: protocol.ts adds them to `Request`,
// `Results` and `WorkerMessage`, so every exhaustive switch sees them.
//
// Curves are cheap: one request, one answer. Training a deep network while
// probing it, fitting Cybenko's sum and the error-against-N sweep are jobs
// under the worker's scheduler (web/src/worker/theory/), keyed by id and
// reporting `theory-…` events.

import type {
  ActivationCurveResult,
  ActivationName,
  LayerStatsResult,
  NetworkSpec,
  TrainConfig,
  UatCurvesResult,
  UatTargetSpec,
} from '../generated/mlp-simd.mjs';

// ------------------------------------------------------------ activations

/** f and f′ of each function on one grid of z, and where each saturates. */
export interface TheoryActivationsRequest {
  type: 'theory-activations';
  id: number;
  functions: { name: ActivationName; alpha: number }[];
  z0: number;
  z1: number;
  samples: number;
  /** |f′| below this is saturated. */
  saturation: number;
}

// ------------------------------------------------------------ vanishing

/** A generated 2-D training set (the core's generators). */
export interface TheoryDataSpec {
  kind: 'circles' | 'moons';
  n: number;
  noise: number;
  seed: number;
}

export interface VanishingConfig {
  network: NetworkSpec;
  data: TheoryDataSpec;
  train: TrainConfig;
  /** The fixed batch the probe measures on: its first rows of the data. */
  probeRows: number;
  bins: number;
  saturation: number;
  /** Optimizer steps a run goes to before it finishes. */
  maxSteps: number;
  /** Steps per second while playing; 0 runs flat out. */
  stepsPerSecond: number;
}

/** Builds a deep network on its data with a probe, as a new job. A bad config opens nothing (and closes nothing). */
export interface TheoryVanishingOpenRequest {
  type: 'theory-vanishing-open';
  id: number;
  config: VanishingConfig;
  /** The widget's previous job, closed once this one is open. */
  replaces?: number;
}

// ------------------------------------------------------------ universal approximation

export interface UatJobConfig {
  units: number;
  target: UatTargetSpec;
  seed: number;
  learningRate: number;
  /** Where the curves are drawn: points in [0, 1]. */
  points: number;
  maxSteps: number;
  stepsPerSecond: number;
  /** Start from these parameters (w, θ, α) instead of the seed's. */
  parameters?: Float32Array;
}

/** Fits G(x) = Σ α σ(wx + θ) to the target by Adam, as a new job. */
export interface TheoryUatOpenRequest {
  type: 'theory-uat-open';
  id: number;
  config: UatJobConfig;
  replaces?: number;
}

export interface UatSweepConfig {
  target: UatTargetSpec;
  seed: number;
  learningRate: number;
  /** Adam steps per fit. */
  steps: number;
  units: number[];
}

/** The best sup-norm error against N: one fit per unit count, as a job. */
export interface TheoryUatSweepRequest {
  type: 'theory-uat-sweep';
  id: number;
  config: UatSweepConfig;
  replaces?: number;
}

/** A sum built by hand: its curves. */
export interface TheoryUatCurvesRequest {
  type: 'theory-uat-curves';
  id: number;
  parameters: Float32Array;
  units: number;
  target: UatTargetSpec;
  points: number;
}

// ------------------------------------------------------------ jobs

export type TheoryAction = 'play' | 'pause' | 'step' | 'reset' | 'close';

/** Drives any theory job; `step` runs one step (and reports it), `reset` goes back to its start. */
export interface TheoryControlRequest {
  type: 'theory-control';
  id: number;
  job: number;
  action: TheoryAction;
}

export type TheoryJobState = 'idle' | 'running' | 'paused' | 'finished' | 'diverged' | 'failed' | 'closed';

export interface TheoryJobStatus {
  job: number;
  state: TheoryJobState;
  steps: number;
}

export type TheoryRequest =
  | TheoryActivationsRequest
  | TheoryVanishingOpenRequest
  | TheoryUatOpenRequest
  | TheoryUatSweepRequest
  | TheoryUatCurvesRequest
  | TheoryControlRequest;

export interface TheoryResults {
  'theory-activations': { curves: ActivationCurveResult[] };
  'theory-vanishing-open': TheoryJobStatus & { layers: number };
  'theory-uat-open': TheoryJobStatus;
  'theory-uat-sweep': TheoryJobStatus;
  'theory-uat-curves': UatCurvesResult;
  'theory-control': TheoryJobStatus;
}

// ------------------------------------------------------------ events

/** The deep network as it trains: the probe's numbers now, and at the start. */
export interface TheoryVanishingEvent {
  type: 'theory-vanishing';
  job: number;
  state: TheoryJobState;
  steps: number;
  /** Loss of each training batch since the previous event; the first is step `firstStep`. */
  losses: Float32Array;
  firstStep: number;
  /** At the current weights. */
  stats: LayerStatsResult;
  /** At the initial weights: in the first event after open or reset, null after. */
  initial: LayerStatsResult | null;
  message: string;
}

export interface TheoryUatEvent {
  type: 'theory-uat';
  job: number;
  state: TheoryJobState;
  steps: number;
  loss: number;
  best: number;
  bestStep: number;
  curves: UatCurvesResult;
  /** The current parameters (w, θ, α). */
  parameters: Float32Array;
  message: string;
}

export interface TheoryUatSweepEvent {
  type: 'theory-uat-sweep';
  job: number;
  state: TheoryJobState;
  units: number[];
  /** Best sup-norm error per unit count; NaN until its fit is done. */
  errors: Float64Array;
  message: string;
}

export type TheoryEvent = TheoryVanishingEvent | TheoryUatEvent | TheoryUatSweepEvent;

export function isTheoryRequest<R extends { type: string }>(req: R): req is Extract<R, TheoryRequest> {
  return req.type.startsWith('theory-');
}
