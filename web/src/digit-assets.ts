// A page that opens on the Draw view downloads what the worker needs for its
// first reading, the digit reader's .wasm and the pretrained model, and hands
// the bytes over: the downloads start before the worker's script has even
// arrived, instead of after the worker has started and imported its code. The
// built page starts them earlier still, from an inline script in its HTML
// (vite.early-assets.mjs); the page takes those, or fetches here (vite's dev
// server, or an early download that failed). A download that fails again is
// handed over as null: the worker then fetches the file itself and reports
// the failure as it always does.

import readerWasmUrl from '../generated/mlp-reader.wasm?url';
import type { DigitAsset, DigitAssetName } from './protocol-assets.ts';
import { PRETRAINED_PATH } from './worker/shipped-model.ts';

declare global {
  interface Window {
    /** The downloads web/inline/early-assets.js started, until the page takes them. */
    mlpEarlyAssets?: { wasm: Promise<Response>; model: Promise<Response> };
  }
}

async function bytesOf(url: string, early?: Promise<Response>): Promise<ArrayBuffer | null> {
  try {
    const response = await (early ?? fetch(url)).catch(() => fetch(url));
    if (response.ok) return await response.arrayBuffer();
    return early ? bytesOf(url) : null;
  } catch {
    return null;
  }
}

/** Takes the early downloads (once: a restarted worker downloads again), or starts both now; posts each to the worker as it arrives. */
export function sendDigitAssets(worker: Worker): void {
  const early = window.mlpEarlyAssets;
  delete window.mlpEarlyAssets;
  const send = (asset: DigitAssetName, bytes: Promise<ArrayBuffer | null>): void =>
    void bytes.then((b) => {
      const message: DigitAsset = { type: 'digitAsset', asset, bytes: b };
      worker.postMessage(message, b ? [b] : []);
    });
  send('wasm', bytesOf(new URL(readerWasmUrl, import.meta.url).href, early?.wasm));
  send('model', bytesOf(new URL(PRETRAINED_PATH, new URL('.', location.href)).href, early?.model));
}
