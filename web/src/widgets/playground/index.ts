// "A decision-boundary playground": TF Playground's network on the plane —
// data sets, noise, the train/test split, batch size, input features, up to
// six hidden layers of eight, activation, L1/L2, learning rate, each
// neuron's own map, the loss curves, play/step/reset — and beyond it: up to
// six classes with softmax, all six optimizers, points drawn by hand, and a
// link that reproduces the picture bit for bit. Every number comes from the
// WASM core in the worker (a training job); this file wires the views.

import './playground.css';
import './network.css';
import './output.css';
import './embed.css';
import type { Vocabulary } from '../../../generated/mlp-simd.mjs';
import type { NeuronRef, PgMaps } from '../../protocol-playground.ts';
import { h } from '../../ui/dom.ts';
import { createErrorLine } from '../kit/error-line.ts';
import { defineWidget, type Kit } from '../kit/widget.ts';
import { classPixels, signedPixels, unitPixels, valuePixels, CLASS_COLORS, NEUTRAL } from './colors.ts';
import { createControls } from './controls.ts';
import { createDataPanel, SET_LABELS } from './data-panel.ts';
import { createLossView } from './loss-view.ts';
import { createNetworkView } from './network-view.ts';
import { createOutputView } from './output-view.ts';
import type { ShownPoints } from './points.ts';
import { createRun, GRID, NEURON_GRID } from './run.ts';
import { VIEW_ONLY, classesOf, modelKey, playgroundTable, type PlaygroundSettings, type PlaygroundTable } from './settings.ts';

let vocabulary: Vocabulary | null = null;

export const { mount } = defineWidget({
  route: 'playground',
  title: 'Decision-boundary playground',
  lede: [
    'TensorFlow Playground’s experiment on the plane, run by our core: choose the data and the inputs, ',
    'shape the network, press play and watch each neuron and the boundary learn. Draw your own points; ',
    'the link reproduces the picture exactly.',
  ],
  className: 'playground-widget',
  settings: (v: Vocabulary) => {
    vocabulary = v;
    return playgroundTable(v);
  },
  setup,
});

/** FNV-1a over the output's bytes: equal digests, equal pictures (the browser tests compare them). */
function digest(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let hash = 0x811c9dc5;
  for (const b of bytes) hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

function setup(kit: Kit<PlaygroundTable>) {
  const v = vocabulary;
  if (!v) throw new Error('the playground needs the core’s vocabulary');
  let s: PlaygroundSettings = kit.settings();
  let key = modelKey(s);
  let playing = false;
  let lastMaps: { m: PgMaps; focus: NeuronRef | null } | null = null;
  let lastData: ShownPoints | null = null;

  const change = (changes: Partial<PlaygroundSettings>): void => {
    const viewOnly = Object.keys(changes).every((k) => (VIEW_ONLY as readonly string[]).includes(k));
    apply(kit.update(viewOnly ? changes : { ...changes, at: 0 }));
  };
  const errors = createErrorLine();
  const play = (): void => {
    playing = true;
    run.play(s);
  };
  const pause = (): void => {
    playing = false;
    run.pause();
  };
  const reset = (): void => {
    playing = false;
    run.reset();
  };
  const controls = createControls(v, kit.table, { onChange: change, onPlay: play, onPause: pause, onStep: () => run.step(), onReset: reset });
  const data = createDataPanel(v, change);
  const network = createNetworkView({ featureNames: v.playground.features, onChange: change, onFocus: (ref) => run.focus(ref) });
  const output = createOutputView({ maxDrawn: v.playground.limits.drawn.max, onChange: change });
  const loss = createLossView();

  // The figure: the network, the loss and the output (in the site its parts
  // are cells of the page's grid; in an embed it is the frame's figure, with
  // the player in its slot and the bar's fields and the data as tabs).
  const playerSlot = h('div', { class: 'pg-player' });
  const figure = h('div', { class: 'pg-figure' }, playerSlot, network.element, h('div', { class: 'pg-side' }, loss.element, output.element));
  kit.body.append(h('div', { class: 'pg-grid' }, h('div', { class: 'pg-bar' }, controls.element, errors.element), data.element, figure));
  const embedded = kit.root.hasAttribute('data-embed');
  if (embedded) playerSlot.append(controls.player, errors.element);

  function paintOutput(): void {
    if (!lastMaps) return;
    const { m, focus } = lastMaps;
    const cells = GRID.nx * GRID.ny;
    const k = classesOf(v as Vocabulary, s);
    if (focus) {
      const out = focus.layer === s.layers.length;
      const px = out && m.outputs > 1 ? unitPixels(m.focus ?? m.output, cells, 1, 0, CLASS_COLORS[focus.unit] ?? NEUTRAL) : signedPixels(m.focus ?? m.output, cells);
      const name = out ? `Output neuron ${focus.unit + 1}` : `Hidden layer ${focus.layer + 1}, neuron ${focus.unit + 1}`;
      output.setMap(px, GRID.nx, GRID.ny, `${name}, shown large (move away for the output)`, digest(m.output));
      return;
    }
    const px = k > 0 ? classPixels(m.output, cells, k, s.disc) : valuePixels(m.output, cells, s.disc);
    const what = k > 0 ? `Output: the class the network favours, as strongly as it favours it (${k} classes, softmax)` : 'Output: the predicted value, −1 (orange) to +1 (blue)';
    output.setMap(px, GRID.nx, GRID.ny, what, digest(m.output));
  }

  const run = createRun(kit, v, {
    building: () => {
      loss.clear();
      errors.clear();
    },
    data: (d, batch) => {
      lastData = { data: d, drawnFrom: d.train - Math.floor(s.pts.length / 3), showTest: s.test };
      output.setPoints(lastData);
      data.setCounts(d.train, d.test, batch);
    },
    state: (state, epoch) => {
      controls.setRun(state, epoch);
      kit.root.dataset.state = state;
      // Playing carries over a rebuild (a change while playing plays on); a pause, an end or a reset stops it.
      if (state === 'running') playing = true;
      else if (state !== 'busy' && state !== 'idle') playing = false;
    },
    epochs: (list) => {
      for (const e of list) loss.add(e.epoch, e.trainLoss, e.validationLoss);
    },
    maps: (m, focus) => {
      lastMaps = { m, focus };
      network.setMaps(m, NEURON_GRID);
      paintOutput();
      loss.setNow(m.train.loss, m.test?.loss ?? NaN, classesOf(v, s) > 0 ? m.train.accuracy : NaN, classesOf(v, s) > 0 ? (m.test?.accuracy ?? NaN) : NaN);
      if (run.epoch() === 0) loss.add(0, m.train.loss, m.test?.loss ?? NaN);
      kit.root.dataset.steps = String(m.steps);
    },
    fail: (f) => errors.fail(f),
    ok: () => errors.clear(),
  });

  function show(next: PlaygroundSettings): void {
    controls.show(next);
    data.show(next);
    const k = classesOf(v as Vocabulary, next);
    network.show(next, k === 0 ? 1 : k);
    figure.dataset.layers = String(next.layers.length);
    output.show(next);
    output.setClasses(k);
  }

  function apply(next: PlaygroundSettings): void {
    const before = s;
    s = next;
    show(next);
    const nextKey = modelKey(next);
    if (nextKey !== key || next.at !== run.epoch()) {
      key = nextKey;
      run.build(next, playing);
      kit.announce(`${SET_LABELS[next.data]}: a new network, from epoch ${next.at}.`);
      return;
    }
    if (next.disc !== before.disc) paintOutput();
    if (next.test !== before.test && lastData) {
      lastData = { ...lastData, showTest: next.test };
      output.setPoints(lastData);
    }
    if (next.speed !== before.speed && run.running()) run.play(next);
  }

  show(s);
  run.build(s, false);
  // The set picker's thumbnails: each set's own points, as the core draws them.
  void (async () => {
    for (const { name } of v.playground.sets) {
      const d = await kit.request({ type: 'pg-data', data: { set: name, points: 250, seed: 1 } });
      if (!d) return;
      data.setThumbnail(name, d);
    }
  })();

  return {
    apply,
    player: { play, pause, step: () => run.step(), reset, running: () => run.running() },
    parts: { main: figure, panels: [{ label: 'Training', content: [controls.fields] }, data.element] },
    keys: {
      ' ': () => (run.running() ? pause() : play()),
      ArrowRight: () => run.step(),
      r: reset,
    },
    reload() {
      run.lost();
      run.build(s, false);
    },
    destroy() {
      run.close();
      loss.destroy();
      output.destroy();
      network.destroy();
    },
  };
}
