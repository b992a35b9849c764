// The user's model across reloads, in IndexedDB. One record: the .mlpl file
// (versioned and checksummed, so the core validates it again when it is read
// back) and what the page shows about it. A record that does not look right
// is treated as absent; a failed write leaves the previous record in place.

import type { NormalizedNetworkSpec } from '../../generated/mlp-simd.mjs';

const DB_NAME = 'mlp-lab';
const DB_VERSION = 1;
const STORE = 'models';
const USER_KEY = 'user';

export interface SavedModel {
  /** The model file as Module.saveModel wrote it. */
  bytes: Uint8Array;
  spec: NormalizedNetworkSpec;
  /** On the 10,000 MNIST test images. */
  testAccuracy: number;
  /** Milliseconds since 1970. */
  savedAt: number;
  /** Epochs trained (fractional), 0 when unknown (e.g. an imported file). */
  epochs: number;
  /** Where it came from: trained here, or imported from a file (its name). */
  origin: { kind: 'trained' } | { kind: 'imported'; fileName: string };
  /** The Train view's settings it was trained with; checked by the view before use. */
  settings: unknown;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('this browser has no IndexedDB'));
      return;
    }
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of this page'));
  });
}

async function run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = body(tx.objectStore(STORE));
      // Resolve when the transaction commits, not when the request succeeds: a write is only kept then.
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

function isSavedModel(v: unknown): v is SavedModel {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<SavedModel>;
  return (
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

/** The saved model, or null if there is none (or it is not a record this page wrote). */
export async function loadUserModel(): Promise<SavedModel | null> {
  const value = await run<unknown>('readonly', (s) => s.get(USER_KEY));
  return isSavedModel(value) ? value : null;
}

export async function saveUserModel(model: SavedModel): Promise<void> {
  await run('readwrite', (s) => s.put(model, USER_KEY));
}

export async function deleteUserModel(): Promise<void> {
  await run('readwrite', (s) => s.delete(USER_KEY));
}
