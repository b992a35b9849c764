// "Draw a digit": a network trained on MNIST reads what you draw, as you draw.
// The page only collects strokes and draws results. The worker's digit
// service (web/src/worker/digits.ts) preprocesses the ink in the C++ core and
// runs the active model: the pretrained one, or the user's from the Train view.

import './draw.css';
import type { DigitModelKind, DigitModelStatus, DigitPrediction } from '../../protocol.ts';
import { DIGIT_MODEL_CHANGED } from '../../model/digit-model.ts';
import { h } from '../../ui/dom.ts';
import type { WidgetContext } from '../types.ts';
import { createInkReader } from './ink.ts';
import { createModelPicker } from './model-picker.ts';
import { createPad } from './pad.ts';
import { createPreview } from './preview.ts';
import { createReadout } from './readout.ts';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Keys typed into a text field are the field's, not shortcuts. */
function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.closest('textarea, select, input:not([type="radio"], [type="checkbox"], [type="button"], [type="range"])') !== null)
  );
}

export function mount(container: HTMLElement, ctx: WidgetContext): () => void {
  const { worker } = ctx;

  // ---- views
  const pad = createPad({ onChange: () => drawingChanged(), onStrokeEnd: () => strokeEnded() });
  const ink = createInkReader();
  const readout = createReadout(() => void loadModels());
  const preview = createPreview();
  const picker = createModelPicker((kind) => void switchModel(kind));
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });

  const undoButton = h(
    'button',
    { type: 'button', class: 'button', 'aria-keyshortcuts': 'Control+Z Meta+Z Backspace', disabled: true },
    'Undo',
  );
  const clearButton = h('button', { type: 'button', class: 'button', 'aria-keyshortcuts': 'Escape', disabled: true }, 'Clear');
  const keys = h(
    'p',
    { class: 'hint keys' },
    h('kbd', {}, 'Ctrl'),
    '+',
    h('kbd', {}, 'Z'),
    ' or ',
    h('kbd', {}, 'Backspace'),
    ' undoes a stroke · ',
    h('kbd', {}, 'Esc'),
    ' clears',
  );

  const root = h(
    'article',
    { class: 'draw-widget' },
    h(
      'header',
      { class: 'widget-head' },
      h('h1', {}, 'Draw a digit'),
      h(
        'p',
        { class: 'lede' },
        'Draw a digit from 0 to 9 with a mouse, a finger or a pen, and a multi-layer perceptron trained on MNIST reads it as you draw. ',
        h('span', { class: 'lede-more' }, 'The WebAssembly core prepares your ink the way MNIST’s digits were prepared, then runs one forward pass.'),
      ),
    ),
    h(
      'div',
      { class: 'draw-grid' },
      h(
        'section',
        { class: 'card pad-card', 'aria-label': 'Drawing pad' },
        pad.element,
        h('div', { class: 'button-row pad-tools' }, undoButton, clearButton),
        keys,
      ),
      h('section', { class: 'card result-card', 'aria-label': 'Prediction' }, h('h2', {}, 'Prediction'), readout.element, picker.element),
      h(
        'section',
        { class: 'card preview-card', 'aria-label': 'What the network sees' },
        h('h2', {}, 'What the network sees'),
        preview.element,
      ),
    ),
    announcer,
  );
  container.append(root);
  preview.setPixels(null); // painted again now that the theme's colours apply

  // ---- state
  let status: DigitModelStatus | null = null;
  let loadError: string | null = null;
  /** The drawing version last sent, and the one whose result is on screen. */
  let sentVersion = -1;
  let shownVersion = -1;
  let inFlight = false;
  let frame = 0;
  let announceNext = false;
  let disposed = false;

  const canRead = (): boolean => status !== null && status.active !== null;

  function announce(text: string): void {
    announcer.textContent = text;
  }

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
    // The active model can change under us (the Train view, a worker restart): follow it.
    if (status && (r.model !== status.active || r.label !== status.label)) void refreshStatus();
  }

  /** Says the reading once the pen is up and the answer is for the whole drawing (not on every move). */
  function announceReading(): void {
    if (!announceNext || pad.drawing.drawing || shownVersion !== pad.drawing.version || readout.digit === null) return;
    announceNext = false;
    announce(`It reads ${readout.digit}.`);
  }

  function strokeEnded(): void {
    announceNext = true;
    announceReading(); // the answer may already be here
  }

  function syncButtons(): void {
    const empty = pad.drawing.isEmpty;
    undoButton.disabled = empty;
    clearButton.disabled = empty;
  }

  // ---- predictions: once per frame at most, one request in flight, always the latest ink
  function drawingChanged(): void {
    syncButtons();
    if (pad.drawing.isEmpty) showEmpty(pad.drawing.version); // at once: no round trip to show nothing
    else markCurrent();
    if (!frame) frame = requestAnimationFrame(pump);
  }

  function pump(): void {
    frame = 0;
    const { drawing } = pad;
    if (disposed || inFlight || !canRead() || drawing.version === sentVersion) return;
    const version = drawing.version;
    sentVersion = version;
    if (drawing.isEmpty) return; // shown already
    const data = ink.read(drawing.strokes);
    inFlight = true;
    worker
      .request({ type: 'digitPredict', ink: data, width: ink.side, height: ink.side }, [data.buffer])
      .then((r) => {
        if (!disposed && version > shownVersion) showPrediction(r, version);
      })
      .catch((e: unknown) => {
        // A crashed worker is the shell's to report; this view just waits for the restart.
        if (!disposed && canRead()) readout.show({ kind: 'error', title: 'The digit could not be read', message: message(e) });
      })
      .finally(() => {
        inFlight = false;
        if (!disposed && pad.drawing.version !== sentVersion) drawingChanged();
      });
  }

  /** Predicts the current drawing again, e.g. with another model. */
  function readAgain(): void {
    sentVersion = -1;
    shownVersion = -1;
    if (pad.drawing.isEmpty) showEmpty(pad.drawing.version);
    else drawingChanged();
  }

  function setStatus(s: DigitModelStatus): void {
    status = s;
    loadError = s.active === null ? s.pretrained.error || 'No digit model is available.' : null;
    root.dataset.model = s.active ?? '';
    picker.show(s);
  }

  // ---- models
  async function loadModels(): Promise<void> {
    status = null;
    loadError = null;
    picker.show(null);
    showIdle();
    root.dataset.state = 'loading';
    try {
      const s = await worker.request({ type: 'digitModel' });
      if (disposed) return;
      setStatus(s);
    } catch (e) {
      if (disposed) return;
      loadError = message(e);
    }
    root.dataset.state = loadError === null ? 'ready' : 'error';
    readAgain();
  }

  async function refreshStatus(): Promise<void> {
    try {
      const s = await worker.request({ type: 'digitModel' });
      if (!disposed) setStatus(s);
    } catch {
      // A failed look-up changes nothing; the next prediction asks again.
    }
  }

  async function switchModel(kind: DigitModelKind): Promise<void> {
    picker.setBusy(true);
    try {
      const s = await worker.request({ type: 'digitModel', use: kind });
      if (disposed) return;
      setStatus(s);
      announce(`Now reading with the ${s.label}.`);
      readAgain();
    } catch (e) {
      if (!disposed) readout.show({ kind: 'error', title: 'Could not switch models', message: message(e) });
    } finally {
      if (!disposed) picker.setBusy(false);
    }
  }

  // ---- buttons and keys
  function undo(): boolean {
    const done = pad.undo();
    if (done) {
      announceNext = true;
      if (pad.drawing.isEmpty) announce('Last stroke removed; the pad is empty.');
    }
    return done;
  }
  function clear(): boolean {
    const done = pad.clear();
    if (done) announce('Cleared.');
    return done;
  }
  undoButton.addEventListener('click', () => undo());
  clearButton.addEventListener('click', () => clear());

  function onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.altKey || typingIn(e.target)) return;
    const command = e.ctrlKey || e.metaKey;
    let handled = false;
    if (e.key === 'Escape' && !command) handled = clear();
    else if ((e.key === 'Backspace' && !command) || (command && !e.shiftKey && e.key.toLowerCase() === 'z')) handled = undo();
    if (handled) e.preventDefault();
  }
  document.addEventListener('keydown', onKey);

  const offConnection = worker.onConnection((e) => {
    if (e.kind === 'crashed') {
      status = null;
      picker.show(null);
      showIdle();
    } else if (e.kind === 'ready' && e.restarted) {
      void loadModels();
    }
  });

  // The page hands the saved model to the worker after reading IndexedDB,
  // which can be after this view first asked; then it reads the models again.
  const onModelChanged = (): void => {
    if (status) void refreshStatus().then(readAgain);
  };
  window.addEventListener(DIGIT_MODEL_CHANGED, onModelChanged);

  void loadModels();

  return () => {
    disposed = true;
    if (frame) cancelAnimationFrame(frame);
    document.removeEventListener('keydown', onKey);
    window.removeEventListener(DIGIT_MODEL_CHANGED, onModelChanged);
    offConnection();
    pad.destroy();
    preview.destroy();
    root.remove();
  };
}
