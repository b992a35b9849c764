// "Draw a digit": a network trained on MNIST reads what you draw, as you draw.
// The page only collects strokes and draws results. The worker's digit
// service (web/src/worker/digits.ts) preprocesses the ink in the C++ core and
// runs the active model: the pretrained one, or the library model the person
// picked. The link says which (`model=pretrained` pins the shipped model,
// e.g. for a slide; the default reads with the person's pick).

import './draw.css';
import './embed.css';
import type { DigitModelStatus, DigitPrediction } from '../../protocol-digits.ts';
import { DIGIT_MODEL_CHANGED, libraryOf, useForDraw } from '../../model/digit-model.ts';
import { describeStorageError, type LibraryModel } from '../../model/library.ts';
import { choice, flag, type Values } from '../../state/url-state.ts';
import { h } from '../../ui/dom.ts';
import { defineWidget, type Kit, type RequestFailure } from '../kit/widget.ts';
import { PRETRAINED, createModelPicker } from './model-picker.ts';
import { createPad } from './pad.ts';
import { createPreview } from './preview.ts';
import { packStrokes } from './strokes.ts';
import { createReadout } from './readout.ts';

const DRAW_STATE = {
  model: choice(['mine', 'pretrained'], 'mine'),
  /** Shows the 28×28 image the network reads (off gives the pad and the answer more room, e.g. in a slide). */
  preview: flag(true),
  /** Shows a bar for each of the ten digits (off: only the answer, large). */
  bars: flag(true),
};

export const { mount } = defineWidget({
  route: 'draw',
  title: 'Draw a digit',
  lede: [
    'Draw a digit from 0 to 9 with a mouse, a finger or a pen, and a multi-layer perceptron trained on MNIST reads it as you draw. ',
    h('span', { class: 'lede-more' }, 'The WebAssembly core prepares your ink the way MNIST’s digits were prepared, then runs one forward pass.'),
  ],
  className: 'draw-widget',
  settings: DRAW_STATE,
  setup,
});

function setup(kit: Kit<typeof DRAW_STATE>) {
  const { worker, services } = kit.ctx;
  const library = libraryOf(services);

  // ---- views
  const pad = createPad({ onChange: () => drawingChanged(), onStrokeEnd: () => strokeEnded() });
  const readout = createReadout(() => void loadModels());
  const preview = createPreview();
  const picker = createModelPicker((value) => void pick(value));
  const undoButton = h('button', { type: 'button', class: 'button', 'aria-keyshortcuts': 'Control+Z Meta+Z Backspace', disabled: true }, 'Undo');
  const clearButton = h('button', { type: 'button', class: 'button', 'aria-keyshortcuts': 'Escape', disabled: true }, 'Clear');
  const keys = h('p', { class: 'hint keys' }, h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Z'), ' or ', h('kbd', {}, 'Backspace'), ' undoes a stroke · ', h('kbd', {}, 'Esc'), ' clears');

  const previewToggle = h('input', { type: 'checkbox', name: 'preview' });
  previewToggle.addEventListener('change', () => showLayout(kit.update({ preview: previewToggle.checked })));
  const barsToggle = h('input', { type: 'checkbox', name: 'bars' });
  barsToggle.addEventListener('change', () => showLayout(kit.update({ bars: barsToggle.checked })));
  const previewCard = h('section', { class: 'card preview-card', 'aria-label': 'What the network sees' }, h('h2', {}, 'What the network sees'), preview.element);
  const padCard = h('section', { class: 'card pad-card', 'aria-label': 'Drawing pad' }, pad.element, h('div', { class: 'button-row pad-tools' }, undoButton, clearButton), keys);
  const resultCard = h(
    'section',
    { class: 'card result-card', 'aria-label': 'Prediction' },
    h('h2', {}, 'Prediction'),
    readout.element,
    picker.element,
    h('label', { class: 'check-field' }, barsToggle, h('span', {}, 'Show all ten probabilities')),
    h('label', { class: 'check-field' }, previewToggle, h('span', {}, 'Show what the network sees')),
  );
  kit.body.append(h('div', { class: 'draw-grid' }, padCard, resultCard, previewCard));
  function showLayout(v: Values<typeof DRAW_STATE>): void {
    previewToggle.checked = v.preview;
    previewCard.hidden = !v.preview;
    barsToggle.checked = v.bars;
    root.dataset.preview = String(v.preview);
    root.dataset.bars = String(v.bars);
  }
  preview.setPixels(null); // painted again now that the theme's colours apply
  const root = kit.root;
  showLayout(kit.settings());

  // ---- state
  let status: DigitModelStatus | null = null;
  let models: LibraryModel[] = [];
  let drawId: string | null = null;
  let loadError: string | null = null;
  /** The drawing version last sent, and the one whose result is on screen. */
  let sentVersion = -1;
  let shownVersion = -1;
  let inFlight = false;
  let frame = 0;
  let announceNext = false;

  const canRead = (): boolean => status !== null && status.active !== null;
  const readError = (title: string) => (f: RequestFailure) => readout.show({ kind: 'error', title, message: f.message });

  function showIdle(): void {
    if (loadError !== null) readout.show({ kind: 'error', title: 'The model could not be loaded', message: loadError });
    else if (!canRead()) readout.show({ kind: 'loading' });
    else readout.show({ kind: 'empty' });
  }

  /** Whether the answer on screen is for the drawing on the pad (tests wait for it). */
  function markCurrent(): void {
    root.dataset.current = String(shownVersion === pad.drawing.version);
  }

  function showEmpty(version: number): void {
    shownVersion = version;
    markCurrent();
    showIdle();
    preview.setPixels(null);
  }

  function showPrediction(r: DigitPrediction, version: number): void {
    shownVersion = version;
    markCurrent();
    root.dataset.latencyMs = r.milliseconds.toFixed(3);
    preview.setLatency(r.milliseconds);
    if (r.empty) {
      showEmpty(version);
      return;
    }
    readout.show({ kind: 'prediction', probabilities: r.probabilities });
    preview.setPixels(r.pixels);
    announceReading();
    // The active model can change under us (another view, a worker restart): follow it.
    if (status && (r.model !== status.active || r.label !== status.label)) void loadModels();
  }

  /** Says the reading once the pen is up and the answer is for the whole drawing (not on every move). */
  function announceReading(): void {
    if (!announceNext || pad.drawing.drawing || shownVersion !== pad.drawing.version || readout.digit === null) return;
    announceNext = false;
    kit.announce(`It reads ${readout.digit}.`);
  }

  function strokeEnded(): void {
    announceNext = true;
    announceReading(); // the answer may already be here
  }

  // ---- predictions: once per frame at most, one request in flight, always the latest ink
  function drawingChanged(): void {
    const empty = pad.drawing.isEmpty;
    undoButton.disabled = empty;
    clearButton.disabled = empty;
    if (empty) showEmpty(pad.drawing.version); // at once: no round trip to show nothing
    else markCurrent();
    if (!frame) frame = requestAnimationFrame(pump);
  }

  function pump(): void {
    frame = 0;
    const { drawing } = pad;
    // Asked before the worker says a model is ready, too: it answers once the model has loaded, one
    // round trip sooner than asking after the status (the first reading of a fresh page).
    if (!kit.alive() || inFlight || (loadError !== null && !canRead()) || drawing.version === sentVersion) return;
    const version = drawing.version;
    sentVersion = version;
    if (drawing.isEmpty) return; // shown already
    const data = packStrokes(drawing.strokes); // the core rasterises them (pen ∝ the digit's size)
    inFlight = true;
    // A crashed worker is the shell's to report; this view just waits for the restart.
    void kit
      .request({ type: 'digitPredict', strokes: data }, { transfer: [data.xy.buffer, data.lengths.buffer], onError: (f) => canRead() && readError('The digit could not be read')(f) })
      .then((r) => {
        if (r && version > shownVersion) showPrediction(r, version);
      })
      .finally(() => {
        inFlight = false;
        if (kit.alive() && pad.drawing.version !== sentVersion) drawingChanged();
      });
  }

  /** Predicts the current drawing again, e.g. with another model. */
  function readAgain(): void {
    sentVersion = -1;
    shownVersion = -1;
    if (pad.drawing.isEmpty) showEmpty(pad.drawing.version);
    else drawingChanged();
  }

  // ---- models
  function showPicker(): void {
    const picked = kit.settings().model === 'pretrained' || !status?.user ? PRETRAINED : (drawId ?? PRETRAINED);
    picker.show(status, models, picked);
    root.dataset.model = status?.active ?? '';
  }

  async function loadLibrary(): Promise<void> {
    try {
      [models, drawId] = await Promise.all([library.list(), library.pref('draw')]);
    } catch (e) {
      models = [];
      picker.element.title = `Saved models cannot be read in this browser: ${describeStorageError(e)}`;
    }
  }

  /** Asks the worker what reads, then makes it follow the link (pretrained pinned, or the person's pick). */
  async function loadModels(): Promise<void> {
    loadError = null;
    root.dataset.state = 'loading';
    showIdle();
    // The library (IndexedDB) and the worker's status side by side: neither waits for the other.
    let [, s] = await Promise.all([loadLibrary(), kit.request({ type: 'digitModel' }, { onError: (f) => (loadError = f.message) })]);
    const want = kit.settings().model === 'pretrained' ? 'pretrained' : s?.user ? 'user' : null;
    if (s && want && s.active !== want && (want === 'user' || s.pretrained.state === 'ready')) s = await kit.request({ type: 'digitModel', use: want });
    if (!kit.alive()) return;
    status = s;
    if (s && s.active === null) loadError = s.pretrained.error || 'No digit model is available.';
    root.dataset.state = loadError === null ? 'ready' : 'error';
    showPicker();
    readAgain();
  }

  async function pick(value: string): Promise<void> {
    picker.setBusy(true);
    try {
      if (value === PRETRAINED) {
        kit.update({ model: 'pretrained' });
      } else {
        const m = models.find((x) => x.id === value);
        if (!m) throw new Error('that model is no longer in the library');
        await useForDraw(worker, services, m);
        kit.update({ model: 'mine' });
      }
      await loadModels();
      if (status) kit.announce(`Now reading with the ${status.label}.`);
    } catch (e) {
      readError('Could not switch models')({ message: describeStorageError(e), field: null });
    } finally {
      if (kit.alive()) showPicker();
    }
  }

  // ---- buttons and keys
  function undo(): boolean {
    const done = pad.undo();
    if (done) {
      announceNext = true;
      if (pad.drawing.isEmpty) kit.announce('Last stroke removed; the pad is empty.');
    }
    return done;
  }
  function clear(): boolean {
    const done = pad.clear();
    if (done) kit.announce('Cleared.');
    return done;
  }
  undoButton.addEventListener('click', () => undo());
  clearButton.addEventListener('click', () => clear());

  kit.onDispose(
    worker.onConnection((e) => {
      if (e.kind !== 'crashed') return;
      status = null;
      showPicker();
      showIdle();
    }),
  );
  // The page hands the picked model to the worker after reading IndexedDB,
  // which can be after this view first asked; then it reads the models again.
  const onModelChanged = (): void => {
    if (status) void loadModels();
  };
  window.addEventListener(DIGIT_MODEL_CHANGED, onModelChanged);
  kit.onDispose(() => window.removeEventListener(DIGIT_MODEL_CHANGED, onModelChanged));

  void loadModels();

  return {
    apply(values: Values<typeof DRAW_STATE>) {
      showLayout(values);
      void loadModels();
    },
    keys: { Escape: clear, Backspace: undo, 'Mod+z': undo },
    player: { reset: () => void clear() },
    parts: { main: padCard, panels: [resultCard, previewCard] },
    reload: () => void loadModels(),
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      pad.destroy();
      preview.destroy();
    },
  };
}
