// The network as a computation graph: inputs, hidden units, outputs and the
// error E, with every value the core computed for the step reached — forward,
// each unit's sᵢ and xᵢ; backward, its ∂E/∂xᵢ, ∂xᵢ/∂sᵢ and ∂E/∂sᵢ; on every
// edge its weight and, once the backward pass has reached it, ∂E/∂w. Click an
// edge (or Enter on it) to write its chain rule out below.

import type { BackpropTraceResult } from '../../../generated/mlp-simd.mjs';
import { h } from '../../ui/dom.ts';
import { num } from '../../ui/numbers.ts';
import { s, type SvgChild } from '../../ui/svg.ts';
import { PHASES, unitName, type Param, type Phase } from './settings.ts';

export interface GraphState {
  params: readonly Param[];
  weights: ArrayLike<number>;
  trace: BackpropTraceResult | null;
  x: readonly number[];
  t: readonly number[];
  phase: Phase;
  selected: number;
}

export interface Graph {
  readonly element: HTMLElement;
  show(st: GraphState): void;
}

const W = 560;
const H = 320;
const COL = [32, 210, 410, 520];
const INPUT_W = 56;
const LABEL_W = 56;
const BOX = { w: 112, h: 72 };

function column(n: number, gap: number): number[] {
  return Array.from({ length: n }, (_, i) => H / 2 + (i - (n - 1) / 2) * gap);
}

const past = (phase: Phase, reached: Phase): boolean => PHASES.indexOf(phase) >= PHASES.indexOf(reached);

function box(cx: number, cy: number, wid: number, hgt: number, cls: string, title: string, lines: readonly string[]): SVGElement {
  return s(
    'g',
    { class: `node ${cls}` },
    s('rect', { x: cx - wid / 2, y: cy - hgt / 2, width: wid, height: hgt, rx: 8 }),
    s('text', { class: 'unit', x: cx - wid / 2 + 6, y: cy - hgt / 2 + (lines.length ? 13 : hgt / 2 + 4) }, title),
    ...lines.map((line, i) => s('text', { class: line.startsWith('∂') ? 'grad' : 'val', x: cx - wid / 2 + 6, y: cy - hgt / 2 + 26 + i * 11 }, line)),
  );
}

export function createGraph(onSelect: (param: number) => void): Graph {
  const svg = s('svg', { class: 'graph', viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-label': 'Computation graph of the network' });
  svg.addEventListener('click', (e) => {
    const k = (e.target as Element).closest('[data-param]')?.getAttribute('data-param');
    if (k) onSelect(Number(k));
  });
  svg.addEventListener('keydown', (e) => {
    const k = (e.target as Element).closest('[data-param]')?.getAttribute('data-param');
    if (k && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onSelect(Number(k));
    }
  });

  return {
    element: h('div', { class: 'graph-frame' }, svg),
    show(st) {
      const { trace, phase } = st;
      const hidden = st.params.filter((p) => p.layer === 0 && p.kind === 'b').length;
      const outputs = st.params.filter((p) => p.layer === 1 && p.kind === 'b').length;
      const ys = [column(2, 150), column(hidden, hidden === 3 ? 100 : 140), column(outputs, 130)];
      const layerTrace = (l: number) => trace?.layers[l];
      const lines = (l: 0 | 1, i: number): string[] => {
        const lt = layerTrace(l);
        if (!lt || !past(phase, l === 0 ? 'hidden' : 'output')) return ['s = ?', 'x = ?'];
        const out = [`s = ${num(lt.s[i] ?? NaN)}`, `x = ${num(lt.x[i] ?? NaN)}`];
        if (past(phase, l === 1 ? 'back-output' : 'back-hidden'))
          out.push(`∂E/∂x = ${num(lt.dEdx[i] ?? NaN)}`, `∂x/∂s = ${num(lt.dxds[i] ?? NaN)}`, `∂E/∂s = ${num(lt.dEds[i] ?? NaN)}`);
        return out;
      };

      const edges: SvgChild[] = [];
      const labels: SvgChild[] = [];
      st.params.forEach((p, k) => {
        if (p.kind !== 'w') return;
        const x1 = COL[p.layer] ?? 0;
        const x2 = COL[p.layer + 1] ?? 0;
        const y1 = ys[p.layer]?.[p.from] ?? 0;
        const y2 = ys[p.layer + 1]?.[p.to] ?? 0;
        const ax = x1 + (p.layer === 0 ? INPUT_W / 2 : BOX.w / 2);
        const bx = x2 - BOX.w / 2;
        const sel = k === st.selected;
        edges.push(s('line', { class: sel ? 'edge selected' : 'edge', x1: ax, y1, x2: bx, y2 }));
        const t = 0.3; // labels near their source unit, where edges fan out
        const lx = ax + t * (bx - ax);
        const ly = y1 + t * (y2 - y1);
        const g = trace && past(phase, p.layer === 1 ? 'back-output' : 'back-hidden') ? trace.gradient[k] : undefined;
        const w = st.weights[k] ?? NaN;
        // One text, so the name read out holds exactly what is shown (then the full names).
        const shown = `w ${num(w, 3)}`;
        const grad = g === undefined ? '' : ` ∂ ${num(g, 3)}`;
        const text = s(
          'text',
          { x: lx, y: ly - (g === undefined ? -3 : 2), 'text-anchor': 'middle' },
          s('tspan', { class: 'w' }, shown),
          g === undefined ? null : s('tspan', { class: 'g', x: lx, dy: 11 }, grad),
        );
        labels.push(
          s(
            'g',
            { class: sel ? 'edge-label selected' : 'edge-label', 'data-param': k, role: 'button', tabindex: 0, 'aria-pressed': String(sel), 'aria-label': `${p.label}: ${shown}${grad}` },
            s('title', {}, `${p.label} = ${num(w)}${g === undefined ? '' : `, ∂E/∂w = ${num(g)}`}`),
            s('rect', { x: lx - LABEL_W / 2, y: ly - (g === undefined ? 8 : 11), width: LABEL_W, height: g === undefined ? 14 : 23, rx: 4 }),
            text,
          ),
        );
      });

      const nodes: SvgChild[] = [];
      st.x.forEach((v, k) => nodes.push(box(COL[0] ?? 0, ys[0]?.[k] ?? 0, INPUT_W, 34, 'input', `${unitName(-1, k)} = ${num(v)}`, [])));
      for (let j = 0; j < hidden; j++) nodes.push(box(COL[1] ?? 0, ys[1]?.[j] ?? 0, BOX.w, BOX.h, 'hidden', unitName(0, j), lines(0, j)));
      for (let i = 0; i < outputs; i++) nodes.push(box(COL[2] ?? 0, ys[2]?.[i] ?? 0, BOX.w, BOX.h, 'output', unitName(1, i), lines(1, i)));
      const lossY = H / 2;
      const lossLines = [`t = ${st.t.map((v) => num(v)).join(', ')}`, past(phase, 'loss') && trace ? `E = ${num(trace.loss)}` : 'E = ?'];
      const lossBox = s(
        'g',
        { class: 'node loss' },
        s('rect', { x: (COL[3] ?? 0) - 36, y: lossY - 24, width: 72, height: 48, rx: 8 }),
        ...lossLines.map((line, i) => s('text', { class: 'val', x: (COL[3] ?? 0) - 30, y: lossY - 6 + i * 15 }, line)),
      );
      for (let i = 0; i < outputs; i++) edges.push(s('line', { class: 'edge loss-edge', x1: (COL[2] ?? 0) + BOX.w / 2, y1: ys[2]?.[i] ?? 0, x2: (COL[3] ?? 0) - 36, y2: lossY }));
      svg.replaceChildren(...(edges.filter(Boolean) as SVGElement[]), ...(nodes as SVGElement[]), lossBox, ...(labels as SVGElement[]));
      svg.dataset.phase = phase;
    },
  };
}
