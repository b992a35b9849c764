// "Train": an MLP on the real MNIST data, trained in the worker in bounded
// slices while the page only draws: progress, a smoothed loss curve,
// accuracy per epoch, then the test set's verdict (confusion matrix, mistakes,
// first-layer weights), and the library of saved models. The run itself
// (web/src/widgets/train/run.ts) belongs to the page, so it goes on while
// this view is closed; this file is the view of it and of the settings, which
// live in the link. Every number shown comes from the WASM core.

import './train.css';
import './embed.css';
import type { Vocabulary } from '../../../generated/mlp-simd.mjs';
import { libraryOf } from '../../model/digit-model.ts';
import { messageOf } from '../../errors.ts';
import { h } from '../../ui/dom.ts';
import { defineWidget, type Kit } from '../kit/widget.ts';
import { createCharts } from './charts.ts';
import { formFieldOf } from './checks.ts';
import { createControls } from './controls.ts';
import { wireLibrary } from './library.ts';
import { createProgress } from './progress.ts';
import { createReport } from './report.ts';
import { TrainRun, type RunChange } from './run.ts';
import { PRESETS, changeKind, trainTable, type TrainSettings, type TrainTable } from './settings.ts';

export const { mount } = defineWidget({
  route: 'train',
  title: 'Train an MLP on MNIST',
  lede: [
    'Train a multi-layer perceptron on the 70,000 handwritten digits of MNIST, right here: the WebAssembly core runs ',
    'in a worker, so the page stays smooth, and a run goes on while you visit the other views. ',
    'Try the book’s network or the seed’s softmax regression with a preset, or your own.',
  ],
  className: 'train-widget',
  settings: trainTable,
  setup,
});

function setup(kit: Kit<TrainTable>) {
  const { worker, services } = kit.ctx;
  const vocabulary = worker.info?.vocabulary as Vocabulary; // the table is made from it, so it is there
  const library = libraryOf(services);
  const run = services.shared('train-run', () => new TrainRun(worker, library, vocabulary));

  const controls = createControls(vocabulary, kit.table, {
    onInput: () => onSettingsInput(),
    onTrain: () => void train(),
    onPause: () => void act(() => run.control('pause')),
    onStop: () => void act(() => run.control('stop')),
    onReset: () => void reset(),
    onPreset: (id) => {
      const preset = PRESETS.find((p) => p.id === id);
      if (!preset) return;
      controls.write(kit.update(preset.values));
      onSettingsInput();
      kit.announce(`${preset.label}: ${preset.hint}`);
    },
  });
  const progress = createProgress(() => void run.start(kit.settings()));
  const charts = createCharts();
  const report = createReport(() => void run.evaluate());
  const libraryView = wireLibrary({ kit, run, onOpened: (s) => s && showSettings(s) });

  kit.body.append(
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
          h('div', { class: 'train-column' }, libraryView.element, report.weights),
        ),
      ),
    ),
  );
  controls.write(kit.settings());

  function showSettings(s: TrainSettings): void {
    controls.write(kit.update(s));
    onSettingsInput();
  }

  /** Reads the form; a valid entry goes to the link, problems to their fields. */
  function readForm(): TrainSettings | null {
    const check = controls.read(kit.settings());
    controls.showErrors(check.ok ? [] : check.errors);
    if (!check.ok) return null;
    kit.update(check.settings);
    return check.settings;
  }

  function onSettingsInput(): void {
    readForm();
    refreshButtons();
  }

  /** What Train will do with these settings, said before the click. */
  function plan(s: TrainSettings | null): { label: 'Train' | 'Train more' | 'Resume'; text: string } {
    const built = run.built;
    if (!s) return { label: 'Train', text: 'Fix the settings marked above to train.' };
    if (run.job === null || !built) return { label: 'Train', text: 'Train builds a new network from the seed.' };
    const trained = (run.status?.steps ?? 0) > 0 || built.baseEpochs > 0;
    if (!built.settings) return { label: 'Train', text: 'This model’s architecture cannot be set here: Train starts a new network.' };
    const c = changeKind(built.settings, s);
    if (c.kind === 'rebuild') return { label: 'Train', text: `Train starts a new network from the seed: ${c.what.join(', ')} changed.` };
    if (!trained) return { label: 'Train', text: `Train trains this network for ${s.epochs} epochs.` };
    if (c.kind === 'continue') return { label: 'Train more', text: `Train goes on from the current weights with the new ${c.what.join(', ').replace(/the /g, '')}.` };
    if (run.status?.state === 'paused') return { label: 'Resume', text: 'Resume goes on towards the run’s target.' };
    return { label: 'Train more', text: `Train goes on from the current weights for ${s.epochs} more epochs.` };
  }

  /** Zero initial weights leave every unit of a hidden layer the same forever; say so before it is trained. */
  const symmetryNote = (s: TrainSettings | null): string =>
    s && s.init === 'zeros' && s.units.length > 0 ? ' Zero weights: the units of each hidden layer stay identical (nothing breaks the symmetry).' : '';

  function refreshButtons(): void {
    const check = controls.read(kit.settings());
    const settings = check.ok ? check.settings : null;
    const p = plan(settings);
    p.text += symmetryNote(settings);
    controls.setButtons({ ready: run.ready, state: run.status?.state ?? 'idle', label: p.label, plan: p.text });
    report.setCanEvaluate(run.ready);
    libraryView.setTrainingBusy(run.status?.state === 'running' || run.busy);
  }

  async function act(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      if (kit.alive()) controls.showFormError(messageOf(e));
    }
  }

  async function train(): Promise<void> {
    const s = readForm();
    if (!s) {
      controls.focusFirstError();
      kit.announce('Training not started: fix the settings marked in the form.');
      return;
    }
    controls.showFormError(null);
    await act(() => run.train(s));
  }

  async function reset(): Promise<void> {
    const s = readForm();
    if (!s) return controls.focusFirstError();
    if (await run.build(s)) kit.announce('Reset: a new network with the seed’s weights.');
  }

  function showProblem(message: string, field: string | null): void {
    const at = formFieldOf(field);
    if (at) {
      controls.showErrors([{ field: at, message: `The core refused this: ${message}` }]);
      controls.focusFirstError();
    } else {
      controls.showFormError(message);
    }
  }

  function drawHistory(): void {
    charts.clear();
    charts.addLosses(run.losses.values(), 0, run.losses.batchesPerEpoch);
    charts.addEpochs(run.epochs);
  }

  function onRun(c: RunChange): void {
    switch (c.kind) {
      case 'data':
        progress.setData(run.data);
        break;
      case 'built':
        progress.setRun(run.status);
        if (run.busy) break;
        drawHistory();
        // A bare #/train (the defaults) shows what the run was built with, e.g. the model restored after a reload.
        if (run.built?.settings && !location.hash.includes('?')) showSettings(run.built.settings);
        break;
      case 'progress': {
        const p = c.event;
        charts.addLosses(p.losses, c.firstStep, p.batchesPerEpoch);
        charts.addEpochs(c.epochs);
        progress.setRun(run.status);
        const last = c.epochs[c.epochs.length - 1];
        if (last) kit.announce(`Epoch ${last.epoch}: validation accuracy ${(last.validationAccuracy * 100).toFixed(2)}%.`);
        if (p.state === 'diverged') {
          const text = `Training diverged and stopped: ${p.message || 'the loss became NaN or infinite.'}`;
          controls.showFormError(text);
          kit.announce(text);
        } else if (p.state === 'finished') kit.announce(`Training finished after ${p.epoch} epochs.`);
        break;
      }
      case 'report':
        report.set(run.report, { epochs: run.epochsDone(), subject: run.reportSubject });
        break;
      case 'saved':
        libraryView.setStatus(c.message);
        break;
      case 'problem':
        showProblem(c.message, c.field);
        break;
      case 'storage':
        libraryView.showError(c.message);
        break;
    }
    refreshButtons();
  }

  kit.onDispose(run.subscribe(onRun));
  if (run.built?.settings && !location.hash.includes('?')) controls.write(kit.update(run.built.settings));
  progress.setData(run.data);
  progress.setRun(run.status);
  drawHistory();
  report.set(run.report, { epochs: run.epochsDone(), subject: run.reportSubject });
  refreshButtons();
  void run.start(kit.settings());

  kit.onDispose(
    worker.onConnection((e) => {
      if (e.kind === 'crashed') {
        controls.showFormError(
          e.restarting
            ? 'The worker stopped unexpectedly and is restarting. Training since the last save is lost; your saved models are safe.'
            : 'The worker keeps stopping. Reload the page to try again; your saved models are safe.',
        );
      }
    }),
  );

  return {
    apply(values: TrainSettings) {
      controls.write(values);
      onSettingsInput();
    },
    player: {
      play: () => void train(),
      pause: () => void act(() => run.control('pause')),
      reset: () => void reset(),
      running: () => run.status?.state === 'running',
    },
    parts: {
      main: [progress.element, charts.loss],
      panels: [
        { label: 'Settings', content: [controls.element] },
        { label: 'Accuracy', content: [charts.accuracy] },
        { label: 'Test set', content: [report.summary, report.mistakes, report.weights] },
        { label: 'Models', content: [libraryView.element] },
      ],
    },
    reload() {
      controls.showFormError(null);
      void run.start(kit.settings()).then(() => libraryView.setStatus('The worker restarted: MNIST was reloaded and your saved model restored.'));
    },
    destroy() {
      // The run is the page's: it goes on. Only the view goes.
      charts.destroy();
      report.destroy();
    },
  };
}

