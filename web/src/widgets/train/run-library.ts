// How a Train run is kept in the model library: one entry per run, written
// again each time training pauses, stops or finishes, with the run's loss and
// accuracy history and its test report, and made the library's current model
// (the one the Train view restores after a reload).

import type { ModelFile, TestReport } from '../../protocol.ts';
import { newModelId, type LibraryModel, type ModelLibrary, type TrainingHistory } from '../../model/library.ts';
import { modelName } from './model-files.ts';
import type { TrainSettings } from './settings.ts';

/** The library entry a run saves to, and how it began. */
export interface RunEntry {
  /** What the network was built (and last given hyper-parameters) with; null if the link cannot express it. */
  settings: TrainSettings | null;
  /** null until the run's first save. */
  entryId: string | null;
  entryName: string | null;
  origin: LibraryModel['origin'];
}

/** The model file's metadata: what trained it, on what, with which settings, for how long. */
export function runMetadata(settings: TrainSettings | null, epochs: number): string {
  return JSON.stringify({ trainer: 'MLP Lab, Train view', data: 'MNIST 55,000 train / 5,000 validation / 10,000 test', settings, epochs, saved_at: new Date().toISOString() });
}

/**
 * Writes the run's model to its entry (a new one on the first save) and makes
 * it current; returns the entry's id and name. A name the person gave the
 * entry in the library is kept.
 */
export async function keepRun(
  library: ModelLibrary,
  entry: RunEntry,
  saved: { file: ModelFile; report: TestReport; epochs: number; history: TrainingHistory },
): Promise<{ id: string; name: string }> {
  const id = entry.entryId ?? newModelId();
  const existing = entry.entryId === null ? null : await library.get(entry.entryId).catch(() => null);
  const name = existing?.name ?? entry.entryName ?? modelName(saved.file.spec, entry.settings);
  const { file, report, epochs, history } = saved;
  await library.put({ id, name, bytes: file.bytes, spec: file.spec, settings: entry.settings, testAccuracy: report.accuracy, savedAt: Date.now(), epochs, origin: entry.origin, history, report });
  await library.setPref('current', id);
  return { id, name };
}
