// The MLP's P(y = 1) over the input square, with the four training points,
// the MLP's 0.5 contour and the perceptron's line w₀ + w₁x₁ + w₂x₂ = 0. The
// points' classes are told by shape and a two-tone outline, never by a fill
// that could match the map under them; the perceptron's ŷ = 1 side carries an
// arrow, because step(0) = 1 puts the line itself on that side.

import type { Grid2D } from '../../protocol.ts';
import { GATE_INPUTS } from '../../protocol.ts';
import { colorAt, cssColor, viridis } from '../../plots/colormap.ts';
import { createHeatmap, type Projection } from '../../plots/heatmap.ts';
import { isolines, type Polyline } from '../../plots/isoline.ts';
import { drawMarker } from '../../plots/markers.ts';
import { h } from '../../ui/dom.ts';

export const GRID: Grid2D = { x0: -0.5, x1: 1.5, y0: -0.5, y1: 1.5, nx: 96, ny: 96 };

export interface BoundaryView {
  readonly element: HTMLElement;
  setTargets(targets: readonly number[]): void;
  /** Probabilities for GRID, rows × 2. */
  setGrid(probabilities: Float32Array): void;
  setPerceptron(weights: Float32Array | null): void;
  destroy(): void;
}

function strokeTwice(ctx: CanvasRenderingContext2D, dpr: number, light: string, dash: number[]): void {
  // A dark halo under a light line reads on every colour of the map.
  ctx.setLineDash(dash.map((d) => d * dpr));
  ctx.lineWidth = 4 * dpr;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.stroke();
  ctx.lineWidth = 2 * dpr;
  ctx.strokeStyle = light;
  ctx.stroke();
  ctx.setLineDash([]);
}

export function createBoundaryView(): BoundaryView {
  const frame = h('div', { class: 'boundary-frame' });
  const heatmap = createHeatmap(frame, {
    domain: GRID,
    label: 'Decision boundary: the MLP’s probability of output 1 over the input square, with the four training points',
  });
  // Tick labels sit where 0 and 1 fall on the [-0.5, 1.5] square.
  const ticks = h(
    'div',
    { class: 'boundary-ticks', 'aria-hidden': 'true' },
    h('span', { class: 'tx', style: 'left:25%' }, '0'),
    h('span', { class: 'tx', style: 'left:75%' }, '1'),
    h('span', { class: 'ty', style: 'top:75%' }, '0'),
    h('span', { class: 'ty', style: 'top:25%' }, '1'),
    h('span', { class: 'axis-x' }, 'x₁'),
    h('span', { class: 'axis-y' }, 'x₂'),
  );
  const plot = h('div', { class: 'boundary-plot' }, frame, ticks);

  const colorbar = h('span', { class: 'colorbar' });
  const stops = Array.from({ length: 9 }, (_, i) => `${cssColor(colorAt(viridis, i / 8))} ${(i / 8) * 100}%`);
  colorbar.style.background = `linear-gradient(to right, ${stops.join(', ')})`;
  const legend = h(
    'div',
    { class: 'boundary-legend' },
    h('span', { class: 'legend-scale' }, h('span', {}, '0'), colorbar, h('span', {}, '1'), h('span', { class: 'legend-label' }, 'MLP P(1)')),
    h('span', { class: 'legend-key' }, h('span', { class: 'swatch line-mlp' }), 'MLP boundary'),
    h('span', { class: 'legend-key' }, h('span', { class: 'swatch line-perceptron' }), 'Perceptron'),
    h('span', { class: 'legend-key' }, h('span', { class: 'swatch point-one' }), 'target 1'),
    h('span', { class: 'legend-key' }, h('span', { class: 'swatch point-zero' }), 'target 0'),
  );
  const convention = h(
    'p',
    { class: 'card-note step-note', 'data-note': 'step-zero' },
    'The perceptron outputs ŷ = step(w₀ + w₁x₁ + w₂x₂) with step(0) = 1: a point on its dashed line counts as 1, ',
    'so OR can end at w = (−1, 1, 1), whose line passes through (0,1) and (1,0). The arrow points to its ŷ = 1 side.',
  );
  const element = h('div', { class: 'boundary' }, plot, legend, convention);

  let targets: readonly number[] = [0, 1, 1, 0];
  let lines: Polyline[] = [];
  let weights: Float32Array | null = null;

  function drawMlpBoundary(ctx: CanvasRenderingContext2D, at: Projection): void {
    if (lines.length === 0) return;
    const gx = (g: number): number => at.x(GRID.x0 + (g / GRID.nx) * (GRID.x1 - GRID.x0));
    const gy = (g: number): number => at.y(GRID.y0 + (g / GRID.ny) * (GRID.y1 - GRID.y0));
    ctx.beginPath();
    for (const line of lines) {
      line.forEach(([x, y], k) => (k === 0 ? ctx.moveTo(gx(x), gy(y)) : ctx.lineTo(gx(x), gy(y))));
    }
    ctx.lineJoin = 'round';
    strokeTwice(ctx, at.dpr, '#ffffff', []);
  }

  function drawPerceptronLine(ctx: CanvasRenderingContext2D, at: Projection): void {
    if (!weights) return;
    const [w0 = 0, w1 = 0, w2 = 0] = weights;
    if (w1 === 0 && w2 === 0) return; // no line: every point is on one side
    const { x0, x1, y0, y1 } = GRID;
    const ends: [number, number][] =
      Math.abs(w2) > Math.abs(w1)
        ? [[x0, -(w0 + w1 * x0) / w2], [x1, -(w0 + w1 * x1) / w2]]
        : [[-(w0 + w2 * y0) / w1, y0], [-(w0 + w2 * y1) / w1, y1]];
    const [[ax, ay], [bx, by]] = ends;
    ctx.beginPath();
    ctx.moveTo(at.x(ax), at.y(ay));
    ctx.lineTo(at.x(bx), at.y(by));
    strokeTwice(ctx, at.dpr, '#ff9e4a', [7, 5]);
    // An arrow from the line's point nearest the square's centre towards (w₁, w₂): the ŷ = 1 side.
    const norm = Math.hypot(w1, w2);
    const t = -(w0 + w1 * 0.5 + w2 * 0.5) / (norm * norm);
    const px = 0.5 + t * w1;
    const py = 0.5 + t * w2;
    const len = 0.18;
    const qx = px + (len * w1) / norm;
    const qy = py + (len * w2) / norm;
    ctx.beginPath();
    ctx.moveTo(at.x(px), at.y(py));
    ctx.lineTo(at.x(qx), at.y(qy));
    const head = 0.06;
    for (const side of [1, -1]) {
      const hx = qx - (head * (w1 + side * 0.6 * w2)) / norm;
      const hy = qy - (head * (w2 - side * 0.6 * w1)) / norm;
      ctx.moveTo(at.x(qx), at.y(qy));
      ctx.lineTo(at.x(hx), at.y(hy));
    }
    strokeTwice(ctx, at.dpr, '#ff9e4a', []);
  }

  function drawPoints(ctx: CanvasRenderingContext2D, at: Projection): void {
    GATE_INPUTS.forEach(([a, b], i) => {
      const r = 7.5 * at.dpr;
      // Light on dark and dark on light at once: a halo, then the two-tone marker.
      if (targets[i] === 1) {
        drawMarker(ctx, 'circle', at.x(a), at.y(b), r + 2 * at.dpr, '#1a1d23', '#1a1d23');
        drawMarker(ctx, 'circle', at.x(a), at.y(b), r, '#ffffff', '#1a1d23');
      } else {
        drawMarker(ctx, 'square', at.x(a), at.y(b), r + 2 * at.dpr, '#ffffff', '#ffffff');
        drawMarker(ctx, 'square', at.x(a), at.y(b), r, '#1a1d23', '#ffffff');
      }
    });
  }

  heatmap.setOverlay((ctx, at) => {
    drawMlpBoundary(ctx, at);
    drawPerceptronLine(ctx, at);
    drawPoints(ctx, at);
  });

  return {
    element,
    setTargets(t) {
      targets = t;
      heatmap.repaint();
    },
    setGrid(p) {
      lines = isolines(p, GRID.nx, GRID.ny, 0.5, 2, 1);
      heatmap.setGrid(p, GRID.nx, GRID.ny, 2, 1);
    },
    setPerceptron(w) {
      weights = w;
      heatmap.repaint();
    },
    destroy() {
      heatmap.destroy();
    },
  };
}
