// "Your models": the library of saved models. Each row names a model (the
// person can rename it), its network, test accuracy, epochs and date, and
// offers: open it here to train more, let the Draw view read with it,
// download it (.mlpl, TensorFlow.js), delete it (two clicks). Import adds a
// model; it never replaces one.

import type { LibraryModel } from '../../model/library.ts';
import { h } from '../../ui/dom.ts';
import { describeSpec } from './settings.ts';

export type ModelAction = 'open' | 'draw' | 'rename' | 'download' | 'tfjs' | 'delete';

export interface LibraryCard {
  readonly element: HTMLElement;
  show(models: readonly LibraryModel[], marks: { drawId: string | null; openId: string | null }): void;
  /** A short, polite status line (saved, exported, imported). */
  setStatus(text: string): void;
  /** A problem with a file or with storage, shown until the next success. */
  showError(message: string | null): void;
  /** Import and Open are refused while training runs (they would replace the running model). */
  setTrainingBusy(busy: boolean): void;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

function percent(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : 'not measured';
}

export function createLibraryCard(handlers: {
  onAction(action: ModelAction, model: LibraryModel, name?: string): void;
  onImport(file: File): void;
}): LibraryCard {
  const list = h('ul', { class: 'model-list', 'aria-label': 'Saved models' });
  const empty = h(
    'p',
    { class: 'card-note' },
    'No saved models yet. When training pauses, stops or finishes, the model is saved here with its history; ',
    'pick one for the Draw view with “Use in Draw”.',
  );
  const importButton = h('button', { type: 'button', class: 'button small', 'data-action': 'import' }, 'Import .mlpl…');
  // Reached through the Import button (a file input cannot be styled as one).
  const file = h('input', { type: 'file', accept: '.mlpl,application/octet-stream', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const status = h('p', { class: 'model-status', role: 'status', 'data-stat': 'model-status' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true, 'data-stat': 'model-error' });
  importButton.addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    file.value = ''; // the same file can be chosen again
    if (f) handlers.onImport(f);
  });
  let trainingBusy = false;

  const element = h(
    'section',
    { class: 'card model-card', 'aria-label': 'Your models' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Your models'), importButton),
    empty,
    list,
    file,
    status,
    error,
  );

  function row(m: LibraryModel, marks: { drawId: string | null; openId: string | null }): HTMLElement {
    // Each name starts with the button's visible words (WCAG 2.5.3, label in name), then says which model.
    const plain = (action: ModelAction, text: string, label = text, extra = ''): HTMLButtonElement =>
      h('button', { type: 'button', class: `button small ${extra}`.trim(), 'data-action': action, 'aria-label': `${label}: ${m.name}` }, text);
    const button = (action: ModelAction, text: string, label = text): HTMLButtonElement => {
      const b = plain(action, text, label);
      b.addEventListener('click', () => handlers.onAction(action, m));
      return b;
    };
    const name = h('span', { class: 'model-name', 'data-stat': 'model-name' }, m.name);
    const inDraw = marks.drawId === m.id;
    const isOpen = marks.openId === m.id;
    const open = button('open', 'Open', isOpen ? 'Open (it is open)' : 'Open');
    open.disabled = isOpen || trainingBusy;
    const draw = button('draw', inDraw ? 'In Draw' : 'Use in Draw');
    draw.disabled = inDraw;
    const del = plain('delete', 'Delete', 'Delete', 'danger');
    let armed: ReturnType<typeof setTimeout> | null = null;
    del.addEventListener('click', () => {
      if (!armed) {
        // Two clicks: a saved model is work; one stray click must not lose it.
        del.textContent = 'Click again to delete';
        del.setAttribute('aria-label', `Click again to delete: ${m.name}`);
        armed = setTimeout(() => {
          armed = null;
          del.textContent = 'Delete';
          del.setAttribute('aria-label', `Delete: ${m.name}`);
        }, 4000);
        return;
      }
      clearTimeout(armed);
      handlers.onAction('delete', m);
    });
    const rename = plain('rename', 'Rename');
    rename.addEventListener('click', () => {
      const input = h('input', { type: 'text', class: 'model-rename', value: m.name, 'aria-label': `New name for ${m.name}`, maxlength: 80 });
      const done = (save: boolean): void => {
        const text = input.value.trim();
        input.replaceWith(name);
        if (save && text && text !== m.name) handlers.onAction('rename', m, text);
      };
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') done(true);
        else if (e.key === 'Escape') done(false);
        else return;
        e.preventDefault();
      });
      input.addEventListener('blur', () => done(true));
      name.replaceWith(input);
      input.select();
    });
    const facts = h(
      'span',
      { class: 'model-facts' },
      h('span', { 'data-stat': 'model-arch' }, describeSpec(m.spec)),
      ' · ',
      h('span', { 'data-stat': 'model-accuracy' }, percent(m.testAccuracy)),
      ` on the test set · ${m.epochs.toFixed(2)} epochs · `,
      m.origin.kind === 'imported' ? `imported from ${m.origin.fileName} · ` : '',
      dateFormat.format(new Date(m.savedAt)),
    );
    return h(
      'li',
      { class: 'model-row', 'data-model': m.id, 'data-draw': String(inDraw), 'data-open': String(isOpen) },
      h('div', { class: 'model-title' }, name, inDraw ? h('span', { class: 'badge' }, 'Draw') : null),
      facts,
      h('div', { class: 'button-row model-actions' }, open, draw, rename, button('download', '.mlpl', 'Download .mlpl'), button('tfjs', 'TF.js', 'Download TF.js'), del),
    );
  }

  return {
    element,
    show(models, marks) {
      empty.hidden = models.length > 0;
      list.replaceChildren(...models.map((m) => row(m, marks)));
      element.dataset.count = String(models.length);
    },
    setStatus(text) {
      status.textContent = text;
    },
    showError(message) {
      error.hidden = message === null;
      error.textContent = message ?? '';
    },
    setTrainingBusy(busy) {
      trainingBusy = busy;
      importButton.disabled = busy;
      for (const b of list.querySelectorAll<HTMLButtonElement>('[data-action="open"]')) b.disabled = busy || b.closest('[data-open="true"]') !== null;
    },
  };
}
