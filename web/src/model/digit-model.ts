// Which model the Draw view reads with: the pretrained one, or one of the
// library the person picked (never silently a new run's). The worker holds
// the active digit model; the page tells it which one after every (re)start of
// the worker and whenever the person picks another.

import type { WorkerClient } from '../worker-client.ts';
import type { AppServices } from '../widgets/types.ts';
import { ModelLibrary, type LibraryModel } from './library.ts';

/** The page's one library. */
export function libraryOf(services: AppServices): ModelLibrary {
  return services.shared('model-library', () => new ModelLibrary());
}

/** How the Draw view names a library model, e.g. "Adam 3 epochs (97.8%)". */
export function digitModelLabel(m: Pick<LibraryModel, 'name' | 'testAccuracy'>): string {
  return Number.isFinite(m.testAccuracy) ? `${m.name} (${(m.testAccuracy * 100).toFixed(1)}%)` : m.name;
}

/** Dispatched on window after the worker's digit model changed, so a mounted Draw view re-reads it. */
export const DIGIT_MODEL_CHANGED = 'mlp-lab:digit-model-changed';

async function hand(worker: WorkerClient, m: LibraryModel | null): Promise<void> {
  await worker.request({ type: 'useDigitModel', model: m ? { bytes: m.bytes, label: digitModelLabel(m) } : null });
  // The Draw view may have asked before this arrived (the library is read from IndexedDB first).
  window.dispatchEvent(new Event(DIGIT_MODEL_CHANGED));
}

/** The person's pick: this model (or the pretrained one, null) reads digits from now on, and after reloads. */
export async function useForDraw(worker: WorkerClient, services: AppServices, m: LibraryModel | null): Promise<void> {
  await hand(worker, m);
  await libraryOf(services).setPref('draw', m?.id ?? null);
}

/** At start-up: the picked model, if any, becomes the digit model. Failures leave the pretrained one. */
export async function restoreDrawModel(worker: WorkerClient, services: AppServices): Promise<void> {
  try {
    const library = libraryOf(services);
    const id = await library.pref('draw');
    const m = id === null ? null : await library.get(id);
    if (m) await hand(worker, m);
  } catch (e) {
    // No storage, or a record the core refuses: the pretrained model stays, and the
    // library says what is wrong where it is shown (Train and Draw views).
    console.warn('The picked model could not be used for the Draw view:', e);
  }
}
