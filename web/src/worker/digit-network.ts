// A network that reads digits: the shape it must have, the label of the
// shipped one, and the warm-up every network gets before its first reading.

import type { NetworkSpec, NormalizedNetworkSpec } from '../../generated/mlp-simd.mjs';
import type { ReaderModule, ReaderNetwork as Network } from '../../generated/mlp-reader.mjs';

export const PRETRAINED_LABEL = 'pretrained model';
const DIGIT_INPUTS = 28 * 28;
export const DIGIT_CLASSES = 10;

/** "pretrained model (99.0%)" when the file's metadata records its test accuracy. */
export function pretrainedLabel(metadata: string): string {
  try {
    const meta: unknown = JSON.parse(metadata);
    if (typeof meta === 'object' && meta !== null && 'test_accuracy' in meta && typeof meta.test_accuracy === 'number') {
      return `${PRETRAINED_LABEL} (${(meta.test_accuracy * 100).toFixed(1)}%)`;
    }
  } catch {
    // Free text, not JSON: the plain label will do.
  }
  return PRETRAINED_LABEL;
}

/**
 * A Network that has already read one dot through the whole path (strokes
 * rasterised, preprocessed, predicted), so the first stroke does not pay for
 * compiling the WASM functions and touching fresh memory (5–15 ms cold
 * against 0.1–0.5 ms warm under Node).
 */
export function warmNetwork(mod: ReaderModule, spec: NetworkSpec, parameters: Float32Array): Network {
  const network = new mod.Network(spec, parameters); // throws (naming the field) on a bad spec or weights
  try {
    const side = mod.strokeRasterSide;
    const ink = mod.rasterizeStrokes(new Float32Array([0.5, 0.5]), new Int32Array([1]), 1);
    network.predict(mod.preprocessDigit(ink, side, side).pixels, 1);
    return network;
  } catch (e) {
    network.delete();
    throw e;
  }
}

/** A model must map 28×28 pixels to 10 classes to read digits. */
export function checkDigitShape(spec: NormalizedNetworkSpec): void {
  const outputs = spec.layers[spec.layers.length - 1]?.units ?? 0;
  if (spec.inputs !== DIGIT_INPUTS || outputs !== DIGIT_CLASSES) {
    throw new Error(`a digit model needs ${DIGIT_INPUTS} inputs and ${DIGIT_CLASSES} outputs, got ${spec.inputs} and ${outputs}`);
  }
}
