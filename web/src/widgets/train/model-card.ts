// "Your model": the saved model (IndexedDB) the Draw view uses, what it is,
// and its files: download as .mlpl or TensorFlow.js, import a .mlpl, forget.

import type { SavedModel } from '../../model/store.ts';
import { h } from '../../ui/dom.ts';
import { OPTIMIZERS, describeSpec, parseStoredSettings } from './settings.ts';

export interface ModelCardHandlers {
  onDownload(): void;
  onDownloadTfjs(): void;
  onImport(file: File): void;
  onForget(): void;
}

export interface ModelCard {
  readonly element: HTMLElement;
  show(model: SavedModel | null): void;
  /** A short, polite status line (saving, saved, exported). */
  setStatus(text: string): void;
  /** A problem with a file or with storage, shown until the next success. */
  showError(message: string | null): void;
  /** Import is refused while training runs (it would replace the running model). */
  setImportEnabled(enabled: boolean): void;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

function row(label: string, key: string): { el: HTMLElement; value: HTMLElement } {
  const value = h('dd', { 'data-stat': key }, '–');
  return { el: h('div', { class: 'stat' }, h('dt', {}, label), value), value };
}

function trainedWith(m: SavedModel): string {
  if (m.origin.kind === 'imported') return `imported from ${m.origin.fileName}`;
  const s = parseStoredSettings(m.settings);
  const epochs = `${m.epochs.toFixed(2)} epochs`;
  if (!s) return epochs;
  const opt = OPTIMIZERS.find((o) => o.value === s.optimizer)?.label ?? s.optimizer;
  return `${epochs} · ${opt} ${s.learningRate} · batch ${s.batchSize}${s.augment ? ' · augmented' : ''}`;
}

export function createModelCard(handlers: ModelCardHandlers): ModelCard {
  const empty = h(
    'p',
    { class: 'card-note' },
    'No saved model yet. When training pauses, stops or finishes, the model is saved in this browser, ',
    'survives a reload and becomes the Draw view’s model.',
  );
  const arch = row('Network', 'model-arch');
  const accuracy = row('Test accuracy', 'model-accuracy');
  const trained = row('Trained', 'model-trained');
  const saved = row('Saved', 'model-saved');
  const details = h('dl', { class: 'model-stats', hidden: true }, arch.el, accuracy.el, trained.el, saved.el);
  const drawNote = h('p', { class: 'card-note', hidden: true }, 'The Draw view reads digits with this model.');

  const button = (action: string, text: string, extra = ''): HTMLButtonElement =>
    h('button', { type: 'button', class: `button small ${extra}`.trim(), 'data-action': action, disabled: true }, text);
  const download = button('download', 'Download .mlpl');
  const tfjs = button('download-tfjs', 'Download TF.js');
  const importButton = button('import', 'Import .mlpl…');
  const forget = button('forget', 'Forget', 'danger');
  // Reached through the Import button (a file input cannot be styled as one).
  const file = h('input', {
    type: 'file',
    accept: '.mlpl,application/octet-stream',
    class: 'visually-hidden',
    tabindex: -1,
    'aria-hidden': 'true',
  });
  const status = h('p', { class: 'model-status', role: 'status', 'data-stat': 'model-status' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true, 'data-stat': 'model-error' });

  download.addEventListener('click', () => handlers.onDownload());
  tfjs.addEventListener('click', () => handlers.onDownloadTfjs());
  importButton.addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    file.value = ''; // the same file can be chosen again
    if (f) handlers.onImport(f);
  });
  forget.addEventListener('click', () => handlers.onForget());

  const element = h(
    'section',
    { class: 'card model-card', 'aria-label': 'Your model' },
    h('h2', {}, 'Your model'),
    empty,
    details,
    drawNote,
    h('div', { class: 'button-row model-actions' }, download, tfjs, importButton, forget),
    file,
    status,
    error,
  );

  return {
    element,
    show(m) {
      element.dataset.state = m ? 'saved' : 'empty';
      empty.hidden = m !== null;
      details.hidden = m === null;
      drawNote.hidden = m === null;
      download.disabled = m === null;
      tfjs.disabled = m === null;
      forget.disabled = m === null;
      if (!m) return;
      arch.value.textContent = describeSpec(m.spec);
      accuracy.value.textContent = `${(m.testAccuracy * 100).toFixed(2)}%`;
      trained.value.textContent = trainedWith(m);
      saved.value.textContent = dateFormat.format(new Date(m.savedAt));
    },
    setStatus(text) {
      status.textContent = text;
    },
    showError(message) {
      error.hidden = message === null;
      error.textContent = message ?? '';
    },
    setImportEnabled(enabled) {
      importButton.disabled = !enabled;
    },
  };
}
