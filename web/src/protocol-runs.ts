// A training run's messages, part of the one page ↔ worker schema: where the
// loop stands (the answer to start, pause, resume, stop and setTrain), and the
// `progress` events the worker sends while it trains (protocol.ts adds them to
// `WorkerMessage`). The loop is web/src/worker/jobs/train-job.ts.

/** Where the training loop stands. */
export type RunState = 'idle' | 'running' | 'paused' | 'finished' | 'diverged';

export interface RunStatus {
  job: number;
  state: RunState;
  epoch: number;
  steps: number;
}

export interface ProgressEvent {
  type: 'progress';
  job: number;
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
  /** Training examples per second over the last seconds of running; 0 while not running. */
  examplesPerSecond: number;
  /** Estimated seconds to the target epoch at that rate; NaN when unknown. */
  secondsLeft: number;
  /** Epochs that ended since the previous event, oldest first. */
  epochsEnded: EpochSummary[];
}

export interface EpochSummary {
  /** 1-based number of the epoch that ended. */
  epoch: number;
  /** Means over the epoch's batches (measured as it trained). */
  loss: number;
  accuracy: number;
  /** On the whole training set after the epoch, for small sources (logic gates, the playground); NaN otherwise. */
  trainLoss: number;
  trainAccuracy: number;
  /** On the source's held-out set after the epoch (MNIST's validation images, the playground's test points); NaN when it has none. */
  validationLoss: number;
  validationAccuracy: number;
}
