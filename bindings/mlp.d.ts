// The JavaScript contract of the MLP Lab WebAssembly module (both flavours:
// web/generated/mlp-simd.mjs and mlp-scalar.mjs export the same API).
//
// Ownership: every object created with `new` or returned by a static factory
// (Rng, Dataset, Trainer) lives in WASM memory and is NOT garbage collected.
// Call `.delete()` exactly once when done. A Trainer keeps its training
// Dataset alive on its own, so the Dataset handle may be deleted right after
// constructing the Trainer. Typed arrays returned by any method are fresh
// JavaScript copies owned by the caller; arrays passed in are copied too.
//
// Errors: a bad argument throws an `MlpError` (a subclass of `Error`, exported
// by this module and also reachable as `module.MlpError`) whose message names
// the field and the value, e.g. "learning_rate must be finite and > 0, got -1",
// and whose `field` is the core's identifier of that field ("learning_rate"),
// or null when no single argument is to blame (e.g. out of memory). A call
// that throws changes nothing, and leaks nothing: the C++ side unwinds
// normally and the error is thrown from JavaScript on the way out.
// Integers cross as numbers and are checked: 2**32 + 3 or NaN where an integer
// is expected is refused, never wrapped or truncated. One exception: an
// argument of the wrong JavaScript type for Embind itself (a string where a
// number or a Dataset is expected) is refused by Embind with a TypeError or
// BindingError before the core sees it; an object argument already converted
// in that call may then keep one value handle.
//
// Limits and names: `vocabulary()` returns every limit, name and default the
// core checks against, read from the same constants its checks use. The
// numbers quoted in the comments below are today's values of those limits.

/**
 * The core's name of a refused field, as data: snake_case like the core's own
 * code, `[i]` for an element of an array argument (e.g. `labels[7]`, `ink[12]`),
 * and `layers[i].…` indexing the spec's `layers` array (hidden layers, then the
 * output layer), e.g. `layers[1].units`. The messages may name a field more
 * readably ("units of hidden layer 2"); the id never changes with the wording.
 */
export type MlpErrorField =
  // network spec (NetworkSpec, Network, saveModel)
  | 'network' | 'inputs' | 'layers' | `layers[${number}].units` | `layers[${number}].activation`
  | `layers[${number}].alpha` | 'loss' | 'init' | 'seed'
  // training config and trainer calls
  | 'train' | 'batch_size' | 'optimizer' | 'learning_rate' | 'momentum' | 'rho' | 'beta1' | 'beta2' | 'epsilon'
  | 'shuffle_seed' | 'augment' | 'data' | 'batches' | 'parameters' | `parameters[${number}]` | 'features' | 'rows'
  // datasets
  | `features[${number}]` | 'labels' | `labels[${number}]` | 'cols' | 'classes' | 'n' | 'dim' | 'spread' | 'noise'
  | 'gate' | 'first' | 'count'
  // files, drawn digits, the perceptron
  | 'images' | 'bytes' | 'ink' | `ink[${number}]` | 'width' | 'height' | 'max_epochs' | 'weights'
  // surfaces, the regression lesson, loss landscapes
  | 'surface' | 'condition' | 'bounds' | 'nx' | 'ny' | 'x' | 'y' | `x[${number}]` | `y[${number}]` | 'steps' | 'm'
  | 'intercept' | 'slope' | 'schedule' | 'schedule.t0' | 'schedule.t1' | 'theta0' | 'theta1' | 'span' | 'resolution'
  | 'trainer'
  // the lessons: threshold networks, the perceptron rule and margins, backprop laid open
  | 'units' | `units[${number}].synapses` | `units[${number}].synapses[${number}]` | `units[${number}].threshold`
  | 'presentations' | 'points' | 'margin' | 'margins' | 'sets' | 'targets' | `targets[${number}]` | 'h'
  // Rng and benchmarks
  | 'mean' | 'stddev' | 'kernel' | 'k' | 'min_seconds' | 'infer_examples';

/** What every failing call throws (see "Errors" above). */
export declare class MlpError extends Error {
  readonly name: 'MlpError';
  /** The refused field, or null when no single argument is to blame. */
  readonly field: MlpErrorField | null;
  constructor(message: string, field: MlpErrorField | null);
}

/** An object in WASM memory; free it with delete(). */
export interface Handle {
  delete(): void;
  isDeleted(): boolean;
}

/** A shared (smart-pointer) object: clone() gives a second handle on the same C++ object; each handle needs its own delete(). */
export interface SharedHandle<T> extends Handle {
  clone(): T;
}

export type ActivationName =
  | 'identity' | 'step' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'elu' | 'softmax';
export type LossName = 'softmax_cross_entropy' | 'mse' | 'binary_cross_entropy';
export type InitName = 'truncated_normal' | 'glorot_uniform' | 'he_normal' | 'zeros' | 'standard_normal';
export type OptimizerName = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam';
export type RegularizationName = 'none' | 'l1' | 'l2';

export interface LayerSpec {
  /** limits.units: 1 to 1024 (the output layer of softmax_cross_entropy needs >= 2). */
  units: number;
  /** Default 'identity'. The output layer must be 'identity' for the cross-entropy losses (they take logits). */
  activation?: ActivationName;
  /** leaky_relu slope (default 0.01) or elu scale (default 1); 0 or absent selects the default. limits.alpha. */
  alpha?: number;
}

export interface NetworkSpec {
  /** Input features, limits.inputs: 1 to 4096 (784 for MNIST). */
  inputs: number;
  /** limits.hiddenLayers: 0 to 10 hidden layers, then the output layer (last). */
  layers: LayerSpec[];
  /** Default 'softmax_cross_entropy'. */
  loss?: LossName;
  /** Default 'truncated_normal' (the seed's: stddev 2/sqrt(fan_in), redrawn beyond 2 sigma). */
  init?: InitName;
  /** The core draws the initial weights from it (the same weights natively and in every build). limits.seed: an integer in [0, 2^53). Default 42. */
  seed?: number;
}

/** The spec as the core normalised it (defaults filled in). */
export interface NormalizedNetworkSpec {
  inputs: number;
  layers: Required<LayerSpec>[];
  loss: LossName;
  init: InitName;
  /** The weight seed. Model files do not store it (the weights are the model): a loaded spec says 42. */
  seed: number;
}

/**
 * Absent fields take the optimizer's defaults (vocabulary().optimizers). Formulas follow
 * PyTorch 2.x; the defaults are ours, per optimizer (why: core/optimizers.hpp):
 * learning rate 0.01 for SGD, Momentum, Nesterov (the seed's, Géron ch. 10) and Adagrad
 * (PyTorch's); 0.001 for RMSProp and Adam (Keras' and Géron's; PyTorch's for Adam).
 * Momentum 0.9, not PyTorch's 0 (which would make "momentum" plain SGD); ρ 0.99,
 * β 0.9 / 0.999 and ε 1e-8 (Adagrad 1e-10) are PyTorch's.
 */
export interface TrainConfig {
  /** 1 (SGD) to the training set size (batch GD), at most limits.batchSize.max. Default 50. */
  batchSize?: number;
  /** Default 'sgd'. */
  optimizer?: OptimizerName;
  /** Default: the optimizer's (0.01, or 0.001 for rmsprop and adam). limits.learningRate: any finite float32 > 0. */
  learningRate?: number;
  /** Momentum and Nesterov, in [0, 1). Default 0.9. */
  momentum?: number;
  /** RMSProp decay, in [0, 1). Default 0.99. */
  rho?: number;
  /** Adam, in [0, 1). Defaults 0.9 and 0.999. */
  beta1?: number;
  beta2?: number;
  /** Adagrad, RMSProp, Adam: finite, >= 0; 0 or absent selects the optimizer's default (1e-10 Adagrad, 1e-8 others). */
  epsilon?: number;
  /** Seed of the per-epoch shuffles (augmentation draws from seed + 1). Default 1. */
  shuffleSeed?: number;
  /** Randomly rotate/scale/shift/thicken square images as batches are drawn. Default false. */
  augment?: boolean;
  /**
   * A weight penalty added to the gradient (never to the reported losses), on the weights of
   * every layer, not the biases: 'l1' λΣ|w| (subgradient λ·sign w) or 'l2' λΣ½w² (gradient λw,
   * TF Playground's ½). Default 'none'.
   */
  regularization?: RegularizationName;
  /** λ, finite and >= 0 (limits.regularizationRate). Default 0. */
  regularizationRate?: number;
}

export interface TrainReport {
  /** Loss of each batch run by this call (before its update). */
  losses: Float32Array;
  /** Fraction correct in each of those batches. */
  accuracies: Float32Array;
  /** Epochs completed so far. */
  epoch: number;
  /** Next batch index within the current epoch. */
  batch: number;
  batchesPerEpoch: number;
  /** Optimizer steps so far (kept across setOptimizer). */
  steps: number;
  examplesSeen: number;
  /** Mean loss / accuracy over the current epoch so far, or over the epoch that just ended. */
  epochLoss: number;
  epochAccuracy: number;
  /** The call stopped because an epoch ended (it never runs past an epoch boundary). */
  epochEnded: boolean;
  /**
   * Training blew up: a loss or weight became NaN/Inf, or exploded without
   * (see core/divergence.hpp). Nothing from this call was kept; the weights
   * and optimizer state are as before the call.
   */
  diverged: boolean;
  /** Why training stopped, when diverged. */
  message: string;
}

export interface EvalResult {
  loss: number;
  accuracy: number;
  count: number;
}

/** Our xoshiro256** engine; the same seed gives the same stream natively and in every build. */
export interface Rng extends Handle {
  nextU32(): number;
  /** Uniform in [0, 1), 53 random bits. */
  uniform(): number;
  /** Standard normal (Marsaglia polar). */
  normal(): number;
  /** Normal redrawn until within two standard deviations; mean finite, stddev finite and >= 0. */
  truncatedNormal(mean: number, stddev: number): number;
  /** Uniform integer in [0, n), n >= 1. */
  below(n: number): number;
}

export interface Dataset extends SharedHandle<Dataset> {
  size(): number;
  features(): number;
  /** Number of classes, 0 for target (regression) sets. */
  classes(): number;
  /** A copy of the labels (empty for target sets). */
  labels(): Int32Array;
  /** Features of rows [first, first+count), scaled like training batches (bytes / 255), row-major. */
  featureRows(first: number, count: number): Float32Array;
  /** Rows [first, first+count) as a new Dataset (delete it too). */
  slice(first: number, count: number): Dataset;
}

export interface DatasetStatics {
  /** rows × cols features, row-major; labels in [0, classes). */
  fromFloats(x: Float32Array, rows: number, cols: number, labels: Int32Array, classes: number): Dataset;
  /** Byte features (pixels), scaled by 1/255 when batches are drawn. */
  fromBytes(x: Uint8Array, rows: number, cols: number, labels: Int32Array, classes: number): Dataset;
  /** 'and' | 'or' | 'nand' | 'nor' | 'xor' | 'xnor': 4 rows, 2 inputs, 2 classes. */
  logicGate(gate: string): Dataset;
  /** `classes` Gaussian clusters in `dim` dimensions, drawn from our Rng. */
  gaussianBlobs(n: number, dim: number, classes: number, spread: number, seed: number): Dataset;
  /** Two interleaving half circles in 2-D, 2 classes. */
  twoMoons(n: number, noise: number, seed: number): Dataset;
  /** A disc inside a ring in 2-D, 2 classes. */
  circles(n: number, noise: number, seed: number): Dataset;
}

/** A network, its optimizer and its training set, trained a few batches per call. */
export interface Trainer extends Handle {
  /** Runs up to k batches, stopping early at an epoch end or on divergence. */
  trainBatches(k: number): TrainReport;
  evaluate(data: Dataset): EvalResult;
  /** Predicted class of every row. */
  predictLabels(data: Dataset): Int32Array;
  /** Probabilities (softmax / sigmoid) or values (mse) for rows × inputs features: rows × outputs. */
  predict(x: Float32Array, rows: number): Float32Array;
  /**
   * Every layer's output for rows × inputs features, one rows × units array per layer (row-major):
   * hidden layers their activations, the output layer what predict() gives. For pictures of each neuron.
   */
  layerOutputs(x: Float32Array, rows: number): Float32Array[];
  /** All weights and biases, layer by layer: W_l (fan_in × units, row-major) then b_l. */
  parameters(): Float32Array;
  /** Replace them (same length, all finite); resets the optimizer state. */
  setParameters(p: Float32Array): void;
  /** Batches in the current epoch (after a mid-epoch setBatchSize, as re-split; at an epoch boundary, the next epoch's). */
  batchesPerEpoch(): number;
  /**
   * Live changes between trainBatches calls. Each is checked first and changes nothing when it
   * throws; it applies from the next batch and keeps the weights, the epoch, the position in it
   * and the step count, so training continues where it was.
   *
   * New optimizer settings: reads optimizer, learningRate, momentum, rho, beta1, beta2 and
   * epsilon (other fields are ignored). Absent fields take the optimizer's defaults exactly as
   * in the constructor, not the current values: to change one field pass
   * `{ ...trainer.trainConfig(), learningRate: 0.001 }`. The same optimizer keeps its state
   * (momentum / moment buffers, Adam's step count for bias correction); a different one starts
   * fresh, as if newly created.
   */
  setOptimizer(config: TrainConfig): void;
  /**
   * New batch size (1 to the training set size, at most limits.batchSize.max). The examples of
   * the current epoch's shuffled order not yet used are split into max(1, floor(remaining / n))
   * batches the way np.array_split does; every later epoch uses n throughout. Every example is
   * still used exactly once per epoch, and the result is deterministic. At an epoch boundary
   * the whole next epoch uses n.
   */
  setBatchSize(n: number): void;
  /** Turn augmentation on or off from the next batch (on needs square images). */
  setAugment(on: boolean): void;
  /** A new weight penalty from the next batch (absent fields: 'none', 0). */
  setRegularization(config: Pick<TrainConfig, 'regularization' | 'regularizationRate'>): void;
  /** The configuration as it stands after any changes, every default filled in. */
  trainConfig(): Required<TrainConfig>;
  networkSpec(): NormalizedNetworkSpec;
}

/** A network that only predicts: e.g. a loaded model file. */
export interface Network extends Handle {
  predict(x: Float32Array, rows: number): Float32Array;
  evaluate(data: Dataset): EvalResult;
  predictLabels(data: Dataset): Int32Array;
  parameters(): Float32Array;
  networkSpec(): NormalizedNetworkSpec;
}

export interface NetworkConstructor {
  /** parameters: the flat layout of Trainer.parameters(); all finite. */
  new (spec: NetworkSpec | NormalizedNetworkSpec, parameters: Float32Array): Network;
}

/**
 * Inference in integers (core/int8_network.hpp): weights int8 per output unit, activations int16 per
 * row, products summed in int32 with WASM SIMD's i32x4.dot_i16x8_s. Predictions match the float
 * network's but for near-ties (the shipped model: 99.04% on the MNIST test set either way).
 */
export interface Int8Network extends Handle {
  predictLabels(data: Dataset): Int32Array;
}

/** A drawn digit made MNIST-like (crop, fit 20×20 keeping aspect, centre of mass at 14,14). */
export interface DigitImage {
  /** No ink on the canvas: there is nothing to predict. */
  empty: boolean;
  /** 28×28, row-major, 0 = paper, 1 = ink. */
  pixels: Float32Array;
  centreX: number;
  centreY: number;
  /** Where the ink landed in the 28×28 field: [x0, y0, x1, y1). */
  box: [number, number, number, number];
}

export interface LoadedModel {
  spec: NormalizedNetworkSpec;
  /** float32 always: an int8 file's weights come back dequantized (weight = int8 × its unit's scale). */
  parameters: Float32Array;
  /** Free text stored with the model, usually JSON describing its training. */
  metadata: string;
  /** How the file stored the weights: 'float32' (version 1) or 'int8' per output unit (version 2). */
  weights: 'float32' | 'int8';
}

export interface TrainerConstructor {
  /** Throws (naming the field) on any invalid spec, config or data mismatch. */
  new (network: NetworkSpec, train: TrainConfig, data: Dataset): Trainer;
}

// ---------------------------------------------------------- playground
// The decision-boundary playground's data (core/playground.hpp): TF
// Playground's sets on [−6, 6]², drawn from our Rng (the same points for the
// same seed natively and in every build), generalised to k classes.

export type PlaygroundSetName = 'circle' | 'xor' | 'gauss' | 'spiral' | 'plane' | 'multigauss';
/** x1, x2, x1², x2², x1·x2, sin x1, sin x2. */
export type FeatureName = 'x1' | 'x2' | 'x1sq' | 'x2sq' | 'x1x2' | 'sinx1' | 'sinx2';

export interface PlaygroundDataSpec {
  /** Default 'circle'. 'plane' and 'multigauss' are regression sets (targets in [−1, 1]). */
  set?: PlaygroundSetName;
  /** Classification sets: vocabulary().playground.sets[i].classes (2 to 6; xor 2 only). Ignored by regression sets. Default 2. */
  classes?: number;
  /** Generated points, limits.points (0 to 2000). Default 500. */
  points?: number;
  /** limits.noise, 0 to 0.5 (TF Playground's 0–50%). Default 0. */
  noise?: number;
  /** Percent of the generated points that train, limits.trainPercent (10 to 90). Default 50. */
  trainPercent?: number;
  /** Default 1. */
  seed?: number;
  /** Points a person drew: (x1, x2, label) triples; label a class index, or a target in [−1, 1] for regression. Always training points. */
  drawn?: Float32Array;
}

export interface PlaygroundData {
  /** 0 for a regression set. */
  classes: number;
  /** Rows [0, train) train (the drawn points last among them), then `test` test rows. */
  train: number;
  test: number;
  /** (train + test) × 2, row-major. */
  x: Float32Array;
  /** Classification: a class per row (else empty). */
  labels: Int32Array;
  /** Regression: a target per row (else empty). */
  targets: Float32Array;
}

export interface PerceptronResult {
  /** w0 (bias) first, then one weight per input. */
  weights: Float32Array;
  /** Misclassified examples in each epoch. */
  errors: Int32Array;
  epochs: number;
  converged: boolean;
}

// ------------------------------------------------------------- lessons
// The history lessons (bindings/lessons.cpp → core/threshold_logic, hebb,
// perceptron_steps, perceptron_margin, backprop_trace). Plain functions: no
// handles to delete. Weight vectors hold w0 (the bias) first; matrices are
// row-major.

/** A McCulloch–Pitts unit: fires when >= threshold excitatory inputs are on and no inhibitory one is. */
export interface ThresholdUnitSpec {
  /** One per signal it reads, in order: the network's inputs, then earlier units (a prefix). +1 excitatory, −1 inhibitory, 0 none. */
  synapses: Int32Array;
  /** 0 to 24. */
  threshold: number;
}

export interface ThresholdNetworkSpec {
  /** 1 to 8. */
  inputs: number;
  /** 1 to 16 units, feed-forward; the last is the output. */
  units: ThresholdUnitSpec[];
}

/** Hebb's rule and Rosenblatt's on the same presentations, both from zero weights. */
export interface HebbVsPerceptronResult {
  inputs: number;
  /** The row presented at each presentation (in order, cycling). */
  example: Int32Array;
  /** Per presentation, (inputs + 1) values each: Δw = η x̂ y (y clamped to the label) and w after. */
  hebbDelta: Float32Array;
  hebbWeights: Float32Array;
  /** Δw = η (y − ŷ) x̂ and w after. */
  perceptronDelta: Float32Array;
  perceptronWeights: Float32Array;
  /** The perceptron's ŷ before its update. */
  perceptronPredicted: Int32Array;
  /** After each presentation: rows each unit classifies right with step(w·x̂), step(0) = 1. */
  hebbCorrect: Int32Array;
  perceptronCorrect: Int32Array;
}

/** Rosenblatt's rule step by step (columnar: one entry per step; vectors hold inputs + 1 values per step). */
export interface PerceptronWalk {
  inputs: number;
  steps: number;
  example: Int32Array;
  /** 0-based epoch of each step. */
  epoch: Int32Array;
  /** x̂ = (1, x1, …). */
  xHat: Float32Array;
  /** w·x̂ before the update. */
  z: Float32Array;
  /** ŷ = step(z) = [z >= 0]. */
  predicted: Int32Array;
  target: Int32Array;
  /** y − ŷ. */
  error: Int32Array;
  /** w before, Δw = η (y − ŷ) x̂, w after. */
  before: Float32Array;
  delta: Float32Array;
  after: Float32Array;
  /** The last step ended an epoch without a single update. */
  converged: boolean;
}

/** Where Rosenblatt's rule cycles on data no line separates (e.g. XOR), examples in a fixed order. */
export interface PerceptronCycleResult {
  /** An epoch without updates came first (no cycle). */
  converged: boolean;
  epochs: number;
  /** The weights at the start of epoch start + length equal those at the start of `start`; −1 when not found. */
  start: number;
  /** In epochs. */
  length: number;
  updatesPerCycle: number;
  /** Weights at the start of every epoch run: (epochs + 1) × (inputs + 1). */
  epochWeights: Float32Array;
  /** Weights after every step of one cycle from its start: (length · rows + 1) × (inputs + 1); the last equals the first. */
  cyclePath: Float32Array;
}

/** n points in the unit square on both sides of a line, none within `margin` of it. */
export interface SeparableSetResult {
  /** n × 2. */
  x: Float32Array;
  /** 0/1, alternating; 1 where normal·x + offset > 0. */
  labels: Int32Array;
  normal: [number, number];
  offset: number;
  /** The smallest distance of a point to the line (>= the margin asked for). */
  margin: number;
}

export interface MarginStudyResult {
  margins: Float32Array;
  sets: number;
  /** margins × sets: updates until an epoch without one (−1: did not converge within maxEpochs). */
  updates: Int32Array;
  /** margins × sets: the convergence theorem's bound (R/γ)² for each set. */
  bounds: Float64Array;
}

/** One layer of a backprop trace, in the seed's notation (core/backprop_trace.hpp). */
export interface LayerTraceResult {
  /** Pre-activations s_i = Σ_j x_j w_ji + b_i. */
  s: Float64Array;
  /** Activations x_i = f(s_i); for the output layer f is the loss's link (sigmoid, softmax) or the layer's activation (mse). */
  x: Float64Array;
  /** Upstream gradient ∂E/∂x_i (±Infinity where a saturated output makes the seed's factor infinite). */
  dEdx: Float64Array;
  /** Local derivative ∂x_i/∂s_i (softmax: its Jacobian's diagonal). */
  dxds: Float64Array;
  /** ∂E/∂s_i, which is also ∂E/∂b_i. */
  dEds: Float64Array;
  /** fan_in × units: ∂E/∂w_ji = ∂E/∂s_i · x_j. */
  dEdw: Float64Array;
}

export interface BackpropTraceResult {
  input: Float64Array;
  target: Float64Array;
  layers: LayerTraceResult[];
  /** E summed over the outputs (the seed's): Mlp's loss × outputs for binary cross-entropy and mse. */
  loss: number;
  /** Every ∂E/∂θ in the layout of Trainer.parameters(). */
  gradient: Float64Array;
  /** θ − η ∂E/∂θ, as float32. */
  updated: Float32Array;
}

export interface BackpropTrainResult {
  /** After the last step; when diverged, the last good weights (before the step that diverged). */
  parameters: Float32Array;
  /** E of each step's example before its update: one per step taken (fewer than asked when diverged). */
  losses: Float64Array;
  /** Mean E over all rows after the last step. */
  meanLoss: number;
  /**
   * Training stopped early: the loss became NaN or infinite, or exploded (its
   * average over recent steps over 100 × its start), or a weight would have
   * left ±1000. `message` says which and where, as a Trainer's report does.
   */
  diverged: boolean;
  /** Empty unless diverged. */
  message: string;
}

/** f and f′ of one activation at `samples` evenly spaced z (core/activation_curves.hpp). */
export interface ActivationCurveResult {
  /** z0 to z1 inclusive. */
  z: Float32Array;
  /** f(z), from the layers' own forward kernel. */
  value: Float32Array;
  /** f′(z), from the layers' own backward kernel (step: its documented 0). */
  derivative: Float32Array;
  /** Saturated stretches (|f′| below the threshold) as [from, to] pairs of z, in order. */
  saturated: Float32Array;
}

/** A network's numbers layer by layer on the probe's fixed batch (core/layer_probe.hpp). */
export interface LayerStatsResult {
  /** On the probe batch. */
  loss: number;
  /** Per layer (hidden layers, then the output layer): ‖∂L/∂W_l‖ (Frobenius). */
  weightGradNorm: Float64Array;
  /** Per layer: ‖∂L/∂W_l‖ / √(weights in W_l), one weight's gradient (RMS). */
  weightGradRms: Float64Array;
  /** Per layer: ‖∂L/∂b_l‖. */
  biasGradNorm: Float64Array;
  /** Per hidden layer: mean and standard deviation of its activations. */
  activationMean: Float64Array;
  activationStd: Float64Array;
  /** Per hidden layer: the fraction of activations where |f′| is below the probe's threshold. */
  saturated: Float64Array;
  bins: number;
  /** Per hidden layer: the histogram's [lo, hi] (values beyond fall in the end bins). */
  range: Float32Array;
  /** Hidden layers × bins: the fraction of the layer's activations in each bin. */
  histogram: Float32Array;
}

export interface LayerProbe extends Handle {
  /** Rows in the probe batch. */
  rows(): number;
  /** The numbers at the trainer's current weights (the trainer is not touched). */
  measure(trainer: Trainer): LayerStatsResult;
}

export type UatTargetName = 'sine' | 'abs' | 'step' | 'bump' | 'drawn';

export interface UatTargetSpec {
  /** sine: sin 2πx; abs: |x − ½|; step: 0 below ½, 1 from ½; bump: exp(−((x − ½)/0.1)²); drawn: lines through `knots`. */
  name: UatTargetName;
  /** drawn only: 2 to 257 values within ±10 at x = k/(K − 1). */
  knots?: Float32Array;
}

export interface SupErrorResult {
  /** max |G − f| over 1001 points of [0, 1]. */
  error: number;
  /** The first x where it is reached. */
  at: number;
}

/** G(x) = Σ α_j σ(w_j x + θ_j) against its target at `points` x in [0, 1]. */
export interface UatCurvesResult {
  x: Float32Array;
  target: Float32Array;
  g: Float32Array;
  /** units × points: row j is α_j σ(w_j x + θ_j). */
  contributions: Float32Array;
  sup: SupErrorResult;
}

/** Cybenko's sum fitted by Adam on the mean squared error over 256 points of [0, 1] (core/uat.hpp). */
export interface UatFit extends Handle {
  /** k Adam steps (1 to 10^6); stops early, keeping the last finite parameters, if a step would diverge. */
  steps(k: number): void;
  stepsTaken(): number;
  units(): number;
  loss(): number;
  /** w (units), θ (units), α (units). */
  parameters(): Float32Array;
  supError(): SupErrorResult;
  /** The least sup-norm error checked (at the start and every 10 steps), and its step. */
  bestSupError(): number;
  bestStep(): number;
  diverged(): boolean;
}

export type SurfaceName = 'bowl' | 'rosenbrock' | 'beale' | 'saddle' | 'himmelblau';

export interface SurfaceSpec {
  name: SurfaceName;
  /** Condition number of the bowl ½(x² + κy²), 1 to 10000. Default 10. */
  condition?: number;
}

/** Optimizer settings: the same fields and defaults as TrainConfig's. */
export type OptimizerSettings = Pick<TrainConfig, 'optimizer' | 'learningRate' | 'momentum' | 'rho' | 'beta1' | 'beta2' | 'epsilon'>;

/** [x0, x1, y0, y1] */
export type Bounds = [number, number, number, number];

/** One optimizer walking a 2-D surface (core/surfaces.hpp). */
export interface SurfaceWalk extends Handle {
  /** Up to `steps` more steps: the new points as x, y, loss triples. Stops early when diverged. */
  run(steps: number): Float64Array;
  /** A step left |x|,|y| <= 1e6 or turned non-finite; the walk ended at its last finite point. */
  diverged(): boolean;
  steps(): number;
  loss(): number;
  /** Distance to the nearest minimum; −1 on the saddle (it has none). */
  distanceToMinimum(): number;
}

export interface LinearData {
  x: Float32Array;
  y: Float32Array;
}

/** Columnar steps of a regression walk, one entry per parameter update. */
export interface RegressionSteps {
  theta0: Float64Array;
  theta1: Float64Array;
  /** Full-data MSE after each step. */
  loss: Float64Array;
  /** Examples processed so far: the cost side of the trade. */
  examples: Float64Array;
  /** Epochs completed. */
  epoch: Float64Array;
}

/** Batch GD (batchSize = m), SGD (1) or mini-batch GD on linear regression (core/regression.hpp). */
export interface RegressionWalk extends Handle {
  run(steps: number): RegressionSteps;
  diverged(): boolean;
  batchesPerEpoch(): number;
}

/** A filter-normalised 2-D slice of a trained network's loss landscape (Li et al. 2018). */
export interface LossLandscape extends Handle {
  /** Computes up to `rows` more grid rows; returns the rows done so far. */
  computeRows(rows: number): number;
  done(): boolean;
  resolution(): number;
  /** resolution² losses, row j = β, column i = α, both over [−span, span]; NaN where not computed yet. */
  values(): Float32Array;
  /** (α, β) coordinates of a parameter vector (e.g. a snapshot along training) in the slice's plane. */
  project(parameters: Float32Array): [number, number];
}

/** An inclusive range. */
export interface Range {
  min: number;
  max: number;
}

/** A hyper-parameter of an optimizer besides its learning rate (a TrainConfig field of the same name). */
export interface OptimizerParam {
  name: 'momentum' | 'rho' | 'beta1' | 'beta2' | 'epsilon';
  /** This optimizer's default. */
  default: number;
  /** Inclusive. epsilon's 0 selects the default. */
  min: number;
  max: number;
  /** true: max itself is refused (momentum, rho and the betas lie in [0, 1)). */
  maxExclusive: boolean;
}

export interface ActivationInfo {
  name: ActivationName;
  /** Accepted in a hidden layer (all are; step's zero derivative stops learning below it). */
  hidden: boolean;
  /** Accepted as the output layer's activation with at least one loss (see outputLosses). */
  output: boolean;
  /** The losses that accept it in the output layer: the cross-entropy losses take logits, so only identity; mse takes any. */
  outputLosses: LossName[];
  /** The default alpha when it has one (leaky_relu 0.01, elu 1), else null. */
  alpha: number | null;
}

export interface OptimizerInfo {
  name: OptimizerName;
  /** The default learning rate. */
  learningRate: number;
  /** The hyper-parameters it reads, in TrainConfig order. */
  params: OptimizerParam[];
}

/**
 * Everything the core accepts, read from the constants its own checks use: a value inside a
 * range is accepted, one outside is refused with an Error naming the field. Float limits are
 * given as the shortest decimal of their float32 value.
 */
export interface Vocabulary {
  limits: {
    /** NetworkSpec.inputs. */
    inputs: Range;
    /** Hidden layers (NetworkSpec.layers holds one more: the output layer). */
    hiddenLayers: Range;
    /** LayerSpec.units, hidden and output. */
    units: Range;
    /** TrainConfig.batchSize: max is the core's cap; a Trainer also caps it by its training set's size. */
    batchSize: Range;
    /** LayerSpec.alpha: 0 (the default) to the largest float32. */
    alpha: Range;
    /** TrainConfig.learningRate: every finite float32 above 0; min is the smallest (zero itself is refused). */
    learningRate: Range;
    /** NetworkSpec.seed, TrainConfig.shuffleSeed and every other seed: [0, 2^53 − 1]. */
    seed: Range;
    /** Trainer.trainBatches(k). */
    trainBatches: Range;
    /** Total weights and biases: the smallest network's to the largest the limits above allow (no separate cap). */
    parameters: Range;
    /** TrainConfig.regularizationRate: 0 to the largest float32. */
    regularizationRate: Range;
  };
  activations: ActivationInfo[];
  losses: LossName[];
  initializers: InitName[];
  optimizers: OptimizerInfo[];
  regularizations: RegularizationName[];
  /** The decision-boundary playground's data sets, features and limits. */
  playground: {
    sets: { name: PlaygroundSetName; regression: boolean; classes: Range }[];
    features: FeatureName[];
    limits: {
      /** PlaygroundDataSpec.points, noise, trainPercent; drawn: how many drawn points. */
      points: Range;
      noise: Range;
      trainPercent: Range;
      drawn: Range;
      /** Where points (and drawn points) lie on each axis: [−6, 6]. */
      extent: Range;
    };
  };
}

export interface MlpModule {
  /**
   * Which GEMM kernel this build runs (", N threads" added when it runs on several), whether it uses
   * WASM SIMD, and the threads its kernels run on: the pthread build takes one per core up to 8 (the
   * Web Workers Emscripten starts with the module), the other builds 1. Results are bit-identical
   * for every thread count.
   */
  buildInfo(): { kernel: string; simd: boolean; threads: number };
  /** The core's limits, names and defaults (a fresh object each call). */
  vocabulary(): Vocabulary;
  /** The class every failing call of this module throws. */
  MlpError: typeof MlpError;
  /**
   * Diagnostics (tests, leak hunts): the WASM heap's size, the bytes the C
   * heap has handed out, and the live Embind value handles.
   */
  memoryStats(): { heapBytes: number; allocatedBytes: number; handles: number };
  Rng: { new (seed: number): Rng };
  Dataset: DatasetStatics;
  Trainer: TrainerConstructor;
  Network: NetworkConstructor;
  /** Quantizes the given float parameters (any file version) for integer inference. */
  Int8Network: { new (spec: NetworkSpec | NormalizedNetworkSpec, parameters: Float32Array): Int8Network };
  /** MNIST's IDX files (uncompressed bytes) as a Dataset of bytes; throws on any malformed file. */
  parseMnist(images: Uint8Array, labels: Uint8Array): Dataset;
  /** ink: width × height values in [0, 1] (1 = ink), row-major, all finite. */
  preprocessDigit(ink: Float32Array, width: number, height: number): DigitImage;
  /**
   * Drawn strokes as ink for preprocessDigit (core/strokes.hpp): `xy` the points of every stroke (x, y
   * interleaved, any unit, y down), `lengths` the points per stroke. The pen is 0.15 × penScale (the page: 1)
   * of the strokes' larger extent, the digit fills a strokeRasterSide² raster. Throws on malformed input.
   */
  rasterizeStrokes(xy: Float32Array, lengths: Int32Array, penScale: number): Float32Array;
  /** The side of rasterizeStrokes' square raster (112). */
  readonly strokeRasterSide: number;
  /** A versioned, CRC-checked model file (see core/model_file.hpp), float32 weights (exact: training can go on); refuses non-finite parameters. */
  saveModel(spec: NetworkSpec | NormalizedNetworkSpec, parameters: Float32Array, metadata: string): Uint8Array;
  /** Validates everything (magic, version, architecture, length, checksum, finite weights) before returning. */
  loadModel(bytes: Uint8Array): LoadedModel;
  /** Rosenblatt's rule on a 0/1-labelled set, weights from zero, at most maxEpochs. */
  trainPerceptron(data: Dataset, learningRate: number, maxEpochs: number): PerceptronResult;
  SurfaceWalk: {
    new (surface: SurfaceSpec, optimizer: OptimizerSettings, x: number, y: number, gradientNoise: number,
         seed: number): SurfaceWalk;
  };
  /** The surface's default view [x0, x1, y0, y1] and its minima. */
  surfaceInfo(surface: SurfaceSpec): { view: Bounds; minima: [number, number][] };
  /** Values on an nx × ny grid over bounds (increasing, within ±1e6), row-major from (x0, y0). */
  surfaceGrid(surface: SurfaceSpec, bounds: Bounds, nx: number, ny: number): Float32Array;
  /** x ~ U(0, 2), y = intercept + slope·x + noise·N(0, 1). */
  linearData(m: number, intercept: number, slope: number, noise: number, seed: number): LinearData;
  /** The least-squares optimum [θ0, θ1]. LinearData everywhere: x and y of one length >= 2, all finite. */
  normalEquation(data: LinearData): [number, number];
  /** MSE over an nx × ny grid of (θ0, θ1). */
  regressionGrid(data: LinearData, bounds: Bounds, nx: number, ny: number): Float32Array;
  RegressionWalk: {
    /** schedule: false/undefined for a constant learning rate, or {t0, t1} for η = t0 / (t + t1). */
    new (data: LinearData, batchSize: number, optimizer: OptimizerSettings,
         schedule: false | { t0?: number; t1?: number } | undefined, theta0: number, theta1: number,
         seed: number): RegressionWalk;
  };
  LossLandscape: {
    /** The slice around the trainer's current weights, evaluated on `data` (keep it small). */
    new (trainer: Trainer, data: Dataset, seed: number, span: number, resolution: number): LossLandscape;
  };
  /** The perceptron's step rule w·x̂ >= 0 for rows × (weights.length − 1) features. */
  perceptronPredict(weights: Float32Array, x: Float32Array, rows: number): Int32Array;
  /** Every unit's output for each of the 2^inputs input rows (00, 01, 10, 11 for two): rows × units. */
  thresholdTruthTable(network: ThresholdNetworkSpec): Uint8Array;
  /** x: rows × inputs (rows = labels.length), labels 0/1; presentations 1 to 10000. */
  hebbVsPerceptron(x: Float32Array, labels: Int32Array, learningRate: number, presentations: number): HebbVsPerceptronResult;
  /** From zero weights until an epoch without updates (included) or maxEpochs; maxEpochs × rows <= 2^20. */
  perceptronWalk(x: Float32Array, labels: Int32Array, learningRate: number, maxEpochs: number): PerceptronWalk;
  perceptronCycle(x: Float32Array, labels: Int32Array, learningRate: number, maxEpochs: number): PerceptronCycleResult;
  /** n 2 to 10000, margin 0 to 0.3; the same seed gives the same set in every build. */
  separablePoints(n: number, margin: number, seed: number): SeparableSetResult;
  /** `sets` (1 to 200) generated sets of `points` points per margin (1 to 64 margins), trained from zero weights. */
  perceptronMarginStudy(margins: Float32Array, sets: number, points: number, seed: number, learningRate: number,
                        maxEpochs: number): MarginStudyResult;
  /** The weights a network of this spec starts from (drawn from spec.seed by spec.init), in Trainer.parameters() layout. */
  initialParameters(spec: NetworkSpec): Float32Array;
  /**
   * Every value of one forward and backward pass for one example, then one step of size
   * learningRate (>= 0). Targets: [0, 1] for binary cross-entropy, one-hot-like (summing to 1)
   * for softmax cross-entropy, finite for mse.
   */
  backpropTrace(spec: NetworkSpec, parameters: Float32Array, x: Float32Array, target: Float32Array,
                learningRate: number): BackpropTraceResult;
  /** (E(θ + h) − E(θ − h)) / 2h per parameter, in double; h in (0, 1]; at most 4096 parameters. */
  finiteDifferenceGradient(spec: NetworkSpec, parameters: Float32Array, x: Float32Array, target: Float32Array,
                           h: number): Float64Array;
  /** `steps` per-example gradient-descent steps over rows × inputs / rows × outputs, from row `first`, cycling. */
  backpropTrain(spec: NetworkSpec, parameters: Float32Array, x: Float32Array, targets: Float32Array, rows: number,
                learningRate: number, first: number, steps: number): BackpropTrainResult;
  /** The playground's points: generated, shuffled, split, drawn points appended to the training rows. */
  playgroundData(spec: PlaygroundDataSpec): PlaygroundData;
  /** The training or test rows of playgroundData(spec), mapped to the features, as a Dataset (delete it). Throws when that part is empty. */
  playgroundDataset(spec: PlaygroundDataSpec, features: FeatureName[], part: 'train' | 'test'): Dataset;
  /** Points (x1, x2 pairs) mapped to the features, in their order: rows × features.length. 1 to 7 features, none twice. */
  playgroundFeatures(points: Float32Array, features: FeatureName[]): Float32Array;
  /** activation: any but softmax; alpha 0 selects its default; |z0|, |z1| <= 1000, z0 < z1; samples 2 to 8193; saturation >= 0. */
  activationCurve(activation: ActivationName, alpha: number, z0: number, z1: number, samples: number,
                  saturation: number): ActivationCurveResult;
  LayerProbe: {
    /** Probes networks of the trainer's architecture on the first min(rows, size) rows of data (rows 1 to 4096, bins 2 to 256). */
    new (trainer: Trainer, data: Dataset, rows: number, bins: number, saturation: number): LayerProbe;
  };
  UatFit: {
    /** units 1 to 64; from the seed's starting sum (α = 0), or from `parameters` when given. */
    new (units: number, target: UatTargetSpec, seed: number, learningRate: number, parameters?: Float32Array | null): UatFit;
  };
  /** points 2 to 1001; parameters: 3 × units (w, θ, α). */
  uatCurves(parameters: Float32Array, units: number, target: UatTargetSpec, points: number): UatCurvesResult;
  /** The seed's starting sum: centres c ~ U(0, 1), slopes |w| ~ U(5, 20) of random sign, θ = −w·c, α = 0. */
  uatInitialParameters(units: number, seed: number): Float32Array;
  /** Benchmarks (not for the UI): see core/benchmark.hpp. kernel: 'packed' | 'packed_scalar' | 'reference'; minSeconds in [0, 60]. */
  benchGemm(kernel: string, m: number, n: number, k: number, transA: boolean, transB: boolean,
            minSeconds: number): { gflops: number; seconds: number };
  /** data: e.g. real MNIST (784 features, 10 classes); null / undefined: generated dense data. */
  benchSeedMlp(optimizer: OptimizerName, batches: number, inferExamples: number, data?: Dataset | null):
    { trainPerSecond: number; inferPerSecond: number; finalLoss: number };
}

export interface ModuleOptions {
  /** The .wasm bytes; required under Node (the glue cannot fetch files there). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where the glue looks for the .wasm (and, threads build, .worker.js) in a browser; defaults to next to the .mjs. */
  locateFile?: (path: string, prefix: string) => string;
  /** Threads build: the URL the pthread workers import the glue from (default: the .mjs beside the .worker.js). */
  mainScriptUrlOrBlob?: string;
  /** Threads build: run on this many threads (default: one per core, at most 8); fixed for the module's life. */
  mlpThreads?: number;
  /**
   * Emscripten's hook: instantiate the .wasm yourself (e.g. from a fetch started before the glue
   * loaded) and call `done(instance, module)`; return {} when that happens later.
   */
  instantiateWasm?: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;
}

declare const createMlpModule: (options?: ModuleOptions) => Promise<MlpModule>;
export default createMlpModule;
