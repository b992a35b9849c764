// The library card's actions: open a model here, pick it for the Draw view,
// rename, download, delete, import. Storage failures are said plainly and
// lose nothing (library writes are transactions).

import { messageOf } from '../../errors.ts';
import { digitModelLabel, useForDraw } from '../../model/digit-model.ts';
import { describeStorageError, type LibraryModel } from '../../model/library.ts';
import type { Kit } from '../kit/widget.ts';
import { createLibraryCard, type LibraryCard, type ModelAction } from './library-card.ts';
import { downloadModel, downloadTfjs, importModel } from './model-files.ts';
import type { TrainRun } from './run.ts';
import type { TrainSettings, TrainTable } from './settings.ts';

export function wireLibrary(o: { kit: Kit<TrainTable>; run: TrainRun; onOpened: (s: TrainSettings | null) => void }): LibraryCard {
  const { kit, run } = o;
  const { worker, services } = kit.ctx;
  const library = run.library;
  const card = createLibraryCard({ onAction: (a, m, name) => void act(a, m, name), onImport: (f) => void importFile(f) });

  async function refresh(): Promise<void> {
    try {
      const [models, drawId] = await Promise.all([library.list(), library.pref('draw')]);
      if (kit.alive()) card.show(models, { drawId, openId: run.built?.entryId ?? null });
    } catch (e) {
      if (kit.alive()) card.showError(`Saved models cannot be read in this browser: ${describeStorageError(e)}`);
    }
  }

  async function act(action: ModelAction, m: LibraryModel, name?: string): Promise<void> {
    card.showError(null);
    try {
      switch (action) {
        case 'open':
          if (await run.open(m, `Opened “${m.name}”: Train goes on from its weights.`)) o.onOpened(run.built?.settings ?? null);
          break;
        case 'draw':
          await useForDraw(worker, services, m);
          card.setStatus(`The Draw view now reads with ${digitModelLabel(m)}.`);
          break;
        case 'rename':
          if (name) await library.rename(m.id, name);
          if (name && run.built?.entryId === m.id) run.built.entryName = name;
          break;
        case 'download':
          card.setStatus(`Downloaded ${downloadModel(m)}.`);
          break;
        case 'tfjs':
          card.setStatus(await downloadTfjs(worker, m));
          break;
        case 'delete': {
          const wasDraw = (await library.pref('draw')) === m.id;
          await library.remove(m.id);
          if (run.built?.entryId === m.id) run.built.entryId = null;
          if (wasDraw) await useForDraw(worker, services, null);
          card.setStatus(`Deleted “${m.name}”.${wasDraw ? ' The Draw view reads with the pretrained model again.' : ''}`);
          break;
        }
      }
    } catch (e) {
      card.showError(`${describeStorageError(e)}`);
    }
    void refresh();
  }

  async function importFile(file: File): Promise<void> {
    card.showError(null);
    let model: LibraryModel;
    try {
      model = await importModel(worker, kit.ctx.worker.info?.vocabulary ?? (await worker.ready()).vocabulary, file);
    } catch (e) {
      const why = messageOf(e);
      card.showError(`Could not import ${file.name}: ${why} Nothing in the library changed.`);
      kit.announce(`Import failed: ${why}`);
      return;
    }
    try {
      await library.put(model);
    } catch (e) {
      card.showError(`Could not add ${file.name} to the library: ${describeStorageError(e)}`);
      return;
    }
    if (await run.open(model, `Imported ${file.name} as a new model of the library.`)) o.onOpened(run.built?.settings ?? null);
    kit.announce(`Imported ${file.name}.`);
  }

  kit.onDispose(library.onChange(() => void refresh()));
  kit.onDispose(run.subscribe((c) => c.kind === 'built' && void refresh()));
  void refresh();
  return card;
}
