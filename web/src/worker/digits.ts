// The digit service: which network reads drawn digits, and reading one.
//
// Two models can be present. The pretrained one ships in public/models/ and is
// fetched, validated by the core (Module.loadModel) and kept on first use, so
// pages that never read a digit never download it. The user's own arrives
// from the Train view (trained here or imported). One of them is active.
//
// For the rest of the worker (plain functions, so Node tests run them as they are):
//   setDigitModel(mod, spec, parameters, label)
//       The user's model arrives (Train view: saved, trained or imported) and
//       becomes active. Throws, changing nothing, unless it reads 784 inputs
//       into 10 classes. `label` is what the Draw view shows, e.g. "your model (97.8%)".
//   usePretrainedDigitModel()
//       Forgets the user's model (Train view: "Forget"); the pretrained one reads.
//   selectDigitModel(mod, kind)
//       The Draw view's switch between the two; forgets neither.
//   digitModelStatus(mod)
//       What is there and what reads, once the pretrained model loaded or failed.
//   predictDigit(mod, ink, width, height)
//       Preprocessing in the core, then the active model's forward pass, timed.
//   answerDigitRequest(mod, request, host)
//       The controller's adapter for the 'digitModel' and 'digitPredict' requests.
//
// From the page (web/src/protocol.ts): 'useDigitModel' hands over a model file
// (Train view), 'digitModel' asks what is there or switches, 'digitPredict' reads.
//
// The state belongs to one WASM module (the worker has exactly one); handing
// in another module (a Node test switching flavours) starts afresh.

import type { MlpModule, Network, NormalizedNetworkSpec } from '../../generated/mlp-simd.mjs';
import type {
  DigitModelKind,
  DigitModelRequest,
  DigitModelStatus,
  DigitPredictRequest,
  DigitPrediction,
} from '../protocol.ts';
import type { Host } from './controller.ts';

/** The shipped model's path under the page's base URL. */
export const PRETRAINED_PATH = 'models/mnist-mlp.mlpl';
export const PRETRAINED_LABEL = 'pretrained model';
const DIGIT_INPUTS = 28 * 28;
const DIGIT_CLASSES = 10;

export type FetchModelBytes = () => Promise<Uint8Array>;

export interface UserDigitModel {
  readonly network: Network;
  readonly spec: NormalizedNetworkSpec;
  /** E.g. "your model (97.8%)". */
  readonly label: string;
}

interface Pretrained {
  state: 'idle' | 'loading' | 'ready' | 'failed';
  network: Network | null;
  label: string;
  error: string;
  /** The load in progress (or finished); it never rejects. */
  loading: Promise<void> | null;
}

interface DigitState {
  readonly mod: MlpModule;
  pretrained: Pretrained;
  user: UserDigitModel | null;
  /** Which model the user wants; the other reads while this one is missing. */
  preferred: DigitModelKind;
}

let state: DigitState | null = null;

function stateFor(mod: MlpModule): DigitState {
  if (state?.mod !== mod) {
    state = {
      mod,
      pretrained: { state: 'idle', network: null, label: PRETRAINED_LABEL, error: '', loading: null },
      user: null,
      preferred: 'pretrained',
    };
  }
  return state;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The shipped model's URL: public/models/ under the page's base URL. */
export function pretrainedModelUrl(): string {
  const base = import.meta.env?.BASE_URL ?? '/';
  return new URL(`${base}${PRETRAINED_PATH}`, globalThis.location?.href ?? 'http://localhost/').href;
}

async function fetchShippedModel(): Promise<Uint8Array> {
  const url = pretrainedModelUrl();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText} for ${PRETRAINED_PATH}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}

/** "pretrained model (99.0%)" when the file's metadata records its test accuracy. */
function pretrainedLabel(metadata: string): string {
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
 * A Network that has already read one dot through the whole path, so the
 * first stroke does not pay for compiling the WASM functions and touching
 * fresh memory (5–15 ms cold against 0.1–0.5 ms warm under Node). The size is
 * the Draw view's working resolution (INK_SIDE in
 * web/src/widgets/draw/strokes.ts); any size works.
 */
function warmNetwork(mod: MlpModule, spec: NormalizedNetworkSpec, parameters: Float32Array): Network {
  const network = new mod.Network(spec, parameters); // throws (naming the field) on a bad spec or weights
  try {
    const side = 140;
    const dot = new Float32Array(side * side);
    dot[(side / 2) * side + side / 2] = 1;
    network.predict(mod.preprocessDigit(dot, side, side).pixels, 1);
    return network;
  } catch (e) {
    network.delete();
    throw e;
  }
}

/** A model must map 28×28 pixels to 10 classes to read digits. */
function checkDigitShape(spec: NormalizedNetworkSpec): void {
  const outputs = spec.layers[spec.layers.length - 1]?.units ?? 0;
  if (spec.inputs !== DIGIT_INPUTS || outputs !== DIGIT_CLASSES) {
    throw new Error(`a digit model needs ${DIGIT_INPUTS} inputs and ${DIGIT_CLASSES} outputs, got ${spec.inputs} and ${outputs}`);
  }
}

/**
 * Starts loading the pretrained model, or joins the load in progress. A
 * failure is remembered (predictions do not refetch on every stroke) until a
 * call with `retry`. The promise never rejects: see the status for errors.
 */
export function loadPretrainedDigitModel(
  mod: MlpModule,
  { retry = false, fetchBytes = fetchShippedModel }: { retry?: boolean; fetchBytes?: FetchModelBytes } = {},
): Promise<void> {
  const p = stateFor(mod).pretrained;
  if (p.loading && !(retry && p.state === 'failed')) return p.loading;
  p.state = 'loading';
  p.error = '';
  p.loading = (async () => {
    let bytes: Uint8Array;
    try {
      bytes = await fetchBytes();
    } catch (e) {
      throw new Error(`Could not download the pretrained model: ${messageOf(e)}`);
    }
    try {
      const model = mod.loadModel(bytes); // validates magic, version, shape, checksum
      checkDigitShape(model.spec);
      const network = warmNetwork(mod, model.spec, model.parameters);
      p.network?.delete();
      p.network = network;
      p.label = pretrainedLabel(model.metadata);
      p.state = 'ready';
    } catch (e) {
      throw new Error(`The pretrained model could not be read: ${messageOf(e)}`);
    }
  })().catch((e: unknown) => {
    p.state = 'failed';
    p.error = messageOf(e);
  });
  return p.loading;
}

/** Makes (spec, parameters) the user's digit model and the active one. A model that cannot read digits changes nothing. */
export function setDigitModel(
  mod: MlpModule,
  spec: NormalizedNetworkSpec,
  parameters: Float32Array,
  label: string,
): UserDigitModel {
  checkDigitShape(spec);
  const network = warmNetwork(mod, spec, parameters); // throws before anything changes
  const s = stateFor(mod);
  s.user?.network.delete();
  s.user = { network, spec: network.networkSpec(), label };
  s.preferred = 'user';
  return s.user;
}

/** Forgets the user's model; the pretrained one reads again. */
export function usePretrainedDigitModel(): void {
  if (!state) return;
  state.user?.network.delete();
  state.user = null;
  state.preferred = 'pretrained';
}

/** Switches which model reads, keeping both. Asking for a model that is not there is an error. */
export function selectDigitModel(mod: MlpModule, kind: DigitModelKind): void {
  const s = stateFor(mod);
  if (kind === 'user' && !s.user) throw new Error('there is no model of yours yet: train or import one in the Train view');
  s.preferred = kind;
}

/** The user's model, or null when there is none. */
export function userDigitModel(): UserDigitModel | null {
  return state?.user ?? null;
}

interface ActiveModel {
  kind: DigitModelKind;
  network: Network;
  label: string;
}

function activeModel(s: DigitState): ActiveModel | null {
  const { pretrained, user } = s;
  const fromPretrained = pretrained.network ? { kind: 'pretrained' as const, network: pretrained.network, label: pretrained.label } : null;
  const fromUser = user ? { kind: 'user' as const, network: user.network, label: user.label } : null;
  return s.preferred === 'user' ? (fromUser ?? fromPretrained) : (fromPretrained ?? fromUser);
}

/** The active model's label; the pretrained model's while nothing is ready yet. */
export function digitModelLabel(): string {
  return state ? (activeModel(state)?.label ?? state.pretrained.label) : PRETRAINED_LABEL;
}

function status(s: DigitState): DigitModelStatus {
  const active = activeModel(s);
  const p = s.pretrained;
  return {
    active: active?.kind ?? null,
    label: active?.label ?? '',
    pretrained: { state: p.state === 'idle' ? 'loading' : p.state, label: p.label, error: p.error },
    user: s.user ? { label: s.user.label } : null,
  };
}

/** What is there and what reads, after the pretrained model loaded or failed (a failed load is tried again). */
export async function digitModelStatus(mod: MlpModule, fetchBytes?: FetchModelBytes): Promise<DigitModelStatus> {
  await loadPretrainedDigitModel(mod, { retry: true, fetchBytes });
  return status(stateFor(mod));
}

/** Reads a drawn digit with the active model; the pretrained model must have loaded, or the user's been set. */
export function predictDigit(mod: MlpModule, ink: Float32Array, width: number, height: number): DigitPrediction {
  const s = stateFor(mod);
  const model = activeModel(s);
  if (!model) {
    throw new Error(s.pretrained.error || 'the digit model is still loading: ask for digitModel first');
  }
  // Timed in here so the page sees the work itself, not the message round trip.
  const t0 = performance.now();
  const image = mod.preprocessDigit(ink, width, height);
  const probabilities = image.empty ? new Float32Array(DIGIT_CLASSES) : model.network.predict(image.pixels, 1);
  const milliseconds = performance.now() - t0;
  return { empty: image.empty, pixels: image.pixels, probabilities, milliseconds, model: model.kind, label: model.label };
}

/** Resolves once a model can read (the pretrained one loaded, or the user's is there). */
async function modelReady(mod: MlpModule): Promise<void> {
  const s = stateFor(mod);
  if (!activeModel(s)) await loadPretrainedDigitModel(mod);
}

/** Answers 'digitModel' and 'digitPredict' (they may wait for the pretrained model's download). */
export function answerDigitRequest(
  mod: MlpModule,
  req: DigitModelRequest | DigitPredictRequest,
  host: Pick<Host, 'post' | 'fatal'>,
): void {
  const fail = (e: unknown): void => {
    host.post({ type: 'error', id: req.id, message: messageOf(e) });
    if (e instanceof WebAssembly.RuntimeError) host.fatal(e);
  };
  switch (req.type) {
    case 'digitModel':
      try {
        if (req.use) selectDigitModel(mod, req.use);
      } catch (e) {
        fail(e);
        return;
      }
      digitModelStatus(mod).then((value) => host.post({ type: 'result', id: req.id, op: 'digitModel', value }), fail);
      return;
    case 'digitPredict':
      modelReady(mod)
        .then(() => {
          const value = predictDigit(mod, req.ink, req.width, req.height);
          const buffers = [value.pixels.buffer, value.probabilities.buffer].filter((b) => b instanceof ArrayBuffer);
          host.post({ type: 'result', id: req.id, op: 'digitPredict', value }, buffers);
        })
        .catch(fail);
      return;
  }
}
