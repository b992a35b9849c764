// The worker entry: a thin adapter between postMessage and the Controller.
// It loads the WASM module once; requests that arrive meanwhile wait in a queue.

import type { Request, WorkerMessage } from '../protocol.ts';
import { messageOf } from '../errors.ts';
import { Controller } from './controller.ts';
import type { Host } from './host.ts';
import { chooseFlavour, flavourOverride, singleThreaded } from './flavour.ts';
import { loadModule } from './load-module.ts';
import { prefetchShippedModel } from './digits.ts';

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

self.onmessage = (event: MessageEvent<Request>) => {
  const req = event.data;
  if (controller) controller.handle(req);
  else if (loadError) host.post({ type: 'error', id: req.id, message: loadError });
  else waiting.push(req);
};

async function boot(): Promise<void> {
  // A page opening on the Draw view asks for the pretrained model at once, so
  // it downloads beside the WASM instead of after it.
  if (new URLSearchParams(self.location.search).has('digits')) prefetchShippedModel();
  try {
    const flavour = await chooseFlavour(flavourOverride(self.location.search), !singleThreaded(self.location.search));
    const mod = await loadModule(flavour);
    const { kernel, simd } = mod.buildInfo();
    controller = new Controller(mod, host);
    host.post({ type: 'ready', flavour, kernel, simd, vocabulary: mod.vocabulary() });
    for (const req of waiting.splice(0)) controller.handle(req);
  } catch (e) {
    loadError = `Could not load the WASM module: ${messageOf(e)}`;
    host.post({ type: 'error', message: loadError });
    for (const req of waiting.splice(0)) host.post({ type: 'error', id: req.id, message: loadError });
  }
}

void boot();
