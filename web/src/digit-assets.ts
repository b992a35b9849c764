// A page that opens on the Draw view downloads what the worker needs for its
// first reading, the digit reader's .wasm and the pretrained model, from its
// own first script, and hands each over as it arrives (the reader compiles
// while the model is still coming): the downloads start before the worker's
// script has even arrived, instead of after the worker has started and
// imported its code. A download that fails is handed over as null: the worker
// then fetches the file itself and reports the failure as it always does.

import readerWasmUrl from '../generated/mlp-reader.wasm?url';
import type { DigitAsset, DigitAssetName } from './protocol-assets.ts';
import { PRETRAINED_PATH } from './worker/shipped-model.ts';

async function bytesOf(url: string): Promise<ArrayBuffer | null> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.arrayBuffer() : null;
  } catch {
    return null;
  }
}

/** Starts both downloads now (the model from `site`, the page's folder); posts each to the worker as it arrives. */
export function sendDigitAssets(worker: Worker, site: string): void {
  const send = (asset: DigitAssetName, bytes: Promise<ArrayBuffer | null>): void =>
    void bytes.then((b) => {
      const message: DigitAsset = { type: 'digitAsset', asset, bytes: b };
      worker.postMessage(message, b ? [b] : []);
    });
  send('wasm', bytesOf(new URL(readerWasmUrl, import.meta.url).href));
  send('model', bytesOf(new URL(PRETRAINED_PATH, site).href));
}
