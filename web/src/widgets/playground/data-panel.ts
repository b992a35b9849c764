// The data card: which set (thumbnails drawn from the core's own points),
// how many classes, how many points and how noisy, the share that trains,
// the batch size, and a new draw of the same set (another seed).

import type { PlaygroundData, PlaygroundSetName, Vocabulary } from '../../../generated/mlp-simd.mjs';
import { h, uid } from '../../ui/dom.ts';
import { fieldBinder, linearValues, numberChoiceField, sliderField } from '../kit/fields.ts';
import { CLASS_COLORS, NEUTRAL, css } from './colors.ts';
import { MAX_BATCH, classesOf, type PlaygroundSettings } from './settings.ts';

export const SET_LABELS: Readonly<Record<PlaygroundSetName, string>> = {
  circle: 'Circle',
  xor: 'Exclusive or',
  gauss: 'Gaussian',
  spiral: 'Spiral',
  plane: 'Plane (regression)',
  multigauss: 'Multi-Gaussian (regression)',
};

const POINT_CHOICES = [0, 50, 100, 200, 300, 500, 800, 1000, 1200, 1500, 2000];

export interface DataPanel {
  readonly element: HTMLElement;
  show(s: PlaygroundSettings): void;
  /** A thumbnail's points (as the core drew them). */
  setThumbnail(set: PlaygroundSetName, data: PlaygroundData): void;
  /** How many rows train and test now, and the batch actually used. */
  setCounts(train: number, test: number, batch: number): void;
}

function paintThumbnail(canvas: HTMLCanvasElement, d: PlaygroundData): void {
  const side = 56;
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = css(NEUTRAL);
  ctx.fillRect(0, 0, side, side);
  for (let r = 0; r < d.train + d.test; r++) {
    const x = (((d.x[2 * r] ?? 0) + 6) / 12) * side;
    const y = (1 - ((d.x[2 * r + 1] ?? 0) + 6) / 12) * side;
    const t = d.classes > 0 ? (d.labels[r] ?? 0) : (d.targets[r] ?? 0) >= 0 ? 1 : 0;
    ctx.fillStyle = css(CLASS_COLORS[t] ?? NEUTRAL);
    ctx.fillRect(x - 1, y - 1, 2, 2);
  }
}

export function createDataPanel(v: Vocabulary, onChange: (c: Partial<PlaygroundSettings>) => void): DataPanel {
  const binder = fieldBinder<PlaygroundSettings>();
  const group = uid('pg-set');
  const thumbs = new Map<PlaygroundSetName, { input: HTMLInputElement; canvas: HTMLCanvasElement }>();
  const sets = h(
    'div',
    { class: 'set-picker', role: 'radiogroup', 'aria-label': 'Data set' },
    ...v.playground.sets.map(({ name }) => {
      const id = uid('pg-set-option');
      const input = h('input', { type: 'radio', name: group, id, value: name, class: 'visually-hidden' });
      const canvas = h('canvas', { class: 'set-thumb', 'aria-hidden': 'true' });
      input.addEventListener('change', () => input.checked && onChange({ data: name }));
      thumbs.set(name, { input, canvas });
      return h('span', { class: 'set-option' }, input, h('label', { for: id, title: SET_LABELS[name] }, canvas, h('span', { class: 'set-name' }, SET_LABELS[name])));
    }),
  );
  const maxClasses = Math.max(...v.playground.sets.map((s) => s.classes.max));
  const classes = numberChoiceField({
    label: 'Classes',
    name: 'classes',
    options: linearValues(2, maxClasses, 1).map((k) => ({ value: k, label: String(k) })),
    value: 2,
    onChange: (k) => onChange({ classes: k }),
  });
  const classSelect = classes.element.querySelector('select');
  const classNote = h('p', { class: 'hint', 'data-role': 'classes-note' });
  const trainLine = h('p', { class: 'hint', 'data-role': 'counts' });
  const regenerate = h('button', { type: 'button', class: 'button small', 'data-action': 'regenerate' }, 'Regenerate');
  let seed = 1;
  regenerate.addEventListener('click', () => onChange({ seed: seed + 1 }));

  const element = h(
    'section',
    { class: 'card data-card', 'aria-label': 'Data' },
    h('h2', {}, 'Data'),
    sets,
    h('div', { class: 'data-row' }, classes.element, regenerate),
    classNote,
    binder.bind('train', sliderField({ label: 'Training data', name: 'train', values: linearValues(10, 90, 10), value: 50, format: (x) => `${x}%`, onChange: (x) => onChange({ train: x }) })),
    binder.bind('noise', sliderField({ label: 'Noise', name: 'noise', values: linearValues(0, 50, 5), value: 0, format: (x) => `${x}%`, onChange: (x) => onChange({ noise: x }) })),
    binder.bind('points', sliderField({ label: 'Points', name: 'points', values: POINT_CHOICES, value: 500, format: String, onChange: (x) => onChange({ points: x }) })),
    binder.bind('batch', sliderField({ label: 'Batch size', name: 'batch', values: linearValues(1, MAX_BATCH, 1), value: 10, format: String, onChange: (x) => onChange({ batch: x }) })),
    trainLine,
  );

  return {
    element,
    show(s) {
      binder.sync(s);
      seed = s.seed;
      for (const [name, t] of thumbs) t.input.checked = name === s.data;
      const k = classesOf(v, s);
      const range = v.playground.sets.find((x) => x.name === s.data)?.classes;
      classes.set(Math.max(2, k));
      if (classSelect) classSelect.disabled = !range || range.min === range.max;
      classNote.textContent = k === 0 ? 'A regression set: one output, a value in [−1, 1].' : range?.min === range?.max ? `${SET_LABELS[s.data]} has ${k} classes.` : '';
      classNote.hidden = classNote.textContent === '';
    },
    setThumbnail(set, data) {
      const t = thumbs.get(set);
      if (t) paintThumbnail(t.canvas, data);
    },
    setCounts(train, test, batch) {
      trainLine.textContent = `${train} training and ${test} test points; batches of ${batch}.`;
    },
  };
}
