// A network (spec + flat parameters) in the TensorFlow.js layers format:
// model.json (a Keras-style Sequential of Dense layers + weightsManifest) and
// one binary weights file, which tf.loadLayersModel reads.
//
// Pure data layout, no numerics and no imports at run time, so Node tests can
// transpile and load this file on its own (tests/node/tfjs-export.test.mjs).
//
// Our parameters are, layer by layer, W (fan_in × units, row-major) then b:
// exactly a Dense layer's kernel [fan_in, units] and bias [units] in the order
// the manifest lists them, so the weights file is the parameters' bytes.

import type { NormalizedNetworkSpec } from '../../generated/mlp-simd.mjs';
import { parameterCount } from './parameter-count.ts';

export interface TfjsWeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

export interface TfjsLayer {
  class_name: 'Dense' | 'LeakyReLU';
  config: Record<string, unknown>;
}

export interface TfjsModelJson {
  format: 'layers-model';
  generatedBy: string;
  convertedBy: null;
  modelTopology: {
    class_name: 'Sequential';
    config: { name: string; layers: TfjsLayer[] };
    keras_version: string;
    backend: 'tensor_flow.js';
  };
  weightsManifest: { paths: string[]; weights: TfjsWeightSpec[] }[];
}

export interface TfjsExport {
  modelJson: TfjsModelJson;
  /** The bytes of the weights file model.json names (little-endian float32). */
  weightData: Uint8Array;
  weightsFile: string;
}

export interface TfjsExportOptions {
  /** Name of the weights file as model.json refers to it. Default 'model.weights.bin'. */
  weightsFile?: string;
  /** Written to model.json's generatedBy. */
  generatedBy?: string;
}

/** Dense activation for a hidden layer; null when it needs its own layer after a linear Dense (leaky ReLU). */
function denseActivation(activation: string, alpha: number): string | null {
  switch (activation) {
    case 'identity':
      return 'linear';
    case 'relu':
    case 'tanh':
    case 'sigmoid':
    case 'softmax':
      return activation;
    case 'elu':
      // TF.js's ELU layer refuses any alpha but 1 ("not supported ... yet").
      if (alpha !== 1 && alpha !== 0) throw new Error(`ELU with scale ${alpha} has no TensorFlow.js equivalent (only 1)`);
      return 'elu';
    case 'leaky_relu':
      return null;
    default:
      throw new Error(`the ${activation} activation has no TensorFlow.js equivalent`);
  }
}

/** The output layer as a probability model: softmax for cross-entropy, sigmoid for binary, as trained for MSE. */
function outputActivation(loss: string, activation: string, alpha: number): string | null {
  switch (loss) {
    case 'softmax_cross_entropy':
      return 'softmax';
    case 'binary_cross_entropy':
      return 'sigmoid';
    case 'mse':
      return denseActivation(activation, alpha);
    default:
      throw new Error(`unknown loss ${loss}`);
  }
}

export function toTfjsLayersModel(
  spec: NormalizedNetworkSpec,
  parameters: Float32Array,
  options: TfjsExportOptions = {},
): TfjsExport {
  const weightsFile = options.weightsFile ?? 'model.weights.bin';
  const expected = parameterCount(spec);
  if (parameters.length !== expected)
    throw new Error(`the parameters must number ${expected} for this architecture, got ${parameters.length}`);
  if (spec.layers.length === 0) throw new Error('the network has no layers');

  const layers: TfjsLayer[] = [];
  const weights: TfjsWeightSpec[] = [];
  let fanIn = spec.inputs;
  spec.layers.forEach((layer, i) => {
    const last = i === spec.layers.length - 1;
    const name = `dense_${i + 1}`;
    const activation = last
      ? outputActivation(spec.loss, layer.activation, layer.alpha)
      : denseActivation(layer.activation, layer.alpha);
    const config: Record<string, unknown> = {
      name,
      trainable: true,
      dtype: 'float32',
      units: layer.units,
      activation: activation ?? 'linear',
      use_bias: true,
    };
    if (i === 0) config.batch_input_shape = [null, spec.inputs];
    layers.push({ class_name: 'Dense', config });
    if (activation === null) {
      // Our alphas are float32 already; TF.js keeps them as float32 too.
      layers.push({
        class_name: 'LeakyReLU',
        config: { name: `leaky_re_lu_${i + 1}`, trainable: true, dtype: 'float32', alpha: layer.alpha },
      });
    }
    weights.push({ name: `${name}/kernel`, shape: [fanIn, layer.units], dtype: 'float32' });
    weights.push({ name: `${name}/bias`, shape: [layer.units], dtype: 'float32' });
    fanIn = layer.units;
  });

  // Float32Array is little-endian on every platform the page runs on (and the
  // format's), so the bytes can be copied as they are.
  const weightData = new Uint8Array(parameters.byteLength);
  weightData.set(new Uint8Array(parameters.buffer, parameters.byteOffset, parameters.byteLength));

  return {
    modelJson: {
      format: 'layers-model',
      generatedBy: options.generatedBy ?? 'MLP Lab',
      convertedBy: null,
      modelTopology: {
        class_name: 'Sequential',
        config: { name: 'mlp_lab', layers },
        keras_version: 'tfjs-layers 4.22.0',
        backend: 'tensor_flow.js',
      },
      weightsManifest: [{ paths: [weightsFile], weights }],
    },
    weightData,
    weightsFile,
  };
}
