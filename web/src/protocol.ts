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
// Jobs: `open` builds a trainer and answers with its job id; every later
// request about it names that id, so two widgets (or two copies of one) never
// touch each other's network. `close` frees it. Long work runs under the
// worker's one scheduler (web/src/worker/scheduler.ts).
//
// Model files: `exportModel` writes a job's model as a .mlpl file, `readModel`
// validates one without changing anything; an `open` with `parameters` then
// trains from it.

import type {
  EvalResult,
  FeatureName,
  LoadedModel,
  NetworkSpec,
  NormalizedNetworkSpec,
  PlaygroundDataSpec,
  TrainConfig,
  Vocabulary,
} from '../generated/mlp-simd.mjs';
// The optimizer lab's `lab-…` messages live in their own file and join the unions below.
import type { LabEvent, LabRequest, LabResults } from './protocol-lab.ts';
// The history lessons' `lesson-…` requests, likewise.
import type { LessonRequest, LessonResults } from './protocol-lessons.ts';
// The decision-boundary playground's `pg-…` requests, likewise.
import type { PlaygroundRequest, PlaygroundResults } from './protocol-playground.ts';
// The theory lessons' `theory-…` requests and events, likewise.
import type { TheoryEvent, TheoryRequest, TheoryResults } from './protocol-theory.ts';
// A training run's state and progress.
import type { ProgressEvent, RunStatus } from './protocol-runs.ts';
// The Draw view's digit requests, likewise.
import type { DigitRequest, DigitResults } from './protocol-digits.ts';

export type Flavour = 'simd' | 'scalar' | 'threads';

export const GATES = ['and', 'or', 'nand', 'nor', 'xor', 'xnor'] as const;
export type GateName = (typeof GATES)[number];

/**
 * Where a session's training set comes from. A playground source trains on
 * its data set's training rows mapped to `features` and holds its test rows
 * out (scored after every epoch, like MNIST's validation images).
 */
export type DataSource =
  | { kind: 'gate'; gate: GateName }
  | { kind: 'mnist' }
  | { kind: 'playground'; data: PlaygroundDataSpec; features: FeatureName[] };

/**
 * MNIST as the book splits it: the first 55,000 images of the training file
 * train, its last 5,000 validate, the 10,000 of the test file test.
 */
export const MNIST_SPLIT = { train: 55_000, validation: 5_000, test: 10_000 } as const;

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

/** Builds a trainer as a new job. A bad spec opens nothing (and closes nothing). */
export interface OpenRequest {
  type: 'open';
  id: number;
  network: NetworkSpec;
  train: TrainConfig;
  data: DataSource;
  /** Start from these weights (e.g. a saved model) instead of the seed's; the layout of Trainer.parameters(). */
  parameters?: Float32Array;
  /** A job to close once this one is open (the widget's previous network). */
  replaces?: number;
}

/** Frees a job (its trainer and data handles). Closing a job that is gone is not an error. */
export interface CloseRequest {
  type: 'close';
  id: number;
  job: number;
}

/** Trains `epochs` more epochs in the background, reporting `progress`. */
export interface StartRequest {
  type: 'start';
  id: number;
  job: number;
  epochs: number;
  /** Slows training down so people can watch it; 0 or absent runs flat out. */
  batchesPerSecond?: number;
}

/** Stops the training loop after the current slice; the model is kept. */
export interface PauseRequest {
  type: 'pause';
  id: number;
  job: number;
}

/** Continues a paused run towards the target of its `start`. */
export interface ResumeRequest {
  type: 'resume';
  id: number;
  job: number;
}

/** Ends the run: like pause, but `resume` is refused until the next `start`. */
export interface StopRequest {
  type: 'stop';
  id: number;
  job: number;
}

/** Rebuilds the job's trainer as it was opened (same seed, same initial weights). */
export interface ResetRequest {
  type: 'reset';
  id: number;
  job: number;
}

/** New optimizer settings, batch size or augmentation for the next batches: the weights and the run go on. */
export interface SetTrainRequest {
  type: 'setTrain';
  id: number;
  job: number;
  train: TrainConfig;
}

/** Network outputs (probabilities) for each input, in order. */
export interface PredictRequest {
  type: 'predict';
  id: number;
  job: number;
  inputs: PredictInput[];
}

/** Loss and accuracy of the job's model on its whole training set. */
export interface EvaluateRequest {
  type: 'evaluate';
  id: number;
  job: number;
}

/** Rosenblatt's perceptron on a 0/1 data set; stateless. */
export interface PerceptronRequest {
  type: 'perceptron';
  id: number;
  data: DataSource;
  learningRate: number;
  maxEpochs: number;
}

/**
 * Fetches and parses a data set once (MNIST: with `dataProgress` events); later
 * requests, and configures with that source, use the worker's cached copy.
 */
export interface LoadDataRequest {
  type: 'loadData';
  id: number;
  data: DataSource;
}

/** The current model on a held-out test set (MNIST sessions): accuracy, confusion, mistakes, first-layer weights. */
export interface TestReportRequest {
  type: 'testReport';
  id: number;
  job: number;
  /** How many misclassified test images to return (their pixels), in test-set order. */
  misclassified: number;
  /** How many first-layer units to return weights for (columns of W₀). */
  weightImages: number;
}

/** The current model as a model file (Module.saveModel), with its spec and parameters. */
export interface ExportModelRequest {
  type: 'exportModel';
  id: number;
  job: number;
  /** Free text stored in the file, usually JSON describing the training. */
  metadata: string;
}

/** Validates a model file (Module.loadModel) and returns what it holds; changes nothing. */
export interface ReadModelRequest {
  type: 'readModel';
  id: number;
  bytes: Uint8Array;
}

export type Request =
  | LabRequest
  | LessonRequest
  | PlaygroundRequest
  | TheoryRequest
  | OpenRequest
  | CloseRequest
  | StartRequest
  | PauseRequest
  | ResumeRequest
  | StopRequest
  | ResetRequest
  | SetTrainRequest
  | PredictRequest
  | EvaluateRequest
  | PerceptronRequest
  | LoadDataRequest
  | TestReportRequest
  | ExportModelRequest
  | ReadModelRequest
  | DigitRequest;

export type RequestType = Request['type'];

/** A request as the page writes it; the client adds the id. */
export type RequestBody<K extends RequestType> = Omit<Extract<Request, { type: K }>, 'id'>;

// ----------------------------------------------------------------- results

export interface OpenResult {
  job: number;
  spec: NormalizedNetworkSpec;
  parameterCount: number;
  batchesPerEpoch: number;
}

export interface PredictResult {
  job: number;
  /** Optimizer steps taken when the outputs were computed. */
  steps: number;
  /** Outputs per network output unit (2 for the logic gates). */
  cols: number;
  /** One rows × cols array per input, row-major. */
  outputs: Float32Array[];
}

export interface EvaluateResult extends EvalResult {
  job: number;
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

/** Sizes of a loaded data set's parts (0 where a source has no such part). */
export interface DataInfo {
  kind: DataSource['kind'];
  train: number;
  validation: number;
  test: number;
  features: number;
  classes: number;
}

export interface Misclassified {
  /** Row in the test set. */
  index: number;
  label: number;
  predicted: number;
  /** The network's probability for its (wrong) prediction. */
  confidence: number;
}

export interface TestReport extends EvalResult {
  job: number;
  steps: number;
  classes: number;
  /** classes × classes counts, row = true label, column = predicted label. */
  confusion: Int32Array;
  /** All mistakes there are (confusion minus its diagonal). */
  errorCount: number;
  /** The first few mistakes, and their pixels: misclassified.length × features, row-major, in [0, 1]. */
  misclassified: Misclassified[];
  pixels: Float32Array;
  /** Units of the first layer, and the weights of the first `shown` of them: shown × inputs, unit by unit. */
  firstLayer: { units: number; shown: number; inputs: number; weights: Float32Array; output?: boolean };
}

export interface ModelFile {
  /** The .mlpl file. */
  bytes: Uint8Array;
  spec: NormalizedNetworkSpec;
  parameters: Float32Array;
}

/** What each request type answers with. */
export interface Results extends LabResults, LessonResults, PlaygroundResults, TheoryResults, DigitResults {
  open: OpenResult;
  close: { job: number };
  start: RunStatus;
  pause: RunStatus;
  resume: RunStatus;
  stop: RunStatus;
  reset: OpenResult;
  setTrain: RunStatus & { batchesPerEpoch: number };
  predict: PredictResult;
  evaluate: EvaluateResult;
  perceptron: PerceptronSummary;
  loadData: DataInfo;
  testReport: TestReport;
  exportModel: ModelFile;
  readModel: LoadedModel;
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
  /**
   * Only the digit reader is up (a page that opened on Draw): digits read now, and the worker sends
   * `ready` again with the full module when another view first asks for it.
   */
  reader: boolean;
  /** What the core accepts (limits, activations, optimizers and their defaults): forms read it, never copy it. */
  vocabulary: Vocabulary;
}

/** Loading a data set: bytes arriving, then the core parsing them. */
export interface DataProgressEvent {
  type: 'dataProgress';
  kind: DataSource['kind'];
  stage: 'download' | 'parse' | 'ready';
  /** Compressed bytes received so far, of `total` (0 when the server did not say). */
  loaded: number;
  total: number;
}

export type ResultMessage = {
  [K in RequestType]: { type: 'result'; id: number; op: K; value: Results[K] };
}[RequestType];

export interface ErrorMessage {
  type: 'error';
  /** The failed request, or absent for failures outside any request. */
  id?: number;
  message: string;
  /** The core field the failure names (MlpError.field), so a form can point at it. */
  field?: string | null;
}

export type WorkerMessage = LabEvent | TheoryEvent | ReadyEvent | ProgressEvent | DataProgressEvent | ResultMessage | ErrorMessage;

/** Ends an exhaustive switch: compiles only if every case was handled. */
export function assertNever(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
