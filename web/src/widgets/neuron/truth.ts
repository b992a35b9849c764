// The network's truth table, as the core computed it: every unit's output on
// every input row beside the goal's, each row marked right or wrong with a
// symbol as well as a colour. The row fed into the figure is highlighted; a
// click on a row feeds it in.

import { GATE_INPUTS } from '../../protocol.ts';
import type { ThresholdTable } from '../../protocol-lessons.ts';
import { h } from '../../ui/dom.ts';
import { GOAL_LABELS, goalTargets, type Goal } from './settings.ts';

export interface TruthView {
  readonly element: HTMLElement;
  /** The table (null while the core has not answered), the goal and the row fed in. */
  show(table: ThresholdTable | null, goal: Goal, row: number): void;
}

export function createTruthView(onRow: (row: number) => void): TruthView {
  const goalHead = h('th', { scope: 'col' }, 'Goal');
  const body = h('tbody');
  const cells = GATE_INPUTS.map(([a, b], r) => {
    const c = { h1: h('td', { 'data-col': 'h1' }), h2: h('td', { 'data-col': 'h2' }), y: h('td', { 'data-col': 'y' }), goal: h('td', { 'data-col': 'goal' }), mark: h('td', { 'data-col': 'mark' }) };
    const tr = h('tr', { 'data-row': r }, h('td', {}, String(a)), h('td', {}, String(b)), c.h1, c.h2, c.y, c.goal, c.mark);
    tr.addEventListener('click', () => onRow(r));
    body.append(tr);
    return { tr, ...c };
  });
  const table = h(
    'table',
    { class: 'truth' },
    h('caption', {}, 'Truth table'),
    h('thead', {}, h('tr', {}, ...['x₁', 'x₂', 'h₁', 'h₂', 'y'].map((t) => h('th', { scope: 'col' }, t)), goalHead, h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Right?')))),
    body,
  );
  const verdict = h('p', { class: 'verdict', 'data-verdict': '' });
  const element = h('div', { class: 'truth-view' }, table, verdict);

  return {
    element,
    show(t, goal, row) {
      const targets = goalTargets(goal);
      goalHead.textContent = GOAL_LABELS[goal];
      let right = 0;
      cells.forEach((c, r) => {
        const out = (u: number): number | null => (t ? (t.outputs[r * t.units + u] ?? null) : null);
        c.h1.textContent = String(out(0) ?? '–');
        c.h2.textContent = String(out(1) ?? '–');
        const y = out(2);
        c.y.textContent = String(y ?? '–');
        c.goal.textContent = String(targets[r]);
        const ok = y === targets[r];
        right += ok ? 1 : 0;
        c.mark.textContent = y === null ? '' : ok ? '✓' : '✗';
        c.mark.title = ok ? 'right' : 'wrong';
        c.tr.dataset.correct = y === null ? '' : String(ok);
        if (r === row) c.tr.setAttribute('aria-current', 'true');
        else c.tr.removeAttribute('aria-current');
      });
      const done = t !== null && right === 4;
      verdict.dataset.verdict = t === null ? '' : done ? 'good' : 'bad';
      verdict.textContent = t === null ? '' : done ? `✓ y is ${GOAL_LABELS[goal]} on every row.` : `y matches ${GOAL_LABELS[goal]} on ${right} of 4 rows.`;
    },
  };
}
