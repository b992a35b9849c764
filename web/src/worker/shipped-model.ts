// The shipped model's bytes: fetched on first use, or early, for a page that
// opens on the Draw view (the page may have downloaded them already:
// web/src/digit-assets.ts). Only the digit service (digits.ts) reads them.

import type { NetworkSpec } from '../../generated/mlp-simd.mjs';
import { siteUrl } from './site-url.ts';

/** The shipped model's path under the page's base URL. */
export const PRETRAINED_PATH = 'models/mnist-mlp.mlpl';

/**
 * The shipped model's architecture (scripts/train-pretrained.sh), known before its file arrives: the
 * digit service warms the reader up on a network of this shape while the file downloads.
 * tests/node/reader.test.mjs checks it against the file.
 */
export const SHIPPED_SPEC: NetworkSpec = {
  inputs: 784,
  layers: [
    { units: 300, activation: 'relu' },
    { units: 100, activation: 'relu' },
    { units: 10, activation: 'identity' },
  ],
  loss: 'softmax_cross_entropy',
};

/** The shipped model's URL: public/models/ under the page's base URL. */
export function pretrainedModelUrl(): string {
  return siteUrl(PRETRAINED_PATH);
}

let prefetched: Promise<Uint8Array> | null = null;

/**
 * The shipped model's bytes, early (the worker's boot, for a page that opens on the Draw view): those
 * the page downloaded, or, if it could not, downloaded now. The first load takes them.
 */
export function prefetchShippedModel(fromPage: Promise<ArrayBuffer | null>): void {
  prefetched ??= fromPage.then((bytes) => (bytes ? new Uint8Array(bytes) : downloadShippedModel()));
  prefetched.catch(() => {}); // the load reports it
}

/** The bytes for a load: the early ones the first time, else a fresh download. */
export function fetchShippedModel(): Promise<Uint8Array> {
  const early = prefetched;
  prefetched = null; // a retry downloads again
  return early ?? downloadShippedModel();
}

async function downloadShippedModel(): Promise<Uint8Array> {
  const url = pretrainedModelUrl();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText} for ${PRETRAINED_PATH}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}
