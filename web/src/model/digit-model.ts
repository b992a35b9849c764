// The user's saved model as the Draw view's model. The worker holds the active
// digit model; the page tells it which one after every (re)start of the
// worker and whenever the saved model changes, so the Draw view uses "your
// model" even when the Train view was never opened in this visit.

import type { WorkerClient } from '../worker-client.ts';
import { loadUserModel, type SavedModel } from './store.ts';

/** How the Draw view names the model, e.g. "your model (97.8%)". */
export function digitModelLabel(m: SavedModel): string {
  return `your model (${(m.testAccuracy * 100).toFixed(1)}%)`;
}

/** Dispatched on window after the worker's digit model changed, so a mounted Draw view re-reads it. */
export const DIGIT_MODEL_CHANGED = 'mlp-lab:digit-model-changed';

/** Makes this saved model the digit model, or goes back to the pretrained one (null). */
export async function useForDigits(worker: WorkerClient, m: SavedModel | null): Promise<void> {
  await worker.request({ type: 'useDigitModel', model: m ? { bytes: m.bytes, label: digitModelLabel(m) } : null });
  // The Draw view may have asked before this arrived (the saved model is read from IndexedDB first).
  window.dispatchEvent(new Event(DIGIT_MODEL_CHANGED));
}

/** At start-up: the saved model, if any, becomes the digit model. Failures leave the pretrained one. */
export async function useSavedModelForDigits(worker: WorkerClient): Promise<void> {
  try {
    const m = await loadUserModel();
    if (m) await useForDigits(worker, m);
  } catch (e) {
    // No storage, or a record the core refuses: the pretrained model stays. Nothing to show here;
    // the Train view reports storage problems when it is opened.
    console.warn('The saved model could not be used for the Draw view:', e);
  }
}
