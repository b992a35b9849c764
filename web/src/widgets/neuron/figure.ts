// The wiring figure: inputs x₁, x₂, hidden units h₁, h₂ and the output y,
// drawn as McCulloch and Pitts drew them — a connection ends in an arrow when
// excitatory and in a bar when inhibitory (and says + or −, so colour is never
// the only cue). Click a connection to cycle it (none → + → − → none), drag
// from a node to a unit to connect them, click a unit (or use ↑/↓ on it) to
// change its threshold, click an input to flip it. The figure shows the units'
// outputs for the input row fed in; every output comes from the core.

import { h } from '../../ui/dom.ts';
import { s, svgPoint } from '../../ui/svg.ts';
import { MAX_THRESHOLD, SLOTS, UNITS, type NeuronSettings, type NodeName, type Synapse, type UnitName, nextSynapse } from './settings.ts';

export interface FigureHandlers {
  onSynapse(slot: number, kind: Synapse): void;
  onThreshold(unit: number, value: number): void;
  /** The input row (0–3) to feed in. */
  onRow(row: number): void;
}

export interface Figure {
  readonly element: HTMLElement;
  /** The settings and, for the row fed in, each unit's output (h₁, h₂, y), or null before the core answered. */
  show(s: NeuronSettings, fired: readonly number[] | null): void;
}

const POS: Record<NodeName, { x: number; y: number }> = {
  x1: { x: 52, y: 62 },
  x2: { x: 52, y: 188 },
  h1: { x: 220, y: 52 },
  h2: { x: 220, y: 198 },
  y: { x: 384, y: 125 },
};
const R = 25;
const NAMES: Record<NodeName, string> = { x1: 'x₁', x2: 'x₂', h1: 'h₁', h2: 'h₂', y: 'y' };
const KIND_TEXT: Record<Synapse, string> = { n: 'not connected', e: 'excitatory', i: 'inhibitory' };
const DRAG_PX = 6;

/** The connection's path from edge to edge; x → y bows out so it clears the hidden units. */
function route(from: NodeName, to: UnitName): { d: string; mid: { x: number; y: number }; end: { x: number; y: number }; dir: { x: number; y: number } } {
  const a = POS[from];
  const b = POS[to];
  const bow = to === 'y' && from.startsWith('x') ? (from === 'x1' ? 22 : -22) : 0;
  const c = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 + bow };
  const ux = (c.x - a.x) / Math.hypot(c.x - a.x, c.y - a.y);
  const uy = (c.y - a.y) / Math.hypot(c.x - a.x, c.y - a.y);
  const vx = (b.x - c.x) / Math.hypot(b.x - c.x, b.y - c.y);
  const vy = (b.y - c.y) / Math.hypot(b.x - c.x, b.y - c.y);
  const start = { x: a.x + ux * R, y: a.y + uy * R };
  const end = { x: b.x - vx * (R + 3), y: b.y - vy * (R + 3) };
  // The +/− badge two thirds along, so badges of crossing links stay apart.
  const t = 0.66;
  const mid = { x: (1 - t) ** 2 * start.x + 2 * t * (1 - t) * c.x + t * t * end.x, y: (1 - t) ** 2 * start.y + 2 * t * (1 - t) * c.y + t * t * end.y };
  return { d: `M${start.x},${start.y} Q${c.x},${c.y} ${end.x},${end.y}`, mid, end, dir: { x: vx, y: vy } };
}

function endMark(kind: Synapse, end: { x: number; y: number }, dir: { x: number; y: number }): SVGElement | null {
  const px = -dir.y;
  const py = dir.x;
  if (kind === 'e') {
    const bx = end.x - dir.x * 10;
    const by = end.y - dir.y * 10;
    return s('path', { class: 'tip', d: `M${end.x},${end.y} L${bx + px * 6},${by + py * 6} L${bx - px * 6},${by - py * 6} Z` });
  }
  if (kind === 'i') return s('path', { class: 'tip', d: `M${end.x + px * 9},${end.y + py * 9} L${end.x - px * 9},${end.y - py * 9}` });
  return null;
}

export function createFigure(initial: NeuronSettings, handlers: FigureHandlers): Figure {
  let settings = initial;
  const svg = s('svg', { viewBox: '0 0 440 250', class: 'mcp-figure', role: 'group', 'aria-label': 'McCulloch–Pitts network: inputs x₁ and x₂, hidden units h₁ and h₂, output y' });
  const links = s('g', { class: 'links' });
  const nodes = s('g', { class: 'nodes' });
  const ghost = s('path', { class: 'drag-line', d: '' });
  svg.append(links, ghost, nodes);

  const slotEls = SLOTS.map((slot, k) => {
    const r = route(slot.from, slot.to);
    const g = s('g', { class: 'syn', 'data-slot': k, role: 'button', tabindex: 0 });
    const badge = s('g', { class: 'badge' }, s('circle', { cx: r.mid.x, cy: r.mid.y, r: 8 }), s('text', { x: r.mid.x, y: r.mid.y + 4, 'text-anchor': 'middle' }, ''));
    g.append(s('path', { class: 'hit', d: r.d }), s('path', { class: 'line', d: r.d }), badge);
    const cycle = (): void => handlers.onSynapse(k, nextSynapse(settings.syn[k] ?? 'n'));
    g.addEventListener('click', cycle);
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        cycle();
      }
    });
    links.append(g);
    return { g, r, badge };
  });

  const unitEls = UNITS.map((u, i) => {
    const p = POS[u];
    const value = s('text', { class: 'theta', x: p.x, y: p.y + 5, 'text-anchor': 'middle' });
    const out = s('text', { class: 'out', x: p.x + R + 4, y: p.y - R + 2 });
    const g = s(
      'g',
      { class: 'unit', 'data-node': u, role: 'spinbutton', tabindex: 0, 'aria-valuemin': 0, 'aria-valuemax': MAX_THRESHOLD, 'aria-label': `Threshold of ${NAMES[u]}` },
      s('circle', { cx: p.x, cy: p.y, r: R }),
      s('text', { class: 'name', x: p.x, y: p.y - R - 6, 'text-anchor': 'middle' }, NAMES[u]),
      value,
      out,
    );
    const set = (v: number): void => handlers.onThreshold(i, (v + MAX_THRESHOLD + 1) % (MAX_THRESHOLD + 1));
    g.addEventListener('keydown', (e) => {
      const now = settings.th[i] ?? 1;
      const step = e.key === 'ArrowUp' || e.key === 'ArrowRight' || e.key === '+' ? 1 : e.key === 'ArrowDown' || e.key === 'ArrowLeft' || e.key === '-' ? -1 : 0;
      if (step === 0 || now + step < 0 || now + step > MAX_THRESHOLD) return;
      e.preventDefault();
      set(now + step);
    });
    nodes.append(g);
    return { g, value, out, click: () => set((settings.th[i] ?? 1) + 1) };
  });

  const inputEls = (['x1', 'x2'] as const).map((x, i) => {
    const p = POS[x];
    const value = s('text', { class: 'theta', x: p.x, y: p.y + 6, 'text-anchor': 'middle' });
    const g = s('g', { class: 'input', 'data-node': x, role: 'switch', tabindex: 0, 'aria-label': `Input ${NAMES[x]}` }, s('circle', { cx: p.x, cy: p.y, r: R }), s('text', { class: 'name', x: p.x, y: p.y - R - 6, 'text-anchor': 'middle' }, NAMES[x]), value);
    const bit = 1 - i; // x₁ is the row's high bit
    const flip = (): void => handlers.onRow(settings.row ^ (1 << bit));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        flip();
      }
    });
    nodes.append(g);
    return { g, value, bit, click: flip };
  });

  // Pointer: a press that moves is a drag from a node to a unit (connect);
  // one that does not is a click on the node (threshold, or flip an input).
  let drag: { from: NodeName; x0: number; y0: number; moved: boolean; id: number } | null = null;
  svg.addEventListener('pointerdown', (e) => {
    const node = (e.target as Element).closest('[data-node]')?.getAttribute('data-node') as NodeName | null;
    if (!node || e.button > 0) return;
    drag = { from: node, x0: e.clientX, y0: e.clientY, moved: false, id: e.pointerId };
    svg.setPointerCapture(e.pointerId);
    e.preventDefault();
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    if (Math.hypot(e.clientX - drag.x0, e.clientY - drag.y0) > DRAG_PX) drag.moved = true;
    if (!drag.moved) return;
    const a = POS[drag.from];
    const p = svgPoint(svg, e);
    ghost.setAttribute('d', `M${a.x},${a.y} L${p.x},${p.y}`);
  });
  const end = (e: PointerEvent): void => {
    if (!drag || e.pointerId !== drag.id) return;
    const { from, moved } = drag;
    drag = null;
    ghost.setAttribute('d', '');
    if (!moved) {
      if (from === 'x1' || from === 'x2') inputEls.find((el) => el.g.dataset.node === from)?.click();
      else unitEls[UNITS.indexOf(from)]?.click();
      return;
    }
    if (e.type === 'pointercancel') return;
    const over = document.elementFromPoint(e.clientX, e.clientY)?.closest('[data-node]')?.getAttribute('data-node');
    const k = SLOTS.findIndex((slot) => slot.from === from && slot.to === over);
    if (k >= 0 && settings.syn[k] === 'n') handlers.onSynapse(k, 'e');
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);

  const element = h('div', { class: 'figure-frame' }, svg);
  return {
    element,
    show(next, fired) {
      settings = next;
      slotEls.forEach(({ g, r, badge }, k) => {
        const kind = next.syn[k] ?? 'n';
        const slot = SLOTS[k];
        if (!slot) return;
        g.dataset.kind = kind;
        g.setAttribute('aria-label', `${NAMES[slot.from]} to ${NAMES[slot.to]}: ${KIND_TEXT[kind]}`);
        g.querySelector('.tip')?.remove();
        const tip = endMark(kind, r.end, r.dir);
        if (tip) g.insertBefore(tip, badge);
        const sign = badge.querySelector('text');
        if (sign) sign.textContent = kind === 'e' ? '+' : kind === 'i' ? '−' : '';
      });
      const bits = [(next.row >> 1) & 1, next.row & 1];
      inputEls.forEach((el, i) => {
        const v = bits[i] ?? 0;
        el.value.textContent = String(v);
        el.g.setAttribute('aria-checked', String(v === 1));
        el.g.dataset.on = String(v === 1);
      });
      unitEls.forEach((el, i) => {
        const th = next.th[i] ?? 1;
        el.value.textContent = `θ=${th}`;
        el.g.setAttribute('aria-valuenow', String(th));
        const f = fired?.[i];
        el.g.dataset.on = String(f === 1);
        el.out.textContent = f === undefined ? '' : `→ ${f}`;
        el.g.setAttribute('aria-valuetext', `θ = ${th}${f === undefined ? '' : `; fires ${f}`}`);
      });
    },
  };
}
