// "The first artificial neurons": McCulloch & Pitts' threshold units (1943),
// wired by hand into NOT, AND, OR and — in two layers — XOR, and Hebb's rule
// (1949) beside Rosenblatt's. Every output and weight comes from the core.

import './neuron.css';
import type { HebbVsPerceptronResult } from '../../../generated/mlp-simd.mjs';
import { GATE_INPUTS } from '../../protocol.ts';
import type { ThresholdTable } from '../../protocol-lessons.ts';
import { h } from '../../ui/dom.ts';
import { selectField } from '../kit/fields.ts';
import { createErrorLine } from '../kit/error-line.ts';
import { createTickets } from '../kit/tickets.ts';
import { defineWidget, type Kit } from '../kit/widget.ts';
import { gateTargets } from '../xor/gates.ts';
import { createFigure } from './figure.ts';
import { createHebbPanel } from './hebb.ts';
import { GOALS, GOAL_LABELS, HEBB_PRESENTATIONS, NEURON_STATE, goalTargets, thresholdNetwork, type NeuronSettings } from './settings.ts';
import { createTruthView } from './truth.ts';

const GATE_X = Float32Array.from(GATE_INPUTS.flat());

export const { mount } = defineWidget({
  route: 'neuron',
  title: 'The first artificial neurons: McCulloch–Pitts and Hebb',
  lede: ['Wire threshold units (1943) until y computes the goal — XOR needs two layers. Then try Hebb’s rule.'],
  className: 'neuron-widget',
  settings: NEURON_STATE,
  setup,
});

function setup(kit: Kit<typeof NEURON_STATE>) {
  let settings: NeuronSettings = kit.settings();
  let table: ThresholdTable | null = null;
  let hebbRun: HebbVsPerceptronResult | null = null;
  let wasBuilt = false;

  const change = (changes: Partial<NeuronSettings>): void => apply(kit.update(changes));
  const figure = createFigure(settings, {
    onSynapse: (k, kind) => change({ syn: settings.syn.map((v, i) => (i === k ? kind : v)) }),
    onThreshold: (u, v) => change({ th: settings.th.map((t, i) => (i === u ? v : t)) }),
    onRow: (row) => change({ row }),
  });
  const truth = createTruthView((row) => change({ row }));
  const goal = selectField({ label: 'Goal', name: 'goal', options: GOALS.map((g) => ({ value: g, label: GOAL_LABELS[g] })), value: settings.goal, onChange: (v) => change({ goal: v }) });
  const clear = h('button', { type: 'button', class: 'button small', 'data-action': 'clear' }, 'Unwire all');
  clear.addEventListener('click', () => change({ syn: settings.syn.map(() => 'n'), th: settings.th.map(() => 1) }));
  const hebb = createHebbPanel(settings, { onChange: change });
  const error = createErrorLine();
  const fail = error.fail;

  kit.body.append(
    h(
      'div',
      { class: 'neuron-grid' },
      h(
        'section',
        { class: 'card mcp', 'aria-label': 'McCulloch–Pitts units' },
        h('div', { class: 'card-head' }, h('h2', {}, 'McCulloch & Pitts (1943)'), h('div', { class: 'mcp-tools' }, goal.element, clear)),
        figure.element,
        h('p', { class: 'card-note' }, 'A unit fires when ≥ θ excitatory (+) inputs are on and no inhibitory (−) one is. Click a link to cycle none → + → −, or drag from a node to a unit; click a unit (↑/↓) for θ; click x₁, x₂ to flip them.'),
        truth.element,
        error.element,
      ),
      hebb.element,
    ),
  );

  const tableAsked = createTickets();
  async function askTable(): Promise<void> {
    const mine = tableAsked.take();
    const r = await kit.request({ type: 'lesson-threshold', network: thresholdNetwork(settings) }, { onError: fail });
    if (!r || !tableAsked.current(mine)) return;
    error.clear();
    table = r;
    render();
    const built = truthMatches();
    if (built && !wasBuilt) kit.announce(`y now computes ${GOAL_LABELS[settings.goal]} on every row.`);
    wasBuilt = built;
  }

  const hebbAsked = createTickets();
  async function askHebb(): Promise<void> {
    const mine = hebbAsked.take();
    hebbRun = null;
    const labels = Int32Array.from(gateTargets(settings.hgate));
    const r = await kit.request({ type: 'lesson-hebb', data: { x: GATE_X, labels }, learningRate: Number(settings.heta), presentations: HEBB_PRESENTATIONS }, { onError: fail });
    if (!r || !hebbAsked.current(mine)) return;
    hebbRun = r;
    render();
  }

  /** The output column (unit y) equals the goal's on every row. */
  function truthMatches(): boolean {
    const t = table;
    return t !== null && goalTargets(settings.goal).every((v, r) => t.outputs[r * t.units + t.units - 1] === v);
  }

  function render(): void {
    const fired = table ? [0, 1, 2].map((u) => table?.outputs[settings.row * 3 + u] ?? 0) : null;
    figure.show(settings, fired);
    truth.show(table, settings.goal, settings.row);
    hebb.show(hebbRun, settings, gateTargets(settings.hgate));
  }

  function apply(next: NeuronSettings): void {
    const before = settings;
    settings = next;
    goal.set(next.goal);
    const wiring = next.syn.join() !== before.syn.join() || next.th.join() !== before.th.join();
    if (wiring) void askTable();
    if (next.goal !== before.goal) wasBuilt = truthMatches();
    if (next.hgate !== before.hgate || next.heta !== before.heta) void askHebb();
    render();
  }

  render();
  void askTable();
  void askHebb();

  return {
    apply,
    keys: {
      ArrowRight: () => change({ hk: Math.min(HEBB_PRESENTATIONS, settings.hk + 1) }),
      ArrowLeft: () => change({ hk: Math.max(0, settings.hk - 1) }),
    },
    reload() {
      void askTable();
      void askHebb();
    },
    destroy() {
      hebb.destroy();
    },
  };
}
