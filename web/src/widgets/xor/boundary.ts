// The MLP's P(y = 1) over the input square, with the four training points,
// the MLP's 0.5 contour and the perceptron's line w₀ + w₁x₁ + w₂x₂ = 0.

import type { Grid2D } from '../../protocol.ts';
import { GATE_INPUTS } from '../../protocol.ts';
import { colorAt, cssColor, viridis } from '../../plots/colormap.ts';
import { createHeatmap, type Projection } from '../../plots/heatmap.ts';
import { isolines, type Polyline } from '../../plots/isoline.ts';
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
  );
  const element = h('div', { class: 'boundary' }, plot, legend);

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
    ctx.beginPath();
    if (Math.abs(w2) > Math.abs(w1)) {
      ctx.moveTo(at.x(x0), at.y(-(w0 + w1 * x0) / w2));
      ctx.lineTo(at.x(x1), at.y(-(w0 + w1 * x1) / w2));
    } else {
      ctx.moveTo(at.x(-(w0 + w2 * y0) / w1), at.y(y0));
      ctx.lineTo(at.x(-(w0 + w2 * y1) / w1), at.y(y1));
    }
    strokeTwice(ctx, at.dpr, '#ff9e4a', [7, 5]);
  }

  function drawPoints(ctx: CanvasRenderingContext2D, at: Projection): void {
    GATE_INPUTS.forEach(([a, b], i) => {
      const one = targets[i] === 1;
      ctx.beginPath();
      ctx.arc(at.x(a), at.y(b), 8 * at.dpr, 0, 2 * Math.PI);
      ctx.fillStyle = cssColor(colorAt(viridis, one ? 1 : 0));
      ctx.fill();
      ctx.lineWidth = 2.5 * at.dpr;
      ctx.strokeStyle = one ? '#1a1d23' : '#ffffff';
      ctx.stroke();
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
