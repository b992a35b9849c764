// Every message between the page and the worker, defined once.
//
// Requests go page → worker and carry an `id`; the worker answers each with
// exactly one `result` (same id, `op` = the request's type) or one `error`
// (same id). Events go worker → page unprompted: `ready` once the WASM module
// is up, `progress` while training, and `error` without an id when something
// fails outside a request (e.g. the module could not load).
//
// To add a request: add an interface below, add it to `Request`, add its
// result type to `Results`. The compiler then points at every switch that
// must handle it (they end in `assertNever`).
//
// Planned, with the widgets that need them: `export` / `import` (model files).

import type {
  EvalResult,
  NetworkSpec,
  NormalizedNetworkSpec,
  TrainConfig,
} from '../generated/mlp-simd.mjs';

export type Flavour = 'simd' | 'scalar';

export const GATES = ['and', 'or', 'nand', 'nor', 'xor', 'xnor'] as const;
export type GateName = (typeof GATES)[number];

/** Where a session's training set comes from; more kinds (MNIST, blobs) arrive with their widgets. */
export type DataSource = { kind: 'gate'; gate: GateName };

/** The rows of every logic-gate set, in the core's order (core/synthetic.cpp): 00, 01, 10, 11. */
export const GATE_INPUTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** An nx × ny grid over [x0, x1] × [y0, y1], sampled at cell centres, row-major from (x0, y0). */
export interface Grid2D {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  nx: number;
  ny: number;
}

/** Rows of features to run through the network. */
export type PredictInput =
  | { kind: 'points'; x: Float32Array; rows: number }
  | { kind: 'grid'; grid: Grid2D };

// ---------------------------------------------------------------- requests

/** Builds a new trainer (and drops the old one). Starts a new session. */
export interface ConfigureRequest {
  type: 'configure';
  id: number;
  network: NetworkSpec;
  train: TrainConfig;
  data: DataSource;
}

/** Trains `epochs` more epochs in the background, reporting `progress`. */
export interface StartRequest {
  type: 'start';
  id: number;
  epochs: number;
  /** Slows training down so people can watch it; 0 or absent runs flat out. */
  batchesPerSecond?: number;
}

/** Stops the training loop after the current slice; the model is kept. */
export interface PauseRequest {
  type: 'pause';
  id: number;
}

/** Continues a paused run towards the target of its `start`. */
export interface ResumeRequest {
  type: 'resume';
  id: number;
}

/** Ends the run: like pause, but `resume` is refused until the next `start`. */
export interface StopRequest {
  type: 'stop';
  id: number;
}

/** Rebuilds the trainer from the last configuration (same seed, same initial weights). */
export interface ResetRequest {
  type: 'reset';
  id: number;
}

/** Network outputs (probabilities) for each input, in order. */
export interface PredictRequest {
  type: 'predict';
  id: number;
  inputs: PredictInput[];
}

/** Loss and accuracy of the current model on its whole training set. */
export interface EvaluateRequest {
  type: 'evaluate';
  id: number;
}

/** Rosenblatt's perceptron on a 0/1 data set; stateless. */
export interface PerceptronRequest {
  type: 'perceptron';
  id: number;
  data: DataSource;
  learningRate: number;
  maxEpochs: number;
}

export type Request =
  | ConfigureRequest
  | StartRequest
  | PauseRequest
  | ResumeRequest
  | StopRequest
  | ResetRequest
  | PredictRequest
  | EvaluateRequest
  | PerceptronRequest;

export type RequestType = Request['type'];

/** A request as the page writes it; the client adds the id. */
export type RequestBody<K extends RequestType> = Omit<Extract<Request, { type: K }>, 'id'>;

// ----------------------------------------------------------------- results

/** Where the training loop stands. */
export type RunState = 'idle' | 'running' | 'paused' | 'finished' | 'diverged';

export interface RunStatus {
  session: number;
  state: RunState;
  epoch: number;
  steps: number;
}

export interface ConfigureResult {
  session: number;
  spec: NormalizedNetworkSpec;
  parameterCount: number;
}

export interface PredictResult {
  session: number;
  /** Optimizer steps taken when the outputs were computed. */
  steps: number;
  /** Outputs per network output unit (2 for the logic gates). */
  cols: number;
  /** One rows × cols array per input, row-major. */
  outputs: Float32Array[];
}

export interface EvaluateResult extends EvalResult {
  session: number;
  steps: number;
}

export interface PerceptronSummary {
  /** w0 (bias) first, then one weight per input. */
  weights: Float32Array;
  /** Misclassified examples in each epoch. */
  errors: Int32Array;
  epochs: number;
  converged: boolean;
  /** The final perceptron's output (0/1) for each training row. */
  predictions: Int32Array;
}

/** What each request type answers with. */
export interface Results {
  configure: ConfigureResult;
  start: RunStatus;
  pause: RunStatus;
  resume: RunStatus;
  stop: RunStatus;
  reset: ConfigureResult;
  predict: PredictResult;
  evaluate: EvaluateResult;
  perceptron: PerceptronSummary;
}

// Fails to compile if a request type has no result type, or the reverse.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const resultsCoverRequests: Same<keyof Results, RequestType> = true;
void resultsCoverRequests;

// ------------------------------------------------------ worker → page

export interface ReadyEvent {
  type: 'ready';
  flavour: Flavour;
  kernel: string;
  simd: boolean;
}

export interface ProgressEvent {
  type: 'progress';
  session: number;
  state: RunState;
  epoch: number;
  /** Next batch within the current epoch. */
  batch: number;
  batchesPerEpoch: number;
  steps: number;
  /** Target epoch of the current run. */
  targetEpoch: number;
  /** Mean over the current (or just finished) epoch. */
  epochLoss: number;
  epochAccuracy: number;
  /** Loss of every batch since the previous event; the first is step `firstStep`. */
  losses: Float32Array;
  firstStep: number;
  /** Why training stopped, when it diverged. */
  message: string;
}

export type ResultMessage = {
  [K in RequestType]: { type: 'result'; id: number; op: K; value: Results[K] };
}[RequestType];

export interface ErrorMessage {
  type: 'error';
  /** The failed request, or absent for failures outside any request. */
  id?: number;
  message: string;
}

export type WorkerMessage = ReadyEvent | ProgressEvent | ResultMessage | ErrorMessage;

/** Ends an exhaustive switch: compiles only if every case was handled. */
export function assertNever(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
