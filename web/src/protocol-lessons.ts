// The history lessons' messages (requests prefixed `lesson-`), part of the one
// page ↔ worker schema: protocol.ts adds them to `Request` and `Results`, so
// every exhaustive switch sees them. All are cheap and stateless: one request,
// one answer computed by the core (web/src/worker/lessons.ts).

import type {
  BackpropTraceResult,
  BackpropTrainResult,
  HebbVsPerceptronResult,
  MarginStudyResult,
  NetworkSpec,
  PerceptronCycleResult,
  PerceptronWalk,
  SeparableSetResult,
  ThresholdNetworkSpec,
} from '../generated/mlp-simd.mjs';

/** Labelled points: rows × features, row-major, and a 0/1 label per row. */
export interface PointSet {
  x: Float32Array;
  labels: Int32Array;
}

/** Every McCulloch–Pitts unit's output on every input row. */
export interface LessonThresholdRequest {
  type: 'lesson-threshold';
  id: number;
  network: ThresholdNetworkSpec;
}

export interface ThresholdTable {
  rows: number;
  units: number;
  /** rows × units, 0/1; rows run 00, 01, 10, 11 for two inputs. */
  outputs: Uint8Array;
}

/** Hebb's rule and Rosenblatt's on the same presentations. */
export interface LessonHebbRequest {
  type: 'lesson-hebb';
  id: number;
  data: PointSet;
  learningRate: number;
  presentations: number;
}

/** Rosenblatt's rule step by step until it converges or maxEpochs; where it cycles when it does not. */
export interface LessonPerceptronRequest {
  type: 'lesson-perceptron';
  id: number;
  data: PointSet;
  learningRate: number;
  maxEpochs: number;
}

export interface PerceptronLesson {
  walk: PerceptronWalk;
  /** Only when the walk did not converge. */
  cycle: PerceptronCycleResult | null;
}

/** Points on both sides of a random line, none within `margin` of it. */
export interface LessonSeparableRequest {
  type: 'lesson-separable';
  id: number;
  n: number;
  margin: number;
  seed: number;
}

/** The convergence theorem over generated sets: updates until convergence against the margin. */
export interface LessonMarginsRequest {
  type: 'lesson-margins';
  id: number;
  margins: number[];
  sets: number;
  points: number;
  seed: number;
  learningRate: number;
  maxEpochs: number;
}

/** The weights a network spec starts from (its seed, its initializer). */
export interface LessonInitialWeightsRequest {
  type: 'lesson-initial-weights';
  id: number;
  network: NetworkSpec;
}

/** One example forward and backward, one update, and the finite-difference gradient beside it. */
export interface LessonBackpropRequest {
  type: 'lesson-backprop';
  id: number;
  network: NetworkSpec;
  parameters: Float32Array;
  x: Float32Array;
  target: Float32Array;
  learningRate: number;
  /** The finite differences' step h. */
  h: number;
}

export interface BackpropLesson {
  trace: BackpropTraceResult;
  finiteDifferences: Float64Array;
}

/** Many per-example steps at once, rows visited in order from `first`. */
export interface LessonBackpropTrainRequest {
  type: 'lesson-backprop-train';
  id: number;
  network: NetworkSpec;
  parameters: Float32Array;
  /** rows × inputs and rows × outputs. */
  x: Float32Array;
  targets: Float32Array;
  rows: number;
  learningRate: number;
  first: number;
  steps: number;
}

export type LessonRequest =
  | LessonThresholdRequest
  | LessonHebbRequest
  | LessonPerceptronRequest
  | LessonSeparableRequest
  | LessonMarginsRequest
  | LessonInitialWeightsRequest
  | LessonBackpropRequest
  | LessonBackpropTrainRequest;

export interface LessonResults {
  'lesson-threshold': ThresholdTable;
  'lesson-hebb': HebbVsPerceptronResult;
  'lesson-perceptron': PerceptronLesson;
  'lesson-separable': SeparableSetResult;
  'lesson-margins': MarginStudyResult;
  'lesson-initial-weights': { parameters: Float32Array };
  'lesson-backprop': BackpropLesson;
  'lesson-backprop-train': BackpropTrainResult;
}

export function isLessonRequest<R extends { type: string }>(req: R): req is Extract<R, LessonRequest> {
  return req.type.startsWith('lesson-');
}
