// What the Train view shows about a model, and its files, as plain functions
// over a session: the core evaluates and predicts; this file only counts
// (confusion matrix), picks rows and reorders weights for drawing.

import type { LoadedModel, MlpModule } from '../../generated/mlp-simd.mjs';
import type { Misclassified, ModelFile, TestReport } from '../protocol.ts';
import type { Session } from './engine.ts';

/** Limits that keep a report small enough to post in one message. */
const MAX_MISCLASSIFIED = 200;
const MAX_WEIGHT_IMAGES = 256;

export function testReport(session: Session, steps: number, misclassified: number, weightImages: number): TestReport {
  const test = session.test;
  if (!test) throw new Error('this model has no test set: train it on MNIST');
  const { trainer } = session;
  const spec = trainer.networkSpec();
  const classes = spec.layers[spec.layers.length - 1]?.units ?? 0;
  const inputs = spec.inputs;

  const result = trainer.evaluate(test);
  const predicted = trainer.predictLabels(test);
  const labels = test.labels();
  const confusion = new Int32Array(classes * classes);
  const wrong: number[] = [];
  const want = Math.max(0, Math.min(MAX_MISCLASSIFIED, Math.floor(misclassified)));
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i] ?? 0;
    const p = predicted[i] ?? 0;
    confusion[t * classes + p] = (confusion[t * classes + p] ?? 0) + 1;
    if (t !== p && wrong.length < want) wrong.push(i);
  }
  let errorCount = 0;
  for (let t = 0; t < classes; t++) for (let p = 0; p < classes; p++) if (t !== p) errorCount += confusion[t * classes + p] ?? 0;

  // The mistakes' pixels, and how sure the network was of its wrong answer.
  const pixels = new Float32Array(wrong.length * inputs);
  wrong.forEach((row, k) => pixels.set(test.featureRows(row, 1), k * inputs));
  const probabilities = wrong.length > 0 ? trainer.predict(pixels, wrong.length) : new Float32Array(0);
  const mistakes: Misclassified[] = wrong.map((index, k) => {
    const label = labels[index] ?? 0;
    const guess = predicted[index] ?? 0;
    return { index, label, predicted: guess, confidence: probabilities[k * classes + guess] ?? NaN };
  });

  return {
    job: session.id,
    steps,
    loss: result.loss,
    accuracy: result.accuracy,
    count: result.count,
    classes,
    confusion,
    errorCount,
    misclassified: mistakes,
    pixels,
    firstLayer: {
      ...firstLayerWeights(trainer.parameters(), inputs, spec.layers[0]?.units ?? 0, weightImages),
      // No hidden layer (softmax regression): the first layer's units are the classes themselves.
      output: spec.layers.length === 1,
    },
  };
}

/**
 * Columns of W₀ (inputs × units, row-major, at the start of the parameters),
 * one unit after the other, for drawing each as an image of its inputs.
 */
export function firstLayerWeights(
  parameters: Float32Array,
  inputs: number,
  units: number,
  wanted: number,
): TestReport['firstLayer'] {
  const shown = Math.max(0, Math.min(units, MAX_WEIGHT_IMAGES, Math.floor(wanted)));
  const weights = new Float32Array(shown * inputs);
  for (let i = 0; i < inputs; i++) {
    const row = i * units;
    for (let k = 0; k < shown; k++) weights[k * inputs + i] = parameters[row + k] ?? NaN;
  }
  return { units, shown, inputs, weights };
}

export function exportModel(mod: MlpModule, session: Session, metadata: string): ModelFile {
  const spec = session.trainer.networkSpec();
  const parameters = session.trainer.parameters();
  return { bytes: mod.saveModel(spec, parameters, metadata), spec, parameters };
}

/** Module.loadModel validates magic, version, architecture, length, checksum and finite weights. */
export function readModel(mod: Pick<MlpModule, 'loadModel'>, bytes: Uint8Array): LoadedModel {
  if (!(bytes instanceof Uint8Array)) throw new Error('a model file must arrive as bytes (Uint8Array)');
  return mod.loadModel(bytes);
}
