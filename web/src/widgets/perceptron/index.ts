// "Rosenblatt's rule, one example at a time": the perceptron presented each
// example in turn, its prediction, its error and its update written out with
// the numbers, the line moving; the convergence theorem over generated sets;
// and, on XOR, the cycle it never leaves. Every number comes from the core.

import './perceptron.css';
import type { MarginStudyResult } from '../../../generated/mlp-simd.mjs';
import type { PerceptronLesson } from '../../protocol-lessons.ts';
import { h } from '../../ui/dom.ts';
import { createErrorLine } from '../kit/error-line.ts';
import { createTickets } from '../kit/tickets.ts';
import { defineWidget, type Kit } from '../kit/widget.ts';
import { createPlayer } from '../optimizers/player.ts';
import { createDataControls } from './controls.ts';
import { createCycleView } from './cycle.ts';
import { createPlot } from './plot.ts';
import { createPlayerControls } from './player-controls.ts';
import { createRuleView } from './rule.ts';
import { MAX_ADDED, PERCEPTRON_STATE, SPEEDS, decodePoint, encodePoint, gatePoints, maxEpochs, pointSet, type PerceptronSettings, type Point } from './settings.ts';
import { STUDY_MARGINS, STUDY_POINTS, STUDY_SETS, createTheoremView } from './theorem.ts';

export const { mount } = defineWidget({
  route: 'perceptron',
  title: 'Rosenblatt’s perceptron, one example at a time',
  lede: ['ŷ = step(w·x̂); when it is wrong, w ← w + η (y − ŷ) x̂. It stops on data a line splits, never on XOR.'],
  className: 'perceptron-widget',
  settings: PERCEPTRON_STATE,
  setup,
});

function setup(kit: Kit<typeof PERCEPTRON_STATE>) {
  let settings: PerceptronSettings = kit.settings();
  let points: Point[] = [];
  let lesson: PerceptronLesson | null = null;
  let study: MarginStudyResult | null = null;
  let studyKey = '';

  const change = (c: Partial<PerceptronSettings>): void => apply(kit.update(c));
  const controls = createDataControls(settings, change);
  const plot = createPlot({
    label: 'The data and the perceptron’s line. Click to add a point; with the plot focused, arrows move a cursor and Enter adds a point.',
    addLabel: () => controls.addLabel(),
    onAdd: (p) => {
      if (settings.added.length >= MAX_ADDED) {
        kit.notice([`At most ${MAX_ADDED} added points.`]);
        return;
      }
      change({ added: [...settings.added, encodePoint(p)], step: 0 });
      kit.announce(`Added a class ${p.label} point at (${p.x.toFixed(2)}, ${p.y.toFixed(2)}).`);
    },
  });
  const rule = createRuleView();
  const cycle = createCycleView();
  const theorem = createTheoremView();
  const status = h('p', { class: 'status', 'data-status': '' });
  const error = createErrorLine();
  const fail = error.fail;

  const player = createPlayer((st) => {
    const k = Math.floor(st.t + 1e-9);
    if (k !== settings.step) settings = kit.update({ step: k });
    render();
    bar.update(st.playing, k, lesson?.walk.steps ?? 0);
  });
  const bar = createPlayerControls(player, { speed: settings.speed, onSpeed: (speed) => change({ speed }) });

  const details = h('details', { class: 'card theorem-card', open: settings.theorem }, h('summary', {}, 'The convergence theorem: updates against the margin'), theorem.element);
  details.addEventListener('toggle', () => {
    if (details.open !== settings.theorem) change({ theorem: details.open });
  });

  kit.body.append(
    h(
      'div',
      { class: 'perceptron-grid' },
      h('div', { class: 'column' }, h('section', { class: 'card data-card', 'aria-label': 'Data' }, plot.element, controls.element), details),
      h(
        'div',
        { class: 'column' },
        h('section', { class: 'card rule-card', 'aria-label': 'The rule, step by step' }, h('h2', {}, 'Rosenblatt’s rule'), rule.element, bar.element, status, error.element),
        cycle.element,
      ),
    ),
  );

  const asked = createTickets();
  async function load(): Promise<void> {
    const mine = asked.take();
    let base: Point[];
    if (settings.data === 'cloud') {
      const c = await kit.request({ type: 'lesson-separable', n: settings.n, margin: settings.margin, seed: settings.seed }, { onError: fail });
      if (!c || !asked.current(mine)) return;
      base = Array.from(c.labels, (label, i) => ({ x: c.x[2 * i] ?? 0, y: c.x[2 * i + 1] ?? 0, label }));
    } else {
      base = gatePoints(settings.data);
    }
    const all = [...base, ...settings.added.map(decodePoint)];
    const r = await kit.request({ type: 'lesson-perceptron', data: pointSet(all), learningRate: Number(settings.lr), maxEpochs: maxEpochs(all.length) }, { onError: fail });
    if (!r || !asked.current(mine)) return;
    error.clear();
    points = all;
    lesson = r;
    player.load(r.walk.steps, Math.min(settings.step, r.walk.steps));
    kit.announce(r.walk.converged ? `Converges in ${(r.walk.epoch[r.walk.steps - 1] ?? 0) + 1} epochs.` : 'Does not converge on this data.');
  }

  async function loadStudy(): Promise<void> {
    const key = `${settings.seed}:${settings.lr}`;
    if (!settings.theorem || key === studyKey) return;
    studyKey = key;
    study = null;
    theorem.show(null);
    const r = await kit.request(
      { type: 'lesson-margins', margins: STUDY_MARGINS, sets: STUDY_SETS, points: STUDY_POINTS, seed: settings.seed, learningRate: Number(settings.lr), maxEpochs: 5000 },
      { onError: fail },
    );
    if (r && key === studyKey) {
      study = r;
      theorem.show(study);
    }
  }

  function render(): void {
    const walk = lesson?.walk ?? null;
    const k = Math.min(settings.step, walk?.steps ?? 0);
    const n = 3;
    const at = (a: Float32Array | undefined, i: number): Float32Array | null => (a && i >= 0 ? a.subarray(i * n, i * n + n) : null);
    plot.show({
      points,
      weights: at(walk?.after, k - 1) ?? new Float32Array(n),
      previous: k > 0 ? at(walk?.before, k - 1) : null,
      current: k > 0 ? (walk?.example[k - 1] ?? -1) : -1,
    });
    rule.show(walk, k, points.length, settings.lr);
    const c = lesson?.cycle ?? null;
    const rows = points.length;
    const inCycle = c && c.start >= 0 && k >= c.start * rows ? (k - c.start * rows) % (c.length * rows) : -1;
    cycle.show(c, rows, inCycle);
    if (!walk) status.textContent = '';
    else if (!walk.converged) status.textContent = `Does not converge: after ${(walk.epoch[walk.steps - 1] ?? 0) + 1} epochs it still makes mistakes.`;
    else if (k >= walk.steps) status.textContent = `Converged: epoch ${(walk.epoch[walk.steps - 1] ?? 0) + 1} went by without a mistake (${walk.error.filter((e) => e !== 0).length} updates in all).`;
    else status.textContent = `Step ${k} of ${walk.steps}: it stops after the first epoch without a mistake.`;
    status.dataset.status = !walk ? '' : walk.converged ? (k >= walk.steps ? 'converged' : 'running') : 'cycles';
  }

  function apply(next: PerceptronSettings): void {
    const before = settings;
    settings = next;
    controls.show(next);
    bar.setSpeed(next.speed);
    player.setRate(SPEEDS[next.speed]);
    details.open = next.theorem;
    const dataChanged = (['data', 'n', 'margin', 'seed', 'lr'] as const).some((key) => next[key] !== before[key]) || next.added.join() !== before.added.join();
    if (dataChanged) {
      player.pause();
      void load();
    } else if (next.step !== Math.floor(player.state.t + 1e-9)) {
      player.seek(next.step);
    }
    void loadStudy();
    render();
  }

  player.setRate(SPEEDS[settings.speed]);
  render();
  void load();
  void loadStudy();

  return {
    apply,
    keys: {
      ' ': () => player.toggle(),
      ArrowRight: () => player.step(),
      ArrowLeft: () => bar.back(),
      r: () => player.reset(),
    },
    reload() {
      studyKey = '';
      void load();
      void loadStudy();
    },
    destroy() {
      player.destroy();
    },
  };
}
