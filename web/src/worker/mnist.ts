// MNIST in the worker: the packed .gz files are fetched (counting bytes for a
// progress bar), inflated with DecompressionStream as they arrive, parsed and
// validated by the core (Module.parseMnist, whose errors say what is wrong),
// split the book's way and kept for the life of the module, so configuring a
// new network never downloads again.

import type { Dataset, Handle, MlpModule } from '../../generated/mlp-simd.mjs';
import { MNIST_SPLIT } from '../protocol.ts';
import { messageOf } from '../errors.ts';
import { siteUrl } from './site-url.ts';

/** The cached sets. The cache owns these handles: share them with `share`, never delete them. */
export interface MnistSets {
  /** The first 55,000 images of the training file (of the split's `train`). */
  readonly train: Dataset;
  /** Its last 5,000 (`validation`). */
  readonly validation: Dataset;
  /** The 10,000 of the test file (`test`). */
  readonly test: Dataset;
}

export type LoadStage = 'download' | 'parse' | 'ready';
export type OnLoadProgress = (stage: LoadStage, loaded: number, total: number) => void;
export type FetchBytes = (url: string) => Promise<Response>;
export type MnistSplit = { readonly train: number; readonly validation: number; readonly test: number };

const FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;
type FileKey = keyof typeof FILES;

const PROGRESS_INTERVAL_MS = 100;

const loaded = new WeakMap<MlpModule, MnistSets>();
const loading = new WeakMap<MlpModule, Promise<MnistSets>>();

/** Where the packed files are served: public/data/mnist/ under the page's base URL. */
export function mnistBaseUrl(): string {
  return siteUrl('data/mnist/');
}

/** Bump when the packed files change, so browsers drop the old copies. */
const CACHE_NAME = 'mlp-lab-mnist-v1';

/** Copies of downloaded files, kept until the core has accepted them: a broken download is never cached. */
const unconfirmed = new Map<string, Response>();

async function openCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(CACHE_NAME);
  } catch {
    return null; // storage denied (file://, some private modes): the network it is
  }
}

/**
 * The packed files from the browser's Cache Storage when they are there, so
 * a second visit does not download 11 MB again (MNIST never changes). A file
 * from the network is cached only once the whole set parsed (confirmCached).
 */
export async function fetchCached(url: string): Promise<Response> {
  const hit = await (await openCache())?.match(url);
  if (hit) return hit;
  const response = await fetch(url);
  if (response.ok) unconfirmed.set(url, response.clone());
  return response;
}

/** The set parsed: keep its files (or, after a failure, forget them). A failed write only costs the next visit a download. */
async function confirmCached(ok: boolean): Promise<void> {
  const files = [...unconfirmed];
  unconfirmed.clear();
  const cache = ok ? await openCache() : null;
  if (cache) await Promise.all(files.map(([url, r]) => cache.put(url, r).catch(() => undefined)));
}

/** The sets, if loadMnist finished for this module. */
export function cachedMnist(mod: MlpModule): MnistSets | null {
  return loaded.get(mod) ?? null;
}

export function requireMnist(mod: MlpModule): MnistSets {
  const sets = loaded.get(mod);
  if (!sets) throw new Error('MNIST is not loaded yet: send loadData first');
  return sets;
}

/**
 * A second JS handle on the same C++ object (Embind's ClassHandle.clone(),
 * SharedHandle in mlp.d.ts): deleting it leaves the original alive.
 */
export function share<T extends Handle>(handle: T): T {
  return (handle as T & { clone(): T }).clone();
}

/** Loads once per module; concurrent callers share the download. A failure is not cached. */
export function loadMnist(
  mod: MlpModule,
  onProgress: OnLoadProgress,
  baseUrl: string = mnistBaseUrl(),
  fetchBytes: FetchBytes = fetchCached,
  /** How many images the files hold (a subset in the single-file build). */
  split: MnistSplit = MNIST_SPLIT,
): Promise<MnistSets> {
  const done = loaded.get(mod);
  if (done) {
    onProgress('ready', 0, 0);
    return Promise.resolve(done);
  }
  let pending = loading.get(mod);
  if (!pending) {
    pending = download(mod, onProgress, baseUrl, fetchBytes, split).then(
      (sets) => {
        loaded.set(mod, sets);
        loading.delete(mod);
        void confirmCached(true);
        onProgress('ready', 0, 0);
        return sets;
      },
      (e: unknown) => {
        loading.delete(mod);
        void confirmCached(false);
        throw e;
      },
    );
    loading.set(mod, pending);
  }
  return pending;
}

async function download(
  mod: MlpModule,
  onProgress: OnLoadProgress,
  baseUrl: string,
  fetchBytes: FetchBytes,
  split: MnistSplit,
): Promise<MnistSets> {
  const keys = Object.keys(FILES) as FileKey[];
  const received = new Map<FileKey, number>();
  const sizes = new Map<FileKey, number>();
  let lastReport = -Infinity;
  const report = (force: boolean): void => {
    const now = performance.now();
    if (!force && now - lastReport < PROGRESS_INTERVAL_MS) return;
    lastReport = now;
    let got = 0;
    for (const n of received.values()) got += n;
    // A total only when every server said how big its file is.
    let total = 0;
    if (sizes.size === keys.length) for (const n of sizes.values()) total += n;
    onProgress('download', got, total);
  };

  const inflate = async (key: FileKey): Promise<Uint8Array> => {
    const file = FILES[key];
    let response: Response;
    try {
      response = await fetchBytes(new URL(file, baseUrl).href);
    } catch (e) {
      throw new Error(`could not download ${file}: ${messageOf(e)}`);
    }
    if (!response.ok || !response.body) throw new Error(`could not download ${file}: HTTP ${response.status}`);
    const length = Number(response.headers.get('Content-Length'));
    if (length > 0) sizes.set(key, length);
    received.set(key, 0);
    try {
      return await inflateCounting(response.body, (n) => {
        received.set(key, (received.get(key) ?? 0) + n);
        report(false);
      });
    } catch (e) {
      throw new Error(`${file} is not a complete gzip file (${messageOf(e)})`);
    }
  };

  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(keys.map(inflate));
  report(true);
  onProgress('parse', 0, 0);
  const all = parse(mod, 'training', trainImages, trainLabels, split.train + split.validation);
  let test: Dataset | null = null;
  try {
    test = parse(mod, 'test', testImages, testLabels, split.test);
    const train = all.slice(0, split.train);
    const validation = all.slice(split.train, split.validation);
    return { train, validation, test };
  } catch (e) {
    test?.delete();
    throw e;
  } finally {
    all.delete();
  }
}

function parse(
  mod: MlpModule,
  which: string,
  images: Uint8Array | undefined,
  labels: Uint8Array | undefined,
  rows: number,
): Dataset {
  if (!images || !labels) throw new Error(`MNIST ${which} files are missing`);
  let data: Dataset;
  try {
    data = mod.parseMnist(images, labels);
  } catch (e) {
    throw new Error(`MNIST ${which} set: ${messageOf(e)}`);
  }
  if (data.size() !== rows || data.features() !== 784 || data.classes() !== 10) {
    const got = `${data.size()} images of ${data.features()} pixels in ${data.classes()} classes`;
    data.delete();
    throw new Error(`MNIST ${which} set: expected ${rows.toLocaleString('en')} images of 784 pixels in 10 classes, got ${got}`);
  }
  return data;
}

/**
 * Inflates a gzip body, counting its compressed bytes as they arrive. The
 * bytes are pumped into the DecompressionStream by hand: a JS TransformStream
 * piped into it crashes Chromium's renderer (the whole page) when the worker
 * is terminated mid-download, which is what a slide deck does when it unloads
 * a Train embed.
 */
async function inflateCounting(body: ReadableStream<Uint8Array<ArrayBuffer>>, onChunk: (bytes: number) => void): Promise<Uint8Array> {
  const gunzip = new DecompressionStream('gzip');
  const writer = gunzip.writable.getWriter();
  const reader = body.getReader();
  const pump = async (): Promise<void> => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        onChunk(value.byteLength);
        await writer.write(value);
      }
      await writer.close();
    } catch (e) {
      await writer.abort(e).catch(() => undefined);
      throw e;
    }
  };
  const [bytes] = await Promise.all([new Response(gunzip.readable).arrayBuffer(), pump()]);
  return new Uint8Array(bytes);
}
