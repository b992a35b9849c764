// The digit service: which network reads drawn digits, and reading one. The
// controller owns one per WASM module.
//
// Two models can be present. The pretrained one ships in public/models/ and is
// fetched, validated by the core (Module.loadModel) and kept on first use, so
// pages that never read a digit never download it. The user's own arrives
// from the page (a model of the library the person picked for the Draw view).
// One of them is active.
//
// From the page (web/src/protocol.ts): 'useDigitModel' hands over a model file,
// 'digitModel' asks what is there or switches, 'digitPredict' reads.
//
// It needs only the digit reader's part of a module (ReaderModule), so it runs
// on the small reader a page opening on Draw starts with, or on the full module.

import type { NormalizedNetworkSpec } from '../../generated/mlp-simd.mjs';
import type { ReaderModule, ReaderNetwork as Network } from '../../generated/mlp-reader.mjs';
import type { DigitModelKind, DigitModelStatus, DigitPrediction, DigitRequest, DigitStrokes } from '../protocol-digits.ts';
import { fieldOf, messageOf } from '../errors.ts';
import { transferables, type Host } from './host.ts';
import { readModel } from './inspect.ts';
import { DIGIT_CLASSES, PRETRAINED_LABEL, checkDigitShape, pretrainedLabel, warmNetwork } from './digit-network.ts';
import { parameterCount } from '../model/parameter-count.ts';
import { SHIPPED_SPEC, fetchShippedModel } from './shipped-model.ts';

/** Whether the digit service answers this request (so the digit reader can, without the full module). */
export function isDigitRequest(req: { type: string }): req is DigitRequest {
  return req.type === 'useDigitModel' || req.type === 'digitModel' || req.type === 'digitPredict';
}

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

interface ActiveModel {
  kind: DigitModelKind;
  network: Network;
  label: string;
}

export class DigitService {
  private readonly pretrained: Pretrained = { state: 'idle', network: null, label: PRETRAINED_LABEL, error: '', loading: null };
  private user: UserDigitModel | null = null;
  /** Which model the user wants; the other reads while this one is missing. */
  private preferred: DigitModelKind = 'pretrained';

  constructor(
    private readonly mod: ReaderModule,
    private readonly fetchBytes: FetchModelBytes = fetchShippedModel,
  ) {}

  /**
   * Starts loading the pretrained model, or joins the load in progress. A
   * failure is remembered (predictions do not refetch on every stroke) until a
   * call with `retry`. The promise never rejects: see the status for errors.
   */
  loadPretrained(retry = false): Promise<void> {
    const p = this.pretrained;
    if (p.loading && !(retry && p.state === 'failed')) return p.loading;
    p.state = 'loading';
    p.error = '';
    p.loading = (async () => {
      let bytes: Uint8Array;
      try {
        bytes = await this.fetchBytes();
      } catch (e) {
        throw new Error(`Could not download the pretrained model: ${messageOf(e)}`);
      }
      try {
        const model = this.mod.loadModel(bytes); // validates magic, version, shape, checksum
        checkDigitShape(model.spec);
        const network = warmNetwork(this.mod, model.spec, model.parameters);
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

  /**
   * Warms the reader up before the pretrained model's file arrives: a zero
   * network of the shipped architecture reads a dot through the whole path. A
   * browser compiles each WASM function on its first call and the first
   * network touches fresh memory: cold, building the network and its first
   * reading took 40–110 and 45–100 ms in this machine's Chromium (1 ms warm),
   * most of the model's load. Does nothing once a model reads.
   */
  warmUp(): void {
    if (this.active()) return;
    try {
      warmNetwork(this.mod, SHIPPED_SPEC, new Float32Array(parameterCount(SHIPPED_SPEC))).delete();
    } catch {
      // Only a head start: the real load reports its own errors.
    }
  }

  /** Makes (spec, parameters) the user's digit model and the active one. A model that cannot read digits changes nothing. */
  setUser(spec: NormalizedNetworkSpec, parameters: Float32Array, label: string): UserDigitModel {
    checkDigitShape(spec);
    const network = warmNetwork(this.mod, spec, parameters); // throws before anything changes
    this.user?.network.delete();
    this.user = { network, spec: network.networkSpec(), label };
    this.preferred = 'user';
    return this.user;
  }

  /** Forgets the user's model; the pretrained one reads again. */
  usePretrained(): void {
    this.user?.network.delete();
    this.user = null;
    this.preferred = 'pretrained';
  }

  /** Switches which model reads, keeping both. Asking for a model that is not there is an error. */
  select(kind: DigitModelKind): void {
    if (kind === 'user' && !this.user) throw new Error('there is no model of yours yet: train or import one in the Train view');
    this.preferred = kind;
  }

  /** The user's model, or null when there is none. */
  userModel(): UserDigitModel | null {
    return this.user;
  }

  private active(): ActiveModel | null {
    const { pretrained, user } = this;
    const fromPretrained = pretrained.network ? { kind: 'pretrained' as const, network: pretrained.network, label: pretrained.label } : null;
    const fromUser = user ? { kind: 'user' as const, network: user.network, label: user.label } : null;
    return this.preferred === 'user' ? (fromUser ?? fromPretrained) : (fromPretrained ?? fromUser);
  }

  /** The active model's label; the pretrained model's while nothing is ready yet. */
  label(): string {
    return this.active()?.label ?? this.pretrained.label;
  }

  private snapshot(): DigitModelStatus {
    const active = this.active();
    const p = this.pretrained;
    return {
      active: active?.kind ?? null,
      label: active?.label ?? '',
      pretrained: { state: p.state === 'idle' ? 'loading' : p.state, label: p.label, error: p.error },
      user: this.user ? { label: this.user.label } : null,
    };
  }

  /** What is there and what reads, after the pretrained model loaded or failed (a failed load is tried again). */
  async status(): Promise<DigitModelStatus> {
    await this.loadPretrained(true);
    return this.snapshot();
  }

  /** Reads a drawn digit with the active model; the pretrained model must have loaded, or the user's been set. */
  predict(ink: Float32Array, width: number, height: number): DigitPrediction {
    return this.read(() => this.mod.preprocessDigit(ink, width, height));
  }

  /**
   * Reads strokes (the Draw view's path): the core rasterises them with a pen
   * proportional to the digit's size, then preprocesses that ink as MNIST's.
   * `penScale` (× the core's pen, 1 on the page) lets the robustness set vary it.
   */
  predictStrokes(strokes: DigitStrokes, penScale = 1): DigitPrediction {
    return this.read(() => {
      const side = this.mod.strokeRasterSide;
      return this.mod.preprocessDigit(this.mod.rasterizeStrokes(strokes.xy, strokes.lengths, penScale), side, side);
    });
  }

  private read(prepare: () => ReturnType<ReaderModule['preprocessDigit']>): DigitPrediction {
    const model = this.active();
    if (!model) throw new Error(this.pretrained.error || 'the digit model is still loading: ask for digitModel first');
    // Timed in here so the page sees the work itself, not the message round trip.
    const t0 = performance.now();
    const image = prepare();
    const probabilities = image.empty ? new Float32Array(DIGIT_CLASSES) : model.network.predict(image.pixels, 1);
    const milliseconds = performance.now() - t0;
    return { empty: image.empty, pixels: image.pixels, probabilities, milliseconds, model: model.kind, label: model.label };
  }

  /** Resolves once a model can read (the pretrained one loaded, or the user's is there). */
  private async ready(): Promise<void> {
    if (!this.active()) await this.loadPretrained();
  }

  /** Answers the digit requests ('digitModel' and 'digitPredict' may wait for the pretrained model's download). */
  answer(req: DigitRequest, host: Pick<Host, 'post' | 'fatal'>): void {
    const fail = (e: unknown): void => {
      host.post({ type: 'error', id: req.id, message: messageOf(e), field: fieldOf(e) });
      if (e instanceof WebAssembly.RuntimeError) host.fatal(e);
    };
    switch (req.type) {
      case 'useDigitModel':
        try {
          if (req.model) {
            const m = readModel(this.mod, req.model.bytes);
            this.setUser(m.spec, m.parameters, req.model.label);
          } else {
            this.usePretrained();
          }
          host.post({ type: 'result', id: req.id, op: 'useDigitModel', value: { label: this.label() } });
        } catch (e) {
          fail(e);
        }
        return;
      case 'digitModel':
        try {
          if (req.use) this.select(req.use);
        } catch (e) {
          fail(e);
          return;
        }
        this.status().then((value) => host.post({ type: 'result', id: req.id, op: 'digitModel', value }), fail);
        return;
      case 'digitPredict':
        this.ready()
          .then(() => {
            const value = req.strokes
              ? this.predictStrokes(req.strokes)
              : this.predict(req.ink ?? new Float32Array(0), req.width ?? 0, req.height ?? 0);
            host.post({ type: 'result', id: req.id, op: 'digitPredict', value }, transferables(value.pixels, value.probabilities));
          })
          .catch(fail);
        return;
    }
  }

  dispose(): void {
    this.pretrained.network?.delete();
    this.pretrained.network = null;
    this.user?.network.delete();
    this.user = null;
  }
}
