// The library of saved models, in IndexedDB: every model a person trained or
// imported, with its name, architecture, settings, test accuracy, date and
// training history. Writes are transactions, so a failed one (a full disk, a
// denied quota) leaves everything that was saved as it was; the error says
// so plainly. Version 1 of the database held one model; it is carried over.

import type { NormalizedNetworkSpec } from '../../generated/mlp-simd.mjs';
import type { EpochSummary, TestReport } from '../protocol.ts';
import { messageOf } from '../errors.ts';

const DB_NAME = 'mlp-lab';
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

export class ModelLibrary {
  private readonly listeners = new Set<LibraryListener>();

  /** Every model, newest first. Records this page did not write are skipped. */
  async list(): Promise<LibraryModel[]> {
    const all = await run<unknown[]>([MODELS], 'readonly', (tx) => tx.objectStore(MODELS).getAll());
    return (all ?? []).filter(isLibraryModel).sort((a, b) => b.savedAt - a.savedAt);
  }

  async get(id: string): Promise<LibraryModel | null> {
    const v = await run<unknown>([MODELS], 'readonly', (tx) => tx.objectStore(MODELS).get(id));
    return isLibraryModel(v) ? v : null;
  }

  /** Adds the model, or replaces the one with its id. */
  async put(model: LibraryModel): Promise<void> {
    await run([MODELS], 'readwrite', (tx) => tx.objectStore(MODELS).put(model));
    this.changed();
  }

  async rename(id: string, name: string): Promise<void> {
    const m = await this.get(id);
    if (!m) throw new Error('that model is no longer in the library');
    await this.put({ ...m, name });
  }

  /** Deletes the model; a preference that pointed at it is cleared in the same transaction. */
  async remove(id: string): Promise<void> {
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
    this.changed();
  }

  /** 'draw': the model the Draw view reads with; 'current': the one the Train view shows after a reload. */
  async pref(key: 'draw' | 'current'): Promise<string | null> {
    const v = await run<unknown>([PREFS], 'readonly', (tx) => tx.objectStore(PREFS).get(key));
    return typeof v === 'string' ? v : null;
  }

  async setPref(key: 'draw' | 'current', id: string | null): Promise<void> {
    await run([PREFS], 'readwrite', (tx) => {
      if (id === null) tx.objectStore(PREFS).delete(key);
      else tx.objectStore(PREFS).put(id, key);
      return null;
    });
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
