// The library of saved models, in IndexedDB: every model a person trained or
// imported, with its name, architecture, settings, test accuracy, date and
// training history. Writes are transactions, so a failed one (a full disk, a
// denied quota) leaves everything that was saved as it was; the error says
// so plainly. Version 1 of the database held one model; it is carried over.

import type { NormalizedNetworkSpec } from '../../generated/mlp-simd.mjs';
import type { TestReport } from '../protocol.ts';
import type { EpochSummary } from '../protocol-runs.ts';
import { messageOf } from '../errors.ts';
import { MemoryStore } from './library-memory.ts';

// Every page opened from file:// shares one IndexedDB origin: a name of its own keeps this file's models apart.
const DB_NAME = globalThis.location?.protocol === 'file:' ? `mlp-lab:${location.pathname}` : 'mlp-lab';
const DB_VERSION = 2;
const MODELS = 'library';
const PREFS = 'prefs';
const OLD_STORE = 'models';

/** How a model was trained, as its loss and accuracy curves. */
export interface TrainingHistory {
  /** The loss of every batch, in order. */
  losses: Float32Array;
  batchesPerEpoch: number;
  epochs: EpochSummary[];
}

export interface LibraryModel {
  id: string;
  name: string;
  /** The model file as Module.saveModel wrote it (validated again by the core when read). */
  bytes: Uint8Array;
  spec: NormalizedNetworkSpec;
  /** The Train view's settings it was trained with; checked by the view before use. */
  settings: unknown;
  /** On the 10,000 MNIST test images; NaN when not measured. */
  testAccuracy: number;
  /** Milliseconds since 1970. */
  savedAt: number;
  /** Epochs trained (fractional), 0 when unknown (e.g. an imported file). */
  epochs: number;
  origin: { kind: 'trained' } | { kind: 'imported'; fileName: string };
  history: TrainingHistory | null;
  report: TestReport | null;
}

export type LibraryListener = () => void;

/** A storage failure in words a person can act on. */
export function describeStorageError(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError')
    return 'the browser’s storage for this page is full. Delete or download a model to make room; nothing already saved was lost.';
  if (name === 'SecurityError' || name === 'InvalidStateError')
    return 'this browser does not allow this page to store data (private browsing, or storage is blocked). Download models to keep them.';
  return messageOf(e);
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('this browser has no IndexedDB, so models cannot be kept here; download them to keep them'));
      return;
    }
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = (e) => {
      const db = req.result;
      const tx = req.transaction;
      if (!db.objectStoreNames.contains(MODELS)) db.createObjectStore(MODELS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(PREFS)) db.createObjectStore(PREFS);
      if (e.oldVersion === 1 && tx && db.objectStoreNames.contains(OLD_STORE)) carryOver(tx);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('storage is blocked by another tab of this page: close it and try again'));
  });
}

/** Version 1's single saved model becomes the library's first entry, and the Draw view's model as it was. */
function carryOver(tx: IDBTransaction): void {
  const get = tx.objectStore(OLD_STORE).get('user');
  get.onsuccess = () => {
    const old: unknown = get.result;
    if (typeof old === 'object' && old !== null && 'bytes' in old && old.bytes instanceof Uint8Array) {
      const o = old as Partial<LibraryModel> & { bytes: Uint8Array };
      const model: LibraryModel = {
        id: newModelId(),
        name: 'My model',
        bytes: o.bytes,
        spec: o.spec as NormalizedNetworkSpec,
        settings: o.settings ?? null,
        testAccuracy: typeof o.testAccuracy === 'number' ? o.testAccuracy : NaN,
        savedAt: typeof o.savedAt === 'number' ? o.savedAt : Date.now(),
        epochs: typeof o.epochs === 'number' ? o.epochs : 0,
        origin: o.origin ?? { kind: 'trained' },
        history: null,
        report: null,
      };
      if (isLibraryModel(model)) {
        tx.objectStore(MODELS).put(model);
        tx.objectStore(PREFS).put(model.id, 'draw');
      }
    }
    tx.db.deleteObjectStore(OLD_STORE);
  };
}

export function newModelId(): string {
  return `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Dispatched on window once, when the browser keeps no data for this page: the library works from memory. */
export const STORAGE_UNAVAILABLE = 'mlp-lab:storage-unavailable';

/**
 * The database, or null when this browser keeps no data for the page (a file
 * from disk in some browsers, a sandboxed frame, strict private modes): then
 * the library keeps its models in memory for the page's life and says so once.
 * A full disk or a blocked upgrade is an error as before (saved models exist).
 */
let storage: 'unknown' | 'indexeddb' | 'memory' = 'unknown';
async function openStorage(): Promise<IDBDatabase | null> {
  if (storage === 'memory') return null;
  try {
    const db = await openDb();
    storage = 'indexeddb';
    return db;
  } catch (e) {
    // IndexedDB worked before: this is a real failure (full, blocked), not a browser that keeps nothing.
    if (storage === 'indexeddb' || !noStorage(e)) throw e;
    storage = 'memory';
    window.dispatchEvent(new Event(STORAGE_UNAVAILABLE));
    return null;
  }
}

function noStorage(e: unknown): boolean {
  const name = e instanceof DOMException ? e.name : '';
  return name === 'SecurityError' || name === 'InvalidStateError' || typeof indexedDB === 'undefined';
}

async function run<T>(stores: string[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => IDBRequest<T> | null): Promise<T | undefined> {
  const db = await openDb();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(stores, mode);
      const req = body(tx);
      // Resolve when the transaction commits, not when the request succeeds: a write is only kept then.
      tx.oncomplete = () => resolve(req?.result);
      tx.onerror = () => reject(tx.error ?? req?.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

function isLibraryModel(v: unknown): v is LibraryModel {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<LibraryModel>;
  return (
    typeof r.id === 'string' &&
    typeof r.name === 'string' &&
    r.bytes instanceof Uint8Array &&
    typeof r.spec === 'object' &&
    r.spec !== null &&
    Array.isArray(r.spec.layers) &&
    typeof r.testAccuracy === 'number' &&
    typeof r.savedAt === 'number' &&
    typeof r.epochs === 'number' &&
    typeof r.origin === 'object' &&
    r.origin !== null
  );
}

/** Where the library's records live: IndexedDB, or memory where the browser keeps nothing (library-memory.ts). */
export interface LibraryStore {
  list(): Promise<unknown[]>;
  get(id: string): Promise<unknown>;
  put(model: LibraryModel): Promise<void>;
  /** Deletes the model and any preference that pointed at it, at once. */
  remove(id: string): Promise<void>;
  pref(key: PrefKey): Promise<unknown>;
  setPref(key: PrefKey, id: string | null): Promise<void>;
}

/** 'draw': the model the Draw view reads with; 'current': the one the Train view shows after a reload. */
export type PrefKey = 'draw' | 'current';

const idbStore: LibraryStore = {
  list: async () => (await run<unknown[]>([MODELS], 'readonly', (tx) => tx.objectStore(MODELS).getAll())) ?? [],
  get: (id) => run<unknown>([MODELS], 'readonly', (tx) => tx.objectStore(MODELS).get(id)),
  put: async (model) => {
    await run([MODELS], 'readwrite', (tx) => tx.objectStore(MODELS).put(model));
  },
  remove: async (id) => {
    await run([MODELS, PREFS], 'readwrite', (tx) => {
      tx.objectStore(MODELS).delete(id);
      const prefs = tx.objectStore(PREFS);
      for (const key of ['draw', 'current']) {
        const get = prefs.get(key);
        get.onsuccess = () => {
          if (get.result === id) prefs.delete(key);
        };
      }
      return null;
    });
  },
  pref: (key) => run<unknown>([PREFS], 'readonly', (tx) => tx.objectStore(PREFS).get(key)),
  setPref: async (key, id) => {
    await run([PREFS], 'readwrite', (tx) => {
      if (id === null) tx.objectStore(PREFS).delete(key);
      else tx.objectStore(PREFS).put(id, key);
      return null;
    });
  },
};

export class ModelLibrary {
  private readonly listeners = new Set<LibraryListener>();
  private memory: LibraryStore | null = null;

  /** IndexedDB, or memory from the first time the browser refused to keep data. */
  private async store(): Promise<LibraryStore> {
    if (this.memory) return this.memory;
    if (storage === 'indexeddb') return idbStore;
    const probe = await openStorage();
    probe?.close();
    if (probe) return idbStore;
    this.memory = new MemoryStore();
    return this.memory;
  }

  /** Every model, newest first. Records this page did not write are skipped. */
  async list(): Promise<LibraryModel[]> {
    const all = await (await this.store()).list();
    return all.filter(isLibraryModel).sort((a, b) => b.savedAt - a.savedAt);
  }

  async get(id: string): Promise<LibraryModel | null> {
    const v = await (await this.store()).get(id);
    return isLibraryModel(v) ? v : null;
  }

  /** Adds the model, or replaces the one with its id. */
  async put(model: LibraryModel): Promise<void> {
    await (await this.store()).put(model);
    this.changed();
  }

  async rename(id: string, name: string): Promise<void> {
    const m = await this.get(id);
    if (!m) throw new Error('that model is no longer in the library');
    await this.put({ ...m, name });
  }

  /** Deletes the model; a preference that pointed at it is cleared in the same transaction. */
  async remove(id: string): Promise<void> {
    await (await this.store()).remove(id);
    this.changed();
  }

  async pref(key: PrefKey): Promise<string | null> {
    const v = await (await this.store()).pref(key);
    return typeof v === 'string' ? v : null;
  }

  async setPref(key: PrefKey, id: string | null): Promise<void> {
    await (await this.store()).setPref(key, id);
    this.changed();
  }

  /** Called after every change made through this page. */
  onChange(listener: LibraryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
