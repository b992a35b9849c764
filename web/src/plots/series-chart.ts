// Several loss curves with their own x values (batch GD has one point per
// epoch, SGD one per example) on one uPlot chart: the columns are joined into
// uPlot's aligned form with gaps spanned. The x range can be fixed to the
// whole run, so an animation fills the chart from left to right instead of
// rescaling it every frame. Long series are thinned to a few thousand points.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { THEME_CHANGE } from '../theme.ts';
import { chartHeight } from './chart-height.ts';
import { framedCopy } from './save-png.ts';

export interface CurveSpec {
  label: string;
  color: string;
  /** A dashed reference line (e.g. the optimum's loss). */
  dashed?: boolean;
  /** Mark each point (sparse curves). */
  points?: boolean;
}

export interface Curve {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Use the first n points (default all). */
  n?: number;
}

export interface SeriesChartOptions {
  /** Accessible name, and the title of a saved PNG. */
  label: string;
  xLabel: string;
  yLabel: string;
  curves: CurveSpec[];
  logY?: boolean;
  height?: number;
  /** Points per curve at most; longer curves are thinned evenly (the last point is kept). */
  maxPoints?: number;
}

export interface SeriesChart {
  readonly element: HTMLElement;
  /**
   * One curve per spec, in order; xRange fixes the x axis (e.g. to the whole
   * run); yCap limits the y axis, so a diverging curve does not flatten the rest.
   */
  setData(curves: readonly Curve[], xRange?: readonly [number, number], yCap?: number): void;
  setLogY(logY: boolean): void;
  /** The chart on an opaque background with its title, ready for toBlob. */
  snapshot(): HTMLCanvasElement;
  destroy(): void;
}

type Column = (number | null)[];

/** On a log axis: powers of ten only, and every second or third one when many decades show. */
const thinLogSplits: uPlot.Axis.Filter = (_u, splits) => {
  const decades = splits.filter((v) => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  const stride = Math.ceil(decades.length / 5);
  return splits.map((v) => {
    const i = decades.indexOf(v);
    return i >= 0 && (decades.length - 1 - i) % stride === 0 ? v : null;
  });
};

/** Finite points only (positive ones on a log axis), thinned to at most `max`. */
function column(c: Curve, logY: boolean, max: number): [number[], Column] {
  const n = Math.min(c.n ?? c.x.length, c.x.length, c.y.length);
  const stride = Math.max(1, Math.ceil(n / max));
  const xs: number[] = [];
  const ys: Column = [];
  for (let k = 0; k < n; k += stride) push(k);
  if (n > 0 && (n - 1) % stride !== 0) push(n - 1);
  return [xs, ys];

  function push(k: number): void {
    const x = c.x[k] ?? NaN;
    const y = c.y[k] ?? NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y) || (logY && y <= 0)) return;
    if (xs.length > 0 && x <= (xs[xs.length - 1] ?? -Infinity)) return; // uPlot needs increasing x
    xs.push(x);
    ys.push(y);
  }
}

function logRange(min: number, max: number): [number, number] {
  if (!(max > 0)) return [0.1, 1];
  const hi = 10 ** Math.ceil(Math.log10(max));
  const lo = 10 ** Math.floor(Math.log10(Math.max(min > 0 ? min : max, max * 1e-12)));
  return lo < hi ? [lo, hi] : [lo / 10, hi];
}

function linearRange(min: number, max: number): [number, number] {
  if (!(max > min)) return [min - 1, min + 1];
  const pad = (max - min) * 0.05;
  return [min - pad, max + pad];
}

/** 1e-6 … 0.01, 0.1, 1, 10, 100, 1000, 1e4 …: short labels for decades. */
const logLabels = (_u: uPlot, splits: number[]): string[] =>
  splits.map((v) => (v == null ? '' : v >= 1e4 || v < 1e-2 ? `1e${Math.round(Math.log10(v))}` : String(v)));

export function createSeriesChart(container: HTMLElement, options: SeriesChartOptions): SeriesChart {
  const root = document.createElement('div');
  root.className = 'line-chart series-chart';
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', options.label);
  root.dataset.points = '0';
  container.append(root);
  const height = options.height ?? 200;
  const maxPoints = options.maxPoints ?? 2000;
  let logY = options.logY ?? false;
  let xRange: readonly [number, number] | null = null;
  let yCap = Infinity;
  let last: readonly Curve[] = [];

  const css = (name: string): string => getComputedStyle(root).getPropertyValue(name).trim() || '#888';
  const axis = (label: string): uPlot.Axis => ({
    label,
    stroke: () => css('--muted'),
    grid: { stroke: () => css('--grid'), width: 1 },
    ticks: { stroke: () => css('--grid'), width: 1 },
    font: '12px system-ui, sans-serif',
    labelFont: '12px system-ui, sans-serif',
    labelSize: 16,
    labelGap: 0,
  });

  function build(): uPlot {
    return new uPlot(
      {
        width: Math.max(200, Math.floor(root.clientWidth)),
        height: chartHeight(root, height),
        scales: {
          x: { time: false, range: (_u, min, max) => (xRange ? [xRange[0], xRange[1]] : max > min ? [min, max] : [min - 1, max + 1]) },
          // Losses that underflow towards 1e-40 would ask for forty decades: show twelve at most.
          y: logY
            ? { distr: 3, range: (_u, min, max) => logRange(min, Math.min(max, yCap)) }
            : { range: (_u, min, max) => linearRange(min, Math.min(max, yCap)) },
        },
        axes: [
          { ...axis(options.xLabel), size: 34 },
          { ...axis(options.yLabel), size: 54, ...(logY ? { filter: thinLogSplits, values: logLabels } : {}) },
        ],
        series: [
          { label: options.xLabel },
          ...options.curves.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: s.dashed ? 1.5 : 2,
            dash: s.dashed ? [5, 5] : undefined,
            spanGaps: true,
            points: { show: s.points ?? false, size: 5, fill: s.color },
          })),
        ],
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
      },
      [[], ...options.curves.map(() => [])],
      root,
    );
  }

  let plot = build();

  function apply(): void {
    const tables = options.curves.map((_, i) => {
      const c = last[i];
      return c ? column(c, logY, maxPoints) : [[], []];
    });
    const nonEmpty = tables.some(([xs]) => xs.length > 0);
    const data = nonEmpty ? uPlot.join(tables.map(([xs, ys]) => [xs, ys] as uPlot.AlignedData)) : null;
    plot.setData(data ?? [[], ...options.curves.map(() => [])]);
    root.dataset.points = String(tables.reduce((n, [xs]) => n + xs.length, 0));
  }

  const resize = new ResizeObserver(() => {
    const w = Math.max(200, Math.floor(root.clientWidth));
    const h = chartHeight(root, height);
    if (w !== plot.width || h !== plot.height) plot.setSize({ width: w, height: h });
  });
  resize.observe(root);
  const repaint = (): void => plot.redraw(false, true);
  document.addEventListener(THEME_CHANGE, repaint);

  return {
    element: root,
    setData(curves, range, cap) {
      last = curves;
      xRange = range ?? null;
      yCap = cap !== undefined && cap > 0 && Number.isFinite(cap) ? cap : Infinity;
      apply();
    },
    setLogY(next) {
      if (next === logY) return;
      logY = next;
      plot.destroy();
      plot = build();
      apply();
    },
    snapshot() {
      return framedCopy(plot.ctx.canvas, options.label, css('--surface'), css('--text'));
    },
    destroy() {
      document.removeEventListener(THEME_CHANGE, repaint);
      resize.disconnect();
      plot.destroy();
      root.remove();
    },
  };
}
