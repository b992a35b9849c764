// The model on the 10,000 test images: accuracy, a confusion matrix (counts
// and colour: viridis on a log scale, readable without colour vision), the
// first mistakes as the 28×28 images the network saw, and the first hidden
// layer's weights as images (columns of W₀, blue negative, red positive).
// All numbers come from the worker's TestReport; this file only draws.

import type { TestReport } from '../../protocol.ts';
import { colorAt, cssColor, rdbu, type RGB, viridis } from '../../plots/colormap.ts';
import { maxAbs, paintTile, parseCssColor, ramp, tileCanvas } from '../../plots/image-tile.ts';
import { THEME_CHANGE } from '../../theme.ts';
import { h } from '../../ui/dom.ts';

const SIDE = 28;
/** 35 fills whole rows of 7 (laptop) and of 5 (phone). */
export const MISTAKES_SHOWN = 35;
export const WEIGHTS_SHOWN = 32;
const NOT_EVALUATED = 'Train a model, or press Evaluate, to score it on the 10,000 test images.';

export interface ReportContext {
  /** Epochs trained when the report was made (fractional). */
  epochs: number;
  /** What the report is about, e.g. "your saved model". */
  subject: string;
}

export interface ReportView {
  readonly summary: HTMLElement;
  readonly mistakes: HTMLElement;
  readonly weights: HTMLElement;
  set(report: TestReport | null, context?: ReportContext): void;
  setBusy(busy: boolean): void;
  setCanEvaluate(can: boolean): void;
  destroy(): void;
}

const pct = (x: number, digits = 2): string => `${(x * 100).toFixed(digits)}%`;
const int = (n: number): string => n.toLocaleString('en');

/** Dark text on light cells, light text on dark ones (relative luminance). */
function textOn(rgb: RGB): string {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  // Black or white, whichever contrasts more (WCAG ratio); with pure black the worse of the two is never below 4.58:1.
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
}

function confusionTable(r: TestReport): HTMLTableElement {
  const n = r.classes;
  let max = 1;
  for (const c of r.confusion) max = Math.max(max, c);
  const scale = Math.log1p(max);
  const columns = Array.from({ length: n }, (_, p) => h('th', { scope: 'col' }, String(p)));
  const head = h('tr', {}, h('td', { class: 'corner' }), ...columns);
  const rows = Array.from({ length: n }, (_, t) => {
    const cells = Array.from({ length: n }, (_, p) => {
      const count = r.confusion[t * n + p] ?? 0;
      const rgb = colorAt(viridis, Math.log1p(count) / scale);
      const td = h(
        'td',
        {
          title: `true ${t}, predicted ${p}: ${int(count)} image${count === 1 ? '' : 's'}`,
          'data-count': count,
          class: t === p ? 'diag' : count > 0 ? 'miss' : 'zero',
        },
        count > 0 ? int(count) : '·',
      );
      td.style.background = cssColor(rgb);
      td.style.color = textOn(rgb);
      return td;
    });
    return h('tr', {}, h('th', { scope: 'row' }, String(t)), ...cells);
  });
  return h(
    'table',
    { class: 'confusion' },
    h(
      'caption',
      { class: 'visually-hidden' },
      'Confusion matrix: one row per true digit, one column per predicted digit, counts of test images',
    ),
    h(
      'thead',
      {},
      h('tr', {}, h('td', { class: 'corner' }), h('th', { scope: 'colgroup', colspan: n, class: 'axis' }, 'predicted')),
      head,
    ),
    h('tbody', {}, ...rows),
  );
}

function colorbar(map: 'viridis' | 'rdbu'): HTMLElement {
  const el = h('span', { class: 'colorbar', 'aria-hidden': 'true' });
  const lut = map === 'viridis' ? viridis : rdbu;
  const stops = Array.from({ length: 9 }, (_, i) => `${cssColor(colorAt(lut, i / 8))} ${(i / 8) * 100}%`);
  el.style.background = `linear-gradient(to right, ${stops.join(', ')})`;
  return el;
}

export function createReport(onEvaluate: () => void): ReportView {
  const evaluate = h(
    'button',
    { type: 'button', class: 'button small', 'data-action': 'evaluate', disabled: true },
    'Evaluate on test set',
  );
  evaluate.addEventListener('click', onEvaluate);
  const accuracy = h('p', { class: 'big-number', 'data-stat': 'test-accuracy' }, '–');
  const details = h('p', { class: 'card-note', 'data-stat': 'test-details' }, NOT_EVALUATED);
  const matrixHost = h('div', { class: 'confusion-host' });
  const matrixLegend = h(
    'p',
    { class: 'legend-line', hidden: true },
    h('span', {}, 'rows: true digit · colour: count, log scale'),
    h('span', { class: 'legend-scale' }, '0', colorbar('viridis'), h('span', { 'data-stat': 'confusion-max' }, '')),
  );
  const summary = h(
    'section',
    { class: 'card report-card', 'aria-label': 'Test set results', 'aria-busy': 'false' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Test set'), evaluate),
    accuracy,
    details,
    matrixHost,
    matrixLegend,
  );

  const mistakeGrid = h('div', { class: 'tile-grid mistakes-grid' });
  const mistakesNote = h('p', { class: 'card-note' }, 'Misclassified test digits appear here after an evaluation.');
  const mistakes = h(
    'section',
    { class: 'card mistakes-card', 'aria-label': 'Misclassified test digits' },
    h('h2', {}, 'Misclassified digits'),
    mistakesNote,
    mistakeGrid,
  );

  // An image with a name even while empty (axe: role-img-alt); the name says what is drawn once it is.
  const weightGrid = h('div', { class: 'tile-grid weights-grid', role: 'img', 'aria-label': 'First-layer weights: none drawn yet' });
  const weightsNote = h('p', { class: 'card-note' }, 'The first hidden layer’s weights appear here after an evaluation.');
  const weightsLegend = h(
    'p',
    { class: 'legend-line', hidden: true },
    h('span', { class: 'legend-scale' }, '−max', colorbar('rdbu'), '+max'),
    h('span', {}, 'per unit'),
  );
  const weightsTitle = h('h2', {}, 'First-layer weights');
  const weights = h(
    'section',
    { class: 'card weights-card', 'aria-label': 'First hidden layer weights' },
    weightsTitle,
    weightsNote,
    weightGrid,
    weightsLegend,
  );

  let current: TestReport | null = null;

  function paintMistakes(): void {
    const r = current;
    if (!r) return;
    const css = getComputedStyle(summary);
    const paper = parseCssColor(css.getPropertyValue('--surface')) ?? [255, 255, 255];
    const ink = parseCssColor(css.getPropertyValue('--text')) ?? [0, 0, 0];
    const map = ramp(paper, ink);
    mistakeGrid
      .querySelectorAll('canvas')
      .forEach((canvas, k) => paintTile(canvas, r.pixels, k * SIDE * SIDE, SIDE, map, (v) => v));
  }
  document.addEventListener(THEME_CHANGE, paintMistakes);

  function renderMistakes(r: TestReport): void {
    const figures = r.misclassified.map((m) => {
      const conf = Number.isFinite(m.confidence) ? ` (${Math.round(m.confidence * 100)}% sure)` : '';
      const canvas = tileCanvas(SIDE, `Test image ${m.index}: a ${m.label} read as ${m.predicted}${conf}`);
      return h(
        'figure',
        { class: 'mistake', 'data-label': m.label, 'data-predicted': m.predicted },
        canvas,
        h(
          'figcaption',
          { 'aria-hidden': 'true' },
          h('span', { class: 'truth' }, String(m.label)),
          h('span', { class: 'arrow' }, '→'),
          h('span', { class: 'guess' }, String(m.predicted)),
        ),
      );
    });
    mistakeGrid.replaceChildren(...figures);
    paintMistakes();
    mistakesNote.textContent =
      r.errorCount === 0
        ? 'No test digit is misclassified.'
        : `The first ${figures.length} of ${int(r.errorCount)} mistakes, in test-set order: ` +
          'true digit → the network’s answer.';
  }

  function renderWeights(r: TestReport): void {
    const { shown, units, inputs, weights: w } = r.firstLayer;
    // Softmax regression: each output unit's weights are a template of its digit.
    const templates = r.firstLayer.output === true;
    weightsTitle.textContent = templates ? 'Digit templates' : 'First-layer weights';
    weights.setAttribute('aria-label', templates ? 'Digit templates: the output units’ weights' : 'First hidden layer weights');
    const side = Math.round(Math.sqrt(inputs));
    if (side * side !== inputs || shown === 0) {
      weightGrid.replaceChildren();
      weightsNote.textContent = 'The first layer’s inputs are not a square image.';
      return;
    }
    const tiles = Array.from({ length: shown }, (_, k) => {
      const canvas = tileCanvas(side);
      const scale = maxAbs(w, k * inputs, inputs);
      paintTile(canvas, w, k * inputs, side, rdbu, (v) => 0.5 + v / (2 * scale));
      const name = templates ? `digit ${k}` : `unit ${k + 1}`;
      return h('div', { class: 'weight-tile', title: `${name}: |w| up to ${scale.toPrecision(2)}` }, canvas);
    });
    weightGrid.replaceChildren(...tiles);
    if (templates) {
      weightGrid.setAttribute('aria-label', `Digit templates: the ${shown} output units’ weights, each drawn as a ${side}×${side} image`);
      weightsNote.textContent =
        `With no hidden layer, digit d’s score is a weighted sum of the ${inputs} pixels: each image is one digit’s ` +
        'weights where the pixels are — red where ink raises the score, blue where it lowers it — so it looks like a template of the digit.';
      return;
    }
    weightGrid.setAttribute('aria-label', `First-layer weights: ${shown} of ${units} units, each unit’s inputs drawn as a ${side}×${side} image`);
    weightsNote.textContent =
      `${shown === units ? `All ${units}` : `The first ${shown} of ${int(units)}`} units of hidden layer 1: ` +
      'each image is one unit’s ' +
      `${inputs} input weights where the pixels are, blue negative, red positive, scaled to the unit’s largest |w|.`;
  }

  return {
    summary,
    mistakes,
    weights,
    set(r, context) {
      current = r;
      summary.dataset.state = r ? 'shown' : 'empty';
      if (!r) {
        accuracy.textContent = '–';
        details.textContent = NOT_EVALUATED;
        matrixHost.replaceChildren();
        matrixLegend.hidden = true;
        mistakeGrid.replaceChildren();
        mistakesNote.textContent = 'Misclassified test digits appear here after an evaluation.';
        weightGrid.replaceChildren();
        weightsLegend.hidden = true;
        weightsNote.textContent = 'The first hidden layer’s weights appear here after an evaluation.';
        return;
      }
      accuracy.textContent = pct(r.accuracy);
      const when = context ? ` · ${context.subject}, after ${context.epochs.toFixed(2)} epochs` : '';
      details.textContent =
        `accuracy on ${int(r.count)} test images · ${int(r.errorCount)} mistakes · ` +
        `loss ${r.loss.toFixed(4)}${when}`;
      matrixHost.replaceChildren(confusionTable(r));
      let max = 0;
      for (const c of r.confusion) max = Math.max(max, c);
      matrixLegend.hidden = false;
      const maxLabel = matrixLegend.querySelector('[data-stat="confusion-max"]');
      if (maxLabel) maxLabel.textContent = int(max);
      renderMistakes(r);
      renderWeights(r);
      weightsLegend.hidden = false;
    },
    setBusy(busy) {
      summary.setAttribute('aria-busy', String(busy));
      evaluate.textContent = busy ? 'Evaluating…' : 'Evaluate on test set';
      evaluate.dataset.busy = String(busy);
    },
    setCanEvaluate(can) {
      evaluate.disabled = !can;
    },
    destroy() {
      document.removeEventListener(THEME_CHANGE, paintMistakes);
    },
  };
}
