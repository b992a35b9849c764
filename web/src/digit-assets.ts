// A page that opens on the Draw view downloads what the worker needs for its
// first reading, the digit reader's .wasm and the pretrained model, from its
// own first script, and hands the bytes over: the downloads start before the
// worker's script has even arrived, instead of after the worker has started
// and imported its code (some 0.3 s later on a 40 ms link). A download that
// fails is handed over as null: the worker then fetches the file itself and
// reports the failure as it always does.

import readerWasmUrl from '../generated/mlp-reader.wasm?url';
import type { DigitAssets } from './protocol-assets.ts';
import { PRETRAINED_PATH } from './worker/shipped-model.ts';

async function bytesOf(url: string): Promise<ArrayBuffer | null> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.arrayBuffer() : null;
  } catch {
    return null;
  }
}

/** Starts both downloads now and posts them to the worker together. */
export function sendDigitAssets(worker: Worker): void {
  const wasm = bytesOf(new URL(readerWasmUrl, import.meta.url).href);
  const model = bytesOf(new URL(PRETRAINED_PATH, new URL('.', location.href)).href);
  void Promise.all([wasm, model]).then(([w, m]) => {
    const message: DigitAssets = { type: 'digitAssets', wasm: w, model: m };
    worker.postMessage(message, [w, m].filter((b): b is ArrayBuffer => b !== null));
  });
}
