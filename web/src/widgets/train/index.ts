// "Train": an MLP on the real MNIST data, trained in the worker in bounded
// slices while the page only draws: progress, a smoothed loss curve,
// accuracy per epoch, then the test set's verdict (confusion matrix, mistakes,
// first-layer weights). The model is saved in IndexedDB whenever training
// pauses, stops or finishes, survives a reload, can be downloaded (.mlpl,
// TensorFlow.js) and imported, and becomes the Draw view's model.
// Every number shown comes from the WASM core through the worker.

import './train.css';
import type { NetworkSpec } from '../../../generated/mlp-simd.mjs';
import type { DataSource, EpochSummary, ProgressEvent, RunState, TestReport } from '../../protocol.ts';
import { digitModelLabel, useForDigits } from '../../model/digit-model.ts';
import { downloadBytes, safeFileName } from '../../model/download.ts';
import { deleteUserModel, loadUserModel, saveUserModel, type SavedModel } from '../../model/store.ts';
import { toTfjsLayersModel } from '../../model/tfjs-export.ts';
import { h } from '../../ui/dom.ts';
import type { WidgetContext } from '../types.ts';
import { createCharts } from './charts.ts';
import { createControls } from './controls.ts';
import { createModelCard } from './model-card.ts';
import { createProgress } from './progress.ts';
import { MISTAKES_SHOWN, WEIGHTS_SHOWN, createReport } from './report.ts';
import {
  CLASSES,
  DEFAULT_SETTINGS,
  GERON_PRESET,
  INPUTS,
  describeSpec,
  fieldOfCoreError,
  modelKey,
  networkSpec,
  parseStoredSettings,
  settingsForSpec,
  trainConfig,
  type TrainSettings,
} from './settings.ts';

const MNIST: DataSource = { kind: 'mnist' };
/** Larger files are not model files this page could have written (the biggest is ~33 MB). */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Weights to start a session from (a restored or imported model) instead of the seed's. */
interface TrainedWeights {
  network: NetworkSpec;
  parameters: Float32Array;
  /** Epochs they were trained for, as far as known. */
  epochs: number;
}

export function mount(container: HTMLElement, ctx: WidgetContext): () => void {
  const { worker } = ctx;

  // ---- views
  const controls = createControls({
    onInput: () => onSettingsInput(),
    onTrain: () => void train(),
    onPause: () => void request(() => worker.request({ type: 'pause' })),
    onStop: () => void request(() => worker.request({ type: 'stop' })),
    onReset: () => void reset(),
    onPreset: () => {
      controls.write(GERON_PRESET);
      onSettingsInput();
      announce('Géron chapter 10 preset: 784-300-100-10 ReLU, SGD 0.01, batch 50, 40 epochs.');
    },
  });
  const progress = createProgress(() => void start());
  const charts = createCharts();
  const report = createReport(() => void evaluate());
  const modelCard = createModelCard({
    onDownload: () => download(),
    onDownloadTfjs: () => void downloadTfjs(),
    onImport: (file) => void importFile(file),
    onForget: () => void forget(),
  });
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });

  const root = h(
    'article',
    { class: 'train-widget' },
    h(
      'header',
      { class: 'widget-head' },
      h('h1', {}, 'Train an MLP on MNIST'),
      h(
        'p',
        { class: 'lede' },
        'Train a multi-layer perceptron on the 70,000 handwritten digits of MNIST, right here: the WebAssembly core runs ',
        'in a worker, so the page stays smooth. Try the book’s network with the Géron preset, or your own.',
      ),
    ),
    h(
      'div',
      { class: 'train-grid' },
      controls.element,
      h(
        'div',
        { class: 'train-main' },
        progress.element,
        h('div', { class: 'train-pair' }, charts.loss, charts.accuracy),
        h(
          'div',
          { class: 'train-pair' },
          h('div', { class: 'train-column' }, report.summary, report.mistakes),
          h('div', { class: 'train-column' }, modelCard.element, report.weights),
        ),
      ),
    ),
    announcer,
  );
  container.append(root);

  // ---- state
  let dataReady = false;
  let busy = false; // building, restoring or importing a model
  let session: number | null = null;
  /** modelKey of the settings the current session was built from; null if the form cannot rebuild it. */
  let builtKey: string | null = null;
  let builtSettings: TrainSettings = DEFAULT_SETTINGS;
  /** Epochs the current weights had before this session (a restored or imported model). */
  let epochsBase = 0;
  /** The session starts from trained weights (restored or imported), not the seed's. */
  let pretrainedWeights = false;
  let runState: RunState = 'idle';
  let epoch = 0;
  let batch = 0;
  let batchesPerEpoch = 1;
  let steps = 0;
  let validationAccuracy = NaN;
  let saved: SavedModel | null = null;
  let savedAt: { session: number; steps: number } | null = null;
  let saveToken = 0;
  let disposed = false;

  const epochsDone = (): number => epochsBase + epoch + batch / Math.max(1, batchesPerEpoch);

  function announce(text: string): void {
    announcer.textContent = text;
  }

  function refreshButtons(): void {
    const check = controls.read();
    const same = check.ok && builtKey !== null && builtKey === modelKey(check.settings);
    const ready = dataReady && !busy;
    controls.setButtons({ ready, state: runState, continues: session !== null && same && (steps > 0 || pretrainedWeights) });
    report.setCanEvaluate(ready && session !== null);
    modelCard.setImportEnabled(ready && runState !== 'running');
  }

  function onSettingsInput(): void {
    const check = controls.read();
    controls.showErrors(check.ok ? [] : check.errors);
    refreshButtons();
  }

  /** Runs a request; its failure is shown under the buttons. */
  async function request<T>(fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn();
    } catch (e) {
      if (!disposed) controls.showFormError(message(e));
      return null;
    }
  }

  function resetRun(): void {
    runState = 'idle';
    epoch = 0;
    batch = 0;
    steps = 0;
    validationAccuracy = NaN;
    charts.clear();
    progress.setRun(null);
  }

  // ---- data and models

  async function loadData(): Promise<boolean> {
    progress.setData({ kind: 'loading', stage: 'download', loaded: 0, total: 0 });
    try {
      const info = await worker.request({ type: 'loadData', data: MNIST });
      if (disposed) return false;
      progress.setData({ kind: 'ready', info });
      dataReady = true;
      return true;
    } catch (e) {
      if (!disposed) progress.setData({ kind: 'error', message: message(e) });
      return false;
    }
  }

  /** A new session from settings (and optionally trained weights). Core refusals are shown at their field. */
  async function build(s: TrainSettings, from?: TrainedWeights): Promise<boolean> {
    busy = true;
    refreshButtons();
    try {
      const r = await worker.request({
        type: 'configure',
        network: from?.network ?? networkSpec(s),
        train: trainConfig(s),
        data: MNIST,
        parameters: from?.parameters,
      });
      if (disposed) return false;
      session = r.session;
      builtSettings = s;
      builtKey = modelKey(s);
      epochsBase = from?.epochs ?? 0;
      pretrainedWeights = from !== undefined;
      savedAt = null;
      resetRun();
      controls.showFormError(null);
      return true;
    } catch (e) {
      if (disposed) return false;
      const text = message(e);
      const field = fieldOfCoreError(text);
      if (field) {
        controls.showErrors([{ field, message: `The core refused this: ${text}` }]);
        controls.focusFirstError();
      } else {
        controls.showFormError(text);
      }
      return false;
    } finally {
      busy = false;
      if (!disposed) refreshButtons();
    }
  }

  function show(r: TestReport, subject: string): void {
    report.set(r, { epochs: epochsDone(), subject });
  }

  /** Scores the current model, saves it (IndexedDB) and makes it the Draw view's model. */
  async function saveCurrent(reason: string): Promise<void> {
    if (session === null || (steps === 0 && !pretrainedWeights)) return;
    if (savedAt && savedAt.session === session && savedAt.steps === steps) return; // nothing new
    const token = ++saveToken;
    const mark = { session, steps };
    const settings = builtSettings;
    const epochs = epochsDone();
    if (!disposed) {
      report.setBusy(true);
      modelCard.setStatus('Evaluating and saving…');
    }
    try {
      // Both requests leave together, so nothing (e.g. the next view's configure) can come between them.
      const metadata = JSON.stringify({
        trainer: 'MLP Lab, Train view',
        data: 'MNIST 55,000 train / 5,000 validation / 10,000 test',
        settings,
        epochs,
        saved_at: new Date().toISOString(),
      });
      const [r, file] = await Promise.all([
        worker.request({ type: 'testReport', misclassified: MISTAKES_SHOWN, weightImages: WEIGHTS_SHOWN }),
        worker.request({ type: 'exportModel', metadata }),
      ]);
      if (token !== saveToken || r.session !== mark.session) return;
      if (!disposed) show(r, 'the current model');
      const record: SavedModel = {
        bytes: file.bytes,
        spec: file.spec,
        testAccuracy: r.accuracy,
        savedAt: Date.now(),
        epochs,
        origin: { kind: 'trained' },
        settings,
      };
      await saveUserModel(record);
      savedAt = mark;
      saved = record;
      await useForDigits(worker, record);
      if (disposed || token !== saveToken) return;
      modelCard.show(record);
      modelCard.showError(null);
      modelCard.setStatus(`Saved when training ${reason}; the Draw view now uses ${digitModelLabel(record)}.`);
    } catch (e) {
      if (!disposed) modelCard.showError(`The model could not be saved in this browser: ${message(e)}`);
    } finally {
      if (!disposed && token === saveToken) report.setBusy(false);
    }
  }

  /** The saved model back in the worker: its settings in the form, its weights in a new session. */
  async function restore(m: SavedModel, why: string): Promise<void> {
    try {
      const loaded = await worker.request({ type: 'readModel', bytes: m.bytes });
      if (disposed) return;
      const current = controls.read();
      const base = current.ok ? current.settings : DEFAULT_SETTINGS;
      const settings = parseStoredSettings(m.settings) ?? settingsForSpec(loaded.spec, base);
      if (settings) controls.write(settings);
      const s = settings ?? base;
      const network = { ...loaded.spec, seed: s.seed };
      const built = await build(s, { network, parameters: loaded.parameters, epochs: m.epochs });
      if (!built || disposed) return;
      if (!settings) builtKey = null; // the form cannot express this architecture: Train starts a new model
      savedAt = { session: session ?? 0, steps: 0 };
      await useForDigits(worker, m);
      await evaluate('your saved model');
      if (!disposed) modelCard.setStatus(why);
    } catch (e) {
      if (!disposed) {
        modelCard.showError(
          `Your saved model could not be loaded (${message(e)}). It is still stored; a new model was built instead.`,
        );
        await build(DEFAULT_SETTINGS);
      }
    }
  }

  async function evaluate(subject = 'the current model'): Promise<void> {
    if (session === null) return;
    report.setBusy(true);
    try {
      const r = await worker.request({ type: 'testReport', misclassified: MISTAKES_SHOWN, weightImages: WEIGHTS_SHOWN });
      if (!disposed && r.session === session) show(r, subject);
    } catch (e) {
      if (!disposed) controls.showFormError(message(e));
    } finally {
      if (!disposed) report.setBusy(false);
    }
  }

  /** Loads the data, then the saved model (or a new one from the form). Runs on mount and after a worker restart. */
  async function start(why = 'Restored from this browser’s storage.'): Promise<void> {
    dataReady = false;
    session = null;
    refreshButtons();
    const [ok, stored] = await Promise.all([
      loadData(),
      loadUserModel().catch((e: unknown) => {
        if (!disposed) modelCard.showError(`Saved models cannot be read in this browser: ${message(e)}`);
        return null;
      }),
    ]);
    if (disposed) return;
    saved = stored;
    modelCard.show(saved);
    refreshButtons();
    if (!ok) return;
    if (saved) await restore(saved, why);
    else {
      const check = controls.read();
      await build(check.ok ? check.settings : DEFAULT_SETTINGS);
    }
  }

  // ---- training

  async function train(): Promise<void> {
    const check = controls.read();
    if (!check.ok) {
      controls.showErrors(check.errors);
      controls.focusFirstError();
      const n = check.errors.length;
      announce(`Training not started: ${n === 1 ? 'one setting needs' : `${n} settings need`} fixing.`);
      return;
    }
    controls.showErrors([]);
    controls.showFormError(null);
    const s = check.settings;
    const same = session !== null && builtKey === modelKey(s);
    if (same && runState === 'paused') {
      await request(() => worker.request({ type: 'resume' }));
      return;
    }
    if (!same && !(await build(s))) return;
    builtSettings = { ...builtSettings, epochs: s.epochs };
    await request(() => worker.request({ type: 'start', epochs: s.epochs }));
  }

  async function reset(): Promise<void> {
    const check = controls.read();
    if (!check.ok) {
      controls.showErrors(check.errors);
      controls.focusFirstError();
      return;
    }
    if (await build(check.settings)) {
      report.set(null);
      announce('Reset: a new network with the seed’s weights.');
    }
  }

  function onEpochs(list: readonly EpochSummary[]): void {
    const last = list[list.length - 1];
    if (!last) return;
    validationAccuracy = last.validationAccuracy;
    announce(`Epoch ${last.epoch}: validation accuracy ${(last.validationAccuracy * 100).toFixed(2)}%.`);
  }

  function onProgress(p: ProgressEvent): void {
    if (p.session !== session || disposed) return;
    charts.addLosses(p.losses, p.firstStep, p.batchesPerEpoch);
    charts.addEpochs(p.epochsEnded);
    onEpochs(p.epochsEnded);
    const was = runState;
    runState = p.state;
    epoch = p.epoch;
    batch = p.batch;
    batchesPerEpoch = Math.max(1, p.batchesPerEpoch);
    steps = p.steps;
    progress.setRun({
      state: p.state,
      epoch: p.epoch,
      batch: p.batch,
      batchesPerEpoch: p.batchesPerEpoch,
      targetEpoch: p.targetEpoch,
      steps: p.steps,
      examplesPerSecond: p.examplesPerSecond,
      secondsLeft: p.secondsLeft,
      validationAccuracy,
      message: p.message,
    });
    if (was === p.state) return;
    refreshButtons();
    if (p.state === 'diverged') {
      // The core's message says where the loss went non-finite and that the weights were restored.
      const text = `Training diverged and stopped: ${p.message || 'the loss became NaN or infinite.'}`;
      controls.showFormError(text);
      announce(text);
    } else if (p.state === 'finished') {
      announce(`Training finished after ${p.epoch} epochs.`);
      void saveCurrent('finished');
    } else if (p.state === 'paused') {
      void saveCurrent('paused');
    } else if (p.state === 'idle' && (was === 'running' || was === 'paused')) {
      announce('Training stopped.');
      void saveCurrent('stopped');
    }
  }

  // ---- files

  function download(): void {
    if (!saved) return;
    const name = safeFileName(`mlp-lab-${describeSpec(saved.spec).split(',')[0] ?? 'model'}`);
    downloadBytes(`${name}.mlpl`, saved.bytes, 'application/octet-stream');
    modelCard.setStatus(`Downloaded ${name}.mlpl.`);
  }

  async function downloadTfjs(): Promise<void> {
    if (!saved) return;
    try {
      const m = await worker.request({ type: 'readModel', bytes: saved.bytes });
      const name = safeFileName(`mlp-lab-${describeSpec(m.spec).split(',')[0] ?? 'model'}`);
      const out = toTfjsLayersModel(m.spec, m.parameters, { weightsFile: `${name}.weights.bin`, generatedBy: 'MLP Lab' });
      downloadBytes(`${name}.json`, JSON.stringify(out.modelJson), 'application/json');
      downloadBytes(out.weightsFile, out.weightData, 'application/octet-stream');
      modelCard.setStatus(`Downloaded ${name}.json and ${out.weightsFile}: load them with tf.loadLayersModel.`);
    } catch (e) {
      if (!disposed) modelCard.showError(`TensorFlow.js export failed: ${message(e)}`);
    }
  }

  /** Validates the file in the core, checks it reads MNIST digits, and only then makes it the model. */
  async function importFile(file: File): Promise<void> {
    modelCard.showError(null);
    const refuse = (why: string): void => {
      modelCard.showError(`Could not import ${file.name}: ${why} Your current model is unchanged.`);
      announce(`Import failed: ${why}`);
    };
    if (file.size > MAX_IMPORT_BYTES) {
      refuse(`the file is ${(file.size / 1024 / 1024).toFixed(0)} MB, too big to be a model file.`);
      return;
    }
    busy = true;
    refreshButtons();
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let loaded;
      try {
        loaded = await worker.request({ type: 'readModel', bytes });
      } catch (e) {
        refuse(`${message(e)}.`);
        return;
      }
      const outputs = loaded.spec.layers[loaded.spec.layers.length - 1]?.units ?? 0;
      if (loaded.spec.inputs !== INPUTS || outputs !== CLASSES) {
        const what = describeSpec(loaded.spec);
        refuse(`it is a ${what} network; MNIST needs ${INPUTS} inputs (28×28 pixels) and ${CLASSES} outputs.`);
        return;
      }
      if (loaded.spec.loss !== 'softmax_cross_entropy') {
        refuse(`it was trained with the ${loaded.spec.loss} loss; digit models use softmax cross-entropy.`);
        return;
      }
      const meta = parseMetadata(loaded.metadata);
      const current = controls.read();
      const base = current.ok ? current.settings : DEFAULT_SETTINGS;
      const settings = parseStoredSettings(meta.settings) ?? settingsForSpec(loaded.spec, base);
      const s = settings ?? base;
      busy = false;
      const built = await build(s, {
        network: { ...loaded.spec, seed: s.seed },
        parameters: loaded.parameters,
        epochs: typeof meta.epochs === 'number' && Number.isFinite(meta.epochs) ? meta.epochs : 0,
      });
      if (!built || disposed) return;
      if (settings) controls.write(settings);
      else builtKey = null;
      refreshButtons();
      const r = await worker.request({ type: 'testReport', misclassified: MISTAKES_SHOWN, weightImages: WEIGHTS_SHOWN });
      if (disposed) return;
      show(r, `imported ${file.name}`);
      const record: SavedModel = {
        bytes,
        spec: loaded.spec,
        testAccuracy: r.accuracy,
        savedAt: Date.now(),
        epochs: epochsBase,
        origin: { kind: 'imported', fileName: file.name },
        settings: settings ?? null,
      };
      savedAt = { session: r.session, steps: 0 };
      try {
        await saveUserModel(record);
      } catch (e) {
        modelCard.showError(`Imported, but it could not be saved in this browser: ${message(e)}`);
      }
      saved = record;
      modelCard.show(record);
      await useForDigits(worker, record);
      modelCard.setStatus(`Imported ${file.name}: ${(r.accuracy * 100).toFixed(2)}% on the test set. The Draw view uses it now.`);
      announce(`Imported ${file.name}.`);
    } catch (e) {
      if (!disposed) refuse(`${message(e)}.`);
    } finally {
      busy = false;
      if (!disposed) refreshButtons();
    }
  }

  let forgetArmed: ReturnType<typeof setTimeout> | null = null;
  async function forget(): Promise<void> {
    const button = modelCard.element.querySelector<HTMLButtonElement>('[data-action="forget"]');
    if (!forgetArmed) {
      // Two clicks: a saved model is work; one stray click must not lose it.
      if (button) button.textContent = 'Click again to forget';
      forgetArmed = setTimeout(() => {
        forgetArmed = null;
        if (button) button.textContent = 'Forget';
      }, 4000);
      return;
    }
    clearTimeout(forgetArmed);
    forgetArmed = null;
    if (button) button.textContent = 'Forget';
    try {
      await deleteUserModel();
      await useForDigits(worker, null);
      saved = null;
      savedAt = null;
      modelCard.show(null);
      modelCard.setStatus('Forgotten. The Draw view uses the pretrained model again.');
    } catch (e) {
      modelCard.showError(`Could not forget the model: ${message(e)}`);
    }
  }

  // ---- wiring

  const offProgress = worker.onProgress(onProgress);
  const offData = worker.onDataProgress((e) => {
    if (disposed || e.kind !== 'mnist' || e.stage === 'ready') return;
    progress.setData({ kind: 'loading', stage: e.stage, loaded: e.loaded, total: e.total });
  });
  const offConnection = worker.onConnection((e) => {
    if (e.kind === 'crashed') {
      session = null;
      dataReady = false;
      resetRun();
      refreshButtons();
      controls.showFormError(
        e.restarting
          ? 'The worker stopped unexpectedly and is restarting. Training since the last save is lost; your saved model is safe.'
          : 'The worker keeps stopping. Reload the page to try again; your saved model is safe.',
      );
    } else if (e.kind === 'ready' && e.restarted) {
      controls.showFormError(null);
      void start('The worker restarted: MNIST was reloaded and your saved model restored.');
    }
  });

  void start();

  return () => {
    // Leaving keeps the work: training stops and what was trained is saved.
    const unsaved = session !== null && steps > 0 && !(savedAt && savedAt.session === session && savedAt.steps === steps);
    disposed = true;
    offProgress();
    offData();
    offConnection();
    if (forgetArmed) clearTimeout(forgetArmed);
    void worker.request({ type: 'stop' }).catch(() => undefined);
    if (unsaved) void saveCurrent('left the Train view').catch(() => undefined);
    charts.destroy();
    report.destroy();
    root.remove();
  };
}

/** A model file's metadata as JSON, or an empty object (files from elsewhere may hold anything). */
function parseMetadata(text: string): { settings?: unknown; epochs?: unknown } {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as { settings?: unknown; epochs?: unknown }) : {};
  } catch {
    return {};
  }
}
