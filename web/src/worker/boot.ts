// Both worker entries (worker.ts, worker-draw.ts): a thin adapter between
// postMessage and the Controller. It loads the WASM module once; requests that
// arrive meanwhile wait in a queue. The Draw entry reads digits with the small
// digit reader first.

import { simd } from 'wasm-feature-detect';
import type { ReaderModule } from '../../generated/mlp-reader.mjs';
import type { Flavour, Request, WorkerMessage } from '../protocol.ts';
import { isDigitAsset, type DigitAsset, type DigitAssetName } from '../protocol-assets.ts';
import { messageOf } from '../errors.ts';
import type { Controller } from './controller.ts';
import { workerOptions } from './worker-options.ts';
import type { Host } from './host.ts';
import { chooseFlavour, flavourOverride, singleThreaded } from './flavour.ts';
import { loadModule } from './load-module.ts';
import { DigitService, isDigitRequest } from './digits.ts';
import { prefetchShippedModel } from './shipped-model.ts';

declare const self: DedicatedWorkerGlobalScope;

// setTimeout(0) is clamped to 4 ms once nested; a MessageChannel yields to
// queued requests without that delay.
const channel = new MessageChannel();
const soon: (() => void)[] = [];
channel.port1.onmessage = () => soon.shift()?.();

const host: Host = {
  post: (message: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer),
  now: () => performance.now(),
  later: (fn, delayMs) => {
    if (delayMs > 0) {
      setTimeout(fn, delayMs);
    } else {
      soon.push(fn);
      channel.port2.postMessage(null);
    }
  },
  fatal: (error) => {
    // Thrown outside any handler, it reaches the page as the Worker's error event.
    setTimeout(() => {
      throw error;
    });
  },
};

let controller: Controller | null = null;
let loadError: string | null = null;
const waiting: Request[] = [];
/** Reads digits before the full module is there (a page that opened on Draw), and after. */
let digits: DigitService | null = null;
let fullModule: Promise<void> | null = null;
/** The reader is loading: digit requests wait for it, not for the full module. */
let readerLoading = false;

/** The Draw view's first files, downloaded by the page (digit-assets.ts); null: fetch it here. */
const giveAsset = new Map<DigitAssetName, (bytes: ArrayBuffer | null) => void>();
const pageAsset = (name: DigitAssetName): Promise<ArrayBuffer | null> => new Promise((resolve) => giveAsset.set(name, resolve));
const pageAssets = { wasm: pageAsset('wasm'), model: pageAsset('model') };

self.onmessage = (event: MessageEvent<Request | DigitAsset>) => {
  if (isDigitAsset(event.data)) {
    giveAsset.get(event.data.asset)?.(event.data.bytes);
    return;
  }
  const req = event.data;
  if (controller) controller.handle(req);
  else if (digits && isDigitRequest(req)) digits.answer(req, host);
  else if (loadError) host.post({ type: 'error', id: req.id, message: loadError });
  else {
    waiting.push(req);
    if (!(readerLoading && isDigitRequest(req))) void loadFull();
  }
};

function ready(mod: ReaderModule, flavour: Flavour, reader: boolean): void {
  const { kernel, simd } = mod.buildInfo();
  host.post({ type: 'ready', flavour, kernel, simd, reader, vocabulary: mod.vocabulary() });
}

/** The full module (the flavour for this page), once: every request but the digit ones waits for it. */
function loadFull(): Promise<void> {
  fullModule ??= (async () => {
    try {
      const options = workerOptions().toString();
      const flavour = await chooseFlavour(flavourOverride(options), !singleThreaded(options));
      // The controller (every job and lesson) is a chunk of its own: a page on Draw loads it only
      // when another view asks (the worker's URL has no query string: see worker-options.ts).
      const [mod, { Controller }] = await Promise.all([loadModule(flavour), import('./controller.ts')]);
      controller = new Controller(mod, host, digits ?? undefined);
      digits = controller.digits;
      ready(mod, flavour, false);
      for (const req of waiting.splice(0)) controller.handle(req);
    } catch (e) {
      loadError = `Could not load the WASM module: ${messageOf(e)}`;
      host.post({ type: 'error', message: loadError });
      for (const req of waiting.splice(0)) host.post({ type: 'error', id: req.id, message: loadError });
    }
  })();
  return fullModule;
}

/** Instantiates the digit reader from the .wasm bytes the page downloaded (null: fetch them). */
export type LoadReader = (wasm: Promise<ArrayBuffer | null>) => Promise<ReaderModule>;

/**
 * Starts the worker. A page opening on the Draw view (worker-draw.ts) starts
 * with the digit reader, a module a quarter of the full one's size, and the
 * pretrained model beside it, both downloaded by the page: its first reading
 * waits for fewer bytes. The full module loads when another request needs it.
 * Without WASM SIMD, or when the reader fails to load, the full module reads
 * digits as before.
 */
export async function boot(loadReader: LoadReader | null): Promise<void> {
  if (!loadReader) return loadFull();
  // From here, digit requests wait for the reader (also while SIMD is being detected).
  readerLoading = true;
  prefetchShippedModel(pageAssets.model);
  const override = flavourOverride(workerOptions().toString());
  const reader = (override === null || override === 'simd') && (await simd()) ? loadReader(pageAssets.wasm) : null;
  if (!reader) {
    readerLoading = false;
    return loadFull();
  }
  try {
    const mod = await reader;
    if (controller) return; // the full module won the race: it reads
    digits = new DigitService(mod);
    ready(mod, 'simd', true);
    const early = waiting.splice(0);
    waiting.push(...early.filter((r) => !isDigitRequest(r)));
    for (const req of early) if (isDigitRequest(req)) digits.answer(req, host);
    digits.warmUp(); // while the model downloads
  } catch {
    await loadFull();
  } finally {
    readerLoading = false;
  }
}

