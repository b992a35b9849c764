// The model library's records in memory, for browsers that keep no data for
// this page (see ModelLibrary): everything works for the page's life, and
// models can still be downloaded to keep them.

import type { LibraryModel, LibraryStore, PrefKey } from './library.ts';

export class MemoryStore implements LibraryStore {
  private readonly models = new Map<string, LibraryModel>();
  private readonly prefs = new Map<PrefKey, string>();

  list(): Promise<unknown[]> {
    return Promise.resolve([...this.models.values()]);
  }

  get(id: string): Promise<unknown> {
    return Promise.resolve(this.models.get(id));
  }

  put(model: LibraryModel): Promise<void> {
    this.models.set(model.id, model);
    return Promise.resolve();
  }

  remove(id: string): Promise<void> {
    this.models.delete(id);
    for (const [key, value] of this.prefs) if (value === id) this.prefs.delete(key);
    return Promise.resolve();
  }

  pref(key: PrefKey): Promise<unknown> {
    return Promise.resolve(this.prefs.get(key));
  }

  setPref(key: PrefKey, id: string | null): Promise<void> {
    if (id === null) this.prefs.delete(key);
    else this.prefs.set(key, id);
    return Promise.resolve();
  }
}
