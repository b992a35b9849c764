// A model in and out of the Train view: a library entry opened for training
// (validated by the core, its settings checked against the link table), an
// imported .mlpl file made a new library entry, and the downloads (.mlpl and
// TensorFlow.js). One pipeline for restoring and importing.

import type { NormalizedNetworkSpec, Vocabulary } from '../../../generated/mlp-simd.mjs';
import { defaults, parseParams, toParams } from '../../state/url-state.ts';
import { downloadBytes, safeFileName } from '../../model/download.ts';
import { newModelId, type LibraryModel } from '../../model/library.ts';
import { toTfjsLayersModel } from '../../model/tfjs-export.ts';
import type { WorkerClient } from '../../worker-client.ts';
import { OPTIMIZER_LABELS } from '../../vocabulary.ts';
import { CLASSES, INPUTS, describeSpec, hiddenLayers, settingsForSpec, trainTable, type TrainSettings } from './settings.ts';

/** Larger files are not model files this page could have written (the biggest is ~33 MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** A library model read back by the core, ready to train from. */
export interface OpenedModel {
  entryId: string;
  name: string;
  spec: NormalizedNetworkSpec;
  parameters: Float32Array;
  /** The settings that rebuild it; null when the link cannot express its architecture. */
  settings: TrainSettings | null;
  epochs: number;
  origin: LibraryModel['origin'];
  history: LibraryModel['history'];
  report: LibraryModel['report'];
}

/** Settings read back from storage or a file, or null if they are not valid settings of today's table. */
export function parseStoredSettings(v: Vocabulary, value: unknown): TrainSettings | null {
  if (typeof value !== 'object' || value === null) return null;
  const table = trainTable(v);
  const base = defaults(table);
  const candidate = { ...base, ...(value as Partial<TrainSettings>) };
  let params: URLSearchParams;
  try {
    params = toParams(table, candidate);
  } catch {
    return null; // not values of this table's types
  }
  const parsed = parseParams(table, params);
  return parsed.problems.length === 0 ? parsed.values : null;
}

/** E.g. "784-300-100-10 ReLU · SGD 0.01". */
export function modelName(spec: NormalizedNetworkSpec, s: TrainSettings | null): string {
  const shape = describeSpec(spec).replace(', ', ' ');
  return s ? `${shape} · ${OPTIMIZER_LABELS[s.opt]} ${s.lr}` : shape;
}

export async function openSaved(worker: WorkerClient, v: Vocabulary, m: LibraryModel): Promise<OpenedModel> {
  const loaded = await worker.request({ type: 'readModel', bytes: m.bytes });
  const stored = parseStoredSettings(v, m.settings);
  // Stored settings are only trusted when they build this very architecture.
  const matches = stored !== null && hiddenLayers(stored).every((l, i) => loaded.spec.layers[i]?.units === l.units && loaded.spec.layers[i]?.activation === l.activation);
  const settings = matches ? stored : settingsForSpec(v, loaded.spec, stored ?? defaults(trainTable(v)));
  return {
    entryId: m.id,
    name: m.name,
    spec: loaded.spec,
    parameters: loaded.parameters,
    settings,
    epochs: m.epochs,
    origin: m.origin,
    history: m.history,
    report: m.report,
  };
}

/** A file the person chose, validated by the core and checked to read MNIST digits, as a new library entry. */
export async function importModel(worker: WorkerClient, v: Vocabulary, file: File): Promise<LibraryModel> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error(`the file is ${(file.size / 1024 / 1024).toFixed(0)} MB, too big to be a model file.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const loaded = await worker.request({ type: 'readModel', bytes });
  const outputs = loaded.spec.layers[loaded.spec.layers.length - 1]?.units ?? 0;
  if (loaded.spec.inputs !== INPUTS || outputs !== CLASSES)
    throw new Error(`it is a ${describeSpec(loaded.spec)} network; MNIST needs ${INPUTS} inputs (28×28 pixels) and ${CLASSES} outputs.`);
  if (loaded.spec.loss !== 'softmax_cross_entropy')
    throw new Error(`it was trained with the ${loaded.spec.loss} loss; digit models use softmax cross-entropy.`);
  const meta = parseMetadata(loaded.metadata);
  const epochs = typeof meta.epochs === 'number' && Number.isFinite(meta.epochs) ? meta.epochs : 0;
  const settings = parseStoredSettings(v, meta.settings);
  return {
    id: newModelId(),
    name: file.name.replace(/\.mlpl$/i, '') || 'Imported model',
    bytes,
    spec: loaded.spec,
    settings,
    testAccuracy: NaN,
    savedAt: Date.now(),
    epochs,
    origin: { kind: 'imported', fileName: file.name },
    history: null,
    report: null,
  };
}

/** A model file's metadata as JSON, or an empty object (files from elsewhere may hold anything). */
function parseMetadata(text: string): { settings?: unknown; epochs?: unknown } {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as { settings?: unknown; epochs?: unknown }) : {};
  } catch {
    return {};
  }
}

/** Downloads the .mlpl file; returns its name. */
export function downloadModel(m: LibraryModel): string {
  const name = `${safeFileName(m.name)}.mlpl`;
  downloadBytes(name, m.bytes, 'application/octet-stream');
  return name;
}

/** Downloads the TensorFlow.js layers model (JSON + weights); returns what to say. */
export async function downloadTfjs(worker: WorkerClient, m: LibraryModel): Promise<string> {
  const loaded = await worker.request({ type: 'readModel', bytes: m.bytes });
  const name = safeFileName(m.name);
  const out = toTfjsLayersModel(loaded.spec, loaded.parameters, { weightsFile: `${name}.weights.bin`, generatedBy: 'MLP Lab' });
  downloadBytes(`${name}.json`, JSON.stringify(out.modelJson), 'application/json');
  downloadBytes(out.weightsFile, out.weightData, 'application/octet-stream');
  return `Downloaded ${name}.json and ${out.weightsFile}: load them with tf.loadLayersModel.`;
}
