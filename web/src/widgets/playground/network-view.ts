// The network as TF Playground draws it: the input features (click one to
// feed it in or leave it out), the hidden layers (+ and − for layers and for
// units), the output, each node with its own small map, and the links between
// them as wide as their weights are large, blue for positive and orange for
// negative. Hovering, focusing or tapping a neuron shows its map large in the
// output figure. Structure changes go to the settings; pictures come in as
// the worker's maps.

import type { FeatureName } from '../../../generated/mlp-simd.mjs';
import type { Grid2D } from '../../protocol.ts';
import type { NeuronRef, PgMaps } from '../../protocol-playground.ts';
import { h } from '../../ui/dom.ts';
import { formatNumber } from '../kit/fields.ts';
import { CLASS_COLORS, CLASS_NAMES, NEUTRAL, maxAbs, signedPixels, unitPixels, weightColor } from './colors.ts';
import { MAX_LAYERS, MAX_UNITS, features as activeFeatures, type PlaygroundSettings } from './settings.ts';
import { createTile, type Tile } from './tile.ts';

export const FEATURE_LABELS: Readonly<Record<FeatureName, string>> = {
  x1: 'X₁',
  x2: 'X₂',
  x1sq: 'X₁²',
  x2sq: 'X₂²',
  x1x2: 'X₁X₂',
  sinx1: 'sin(X₁)',
  sinx2: 'sin(X₂)',
};

const SVG = 'http://www.w3.org/2000/svg';

export interface NetworkViewOptions {
  /** Every feature, in the order the maps give them. */
  featureNames: readonly FeatureName[];
  onChange(changes: Partial<PlaygroundSettings>): void;
  /** A neuron to show large (hovered, focused or pinned), or null for the output. */
  onFocus(ref: NeuronRef | null): void;
}

export interface NetworkView {
  readonly element: HTMLElement;
  /** The settings, and the output units (classes, or 1 for regression). */
  show(s: PlaygroundSettings, outputs: number): void;
  setMaps(m: PgMaps, neuronGrid: Grid2D): void;
  destroy(): void;
}

interface Node {
  el: HTMLElement;
  tile: Tile;
}

export function createNetworkView(o: NetworkViewOptions): NetworkView {
  const svg = document.createElementNS(SVG, 'svg');
  svg.classList.add('net-links');
  svg.setAttribute('aria-hidden', 'true');
  const columns = h('div', { class: 'net-columns' });
  const body = h('div', { class: 'net-body' }, svg, columns);
  const layerCount = h('span', { class: 'layer-count' });
  const addLayer = h('button', { type: 'button', class: 'button small', 'aria-label': 'Add a hidden layer' }, '+');
  const removeLayer = h('button', { type: 'button', class: 'button small', 'aria-label': 'Remove the last hidden layer' }, '−');
  const element = h(
    'section',
    { class: 'card network-card', 'aria-label': 'Network' },
    h('div', { class: 'net-head' }, h('h2', {}, 'Network'), removeLayer, addLayer, layerCount),
    body,
  );

  let s: PlaygroundSettings | null = null;
  let structure = '';
  let featureNodes: Node[] = [];
  /** Per layer (hidden, then output), its units' nodes. */
  let layerNodes: Node[][] = [];
  let links: { path: SVGPathElement; title: SVGTitleElement; layer: number; from: number; to: number }[] = [];
  let params: Float32Array | null = null;
  let pinned: NeuronRef | null = null;

  const layers = (): number[] => [...(s?.layers ?? [])];
  addLayer.addEventListener('click', () => o.onChange({ layers: [...layers(), 2] }));
  removeLayer.addEventListener('click', () => o.onChange({ layers: layers().slice(0, -1) }));

  function neuronButton(ref: NeuronRef, label: string): Node {
    const tile = createTile(label);
    const el = h('button', { type: 'button', class: 'node neuron', 'aria-label': label, 'aria-pressed': 'false', 'data-layer': ref.layer, 'data-unit': ref.unit }, tile.canvas);
    const same = (a: NeuronRef | null): boolean => a !== null && a.layer === ref.layer && a.unit === ref.unit;
    el.addEventListener('pointerenter', () => o.onFocus(ref));
    el.addEventListener('pointerleave', () => o.onFocus(pinned));
    el.addEventListener('focus', () => o.onFocus(ref));
    el.addEventListener('blur', () => o.onFocus(pinned));
    el.addEventListener('click', () => {
      pinned = same(pinned) ? null : ref;
      for (const n of layerNodes.flat()) n.el.setAttribute('aria-pressed', String(n.el === el && pinned !== null));
      o.onFocus(pinned ?? ref);
    });
    return { el, tile };
  }

  function column(title: string | HTMLElement, controls: HTMLElement | null, nodes: HTMLElement[]): HTMLElement {
    return h('div', { class: 'net-column' }, h('div', { class: 'column-head' }, h('span', { class: 'column-title' }, title), controls), h('div', { class: 'column-nodes' }, ...nodes));
  }
  // "8 neurons"; a narrow frame shows the number alone.
  const unitsTitle = (units: number): HTMLElement => h('span', {}, String(units), h('span', { class: 'unit-word' }, ` neuron${units === 1 ? '' : 's'}`));

  function unitControls(l: number, units: number): HTMLElement {
    const more = h('button', { type: 'button', class: 'button tiny', 'aria-label': `Add a unit to hidden layer ${l + 1}`, disabled: units >= MAX_UNITS }, '+');
    const fewer = h('button', { type: 'button', class: 'button tiny', 'aria-label': `Remove a unit from hidden layer ${l + 1}`, disabled: units <= 1 }, '−');
    const change = (d: number): void => o.onChange({ layers: layers().map((u, i) => (i === l ? u + d : u)) });
    more.addEventListener('click', () => change(1));
    fewer.addEventListener('click', () => change(-1));
    return h('span', { class: 'unit-controls' }, fewer, more);
  }

  function build(next: PlaygroundSettings, outputs: number): void {
    const active = activeFeatures(next);
    pinned = null;
    featureNodes = o.featureNames.map((f) => {
      const on = active.includes(f);
      const tile = createTile(f);
      const el = h('button', { type: 'button', class: 'node feature', 'aria-pressed': String(on), 'data-feature': f, title: on ? 'Leave this input out' : 'Feed this input in' }, tile.canvas, h('span', { class: 'node-label' }, FEATURE_LABELS[f]));
      el.setAttribute('aria-label', `Input ${FEATURE_LABELS[f]}`);
      el.addEventListener('click', () => {
        const now = activeFeatures(next);
        const without = now.filter((x) => x !== f);
        if (on && without.length === 0) return; // the network needs an input
        o.onChange({ features: on ? without : o.featureNames.filter((x) => now.includes(x) || x === f) });
      });
      return { el, tile };
    });
    layerNodes = next.layers.map((units, l) => Array.from({ length: units }, (_, u) => neuronButton({ layer: l, unit: u }, `Hidden layer ${l + 1}, neuron ${u + 1}`)));
    const out = next.layers.length;
    layerNodes.push(
      Array.from({ length: outputs }, (_, u) =>
        neuronButton({ layer: out, unit: u }, outputs === 1 ? 'Output neuron' : `Output neuron ${u + 1} (${CLASS_NAMES[u] ?? u})`),
      ),
    );
    columns.replaceChildren(
      column('Features', null, featureNodes.map((n) => n.el)),
      ...next.layers.map((units, l) => column(unitsTitle(units), unitControls(l, units), (layerNodes[l] ?? []).map((n) => n.el))),
      column('Output', null, (layerNodes[out] ?? []).map((n) => n.el)),
    );
    // Links: into hidden layer 1 from the active features, then layer to layer.
    svg.replaceChildren();
    links = [];
    const sources = [featureNodes.filter((_, i) => active.includes(o.featureNames[i] ?? 'x1')), ...layerNodes];
    const order = active.map((f) => o.featureNames.indexOf(f));
    for (let l = 0; l < layerNodes.length; l++) {
      const from = sources[l] ?? [];
      (layerNodes[l] ?? []).forEach((_, to) =>
        from.forEach((_, k) => {
          const path = document.createElementNS(SVG, 'path');
          const title = document.createElementNS(SVG, 'title');
          path.append(title);
          path.addEventListener('pointerenter', () => {
            title.textContent = `weight ${formatNumber(weightOf(l, k, to))}`;
          });
          svg.append(path);
          links.push({ path, title, layer: l, from: l === 0 ? (order[k] ?? k) : k, to });
        }),
      );
    }
    layerCount.textContent = `${next.layers.length} hidden layer${next.layers.length === 1 ? '' : 's'}`;
    addLayer.disabled = next.layers.length >= MAX_LAYERS;
    removeLayer.disabled = next.layers.length === 0;
    params = null;
    requestAnimationFrame(place);
  }

  /** W_l[k][to]: the parameters hold, per layer, W (fan_in × units, row-major) then the biases. */
  function weightOf(l: number, k: number, to: number): number {
    if (!params || !s) return 0;
    const sizes = [activeFeatures(s).length, ...s.layers, layerNodes[layerNodes.length - 1]?.length ?? 1];
    let at = 0;
    for (let i = 0; i < l; i++) at += ((sizes[i] ?? 0) + 1) * (sizes[i + 1] ?? 0);
    return params[at + k * (sizes[l + 1] ?? 0) + to] ?? 0;
  }

  function place(): void {
    const box = body.getBoundingClientRect();
    svg.setAttribute('width', String(box.width));
    svg.setAttribute('height', String(box.height));
    const centre = (el: HTMLElement, side: 'left' | 'right'): [number, number] => {
      const r = (el.querySelector('canvas') ?? el).getBoundingClientRect();
      return [(side === 'left' ? r.left : r.right) - box.left, r.top + r.height / 2 - box.top];
    };
    for (const link of links) {
      const fromNode = link.layer === 0 ? featureNodes[link.from] : layerNodes[link.layer - 1]?.[link.from];
      const toNode = layerNodes[link.layer]?.[link.to];
      if (!fromNode || !toNode) continue;
      const [x0, y0] = centre(fromNode.el, 'right');
      const [x1, y1] = centre(toNode.el, 'left');
      const mx = (x0 + x1) / 2;
      link.path.setAttribute('d', `M${x0},${y0} C${mx},${y0} ${mx},${y1} ${x1},${y1}`);
    }
    paintLinks();
  }

  function paintLinks(): void {
    const active = s ? activeFeatures(s) : [];
    for (const link of links) {
      const k = link.layer === 0 ? active.indexOf(o.featureNames[link.from] ?? 'x1') : link.from;
      const w = weightOf(link.layer, k, link.to);
      link.path.setAttribute('stroke', params ? weightColor(w) : 'var(--border)');
      link.path.setAttribute('stroke-width', String(params ? 0.6 + Math.min(Math.abs(w), 3) * 1.6 : 1));
    }
  }

  const resize = new ResizeObserver(() => place());
  resize.observe(body);

  return {
    element,
    show(next, outputs) {
      s = next;
      const key = JSON.stringify([activeFeatures(next), next.layers, outputs]);
      if (key !== structure) {
        structure = key;
        build(next, outputs);
      }
    },
    setMaps(m, grid) {
      const cells = grid.nx * grid.ny;
      const nf = o.featureNames.length;
      featureNodes.forEach((n, i) => n.tile.paint(signedPixels(m.features, cells, nf, i, maxAbs(m.features, cells, nf, i)), grid.nx, grid.ny));
      const last = layerNodes.length - 1;
      layerNodes.forEach((nodes, l) => {
        const values = m.layers[l];
        if (!values) return;
        const units = nodes.length;
        nodes.forEach((n, u) => {
          const classes = l === last && units > 1;
          n.tile.paint(classes ? unitPixels(values, cells, units, u, CLASS_COLORS[u] ?? NEUTRAL) : signedPixels(values, cells, units, u), grid.nx, grid.ny);
        });
      });
      params = m.parameters;
      paintLinks();
    },
    destroy() {
      resize.disconnect();
    },
  };
}
