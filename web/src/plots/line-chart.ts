// A line chart over columnar data ([xs, ...ys]), wrapping uPlot. It sizes
// itself to its container and takes its colours from CSS custom properties,
// so it follows the theme without knowing about it.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { THEME_CHANGE } from '../theme.ts';
import { chartHeight } from './chart-height.ts';

export interface SeriesSpec {
  label: string;
  /** A CSS custom property holding the colour, e.g. '--series-1'. */
  colorVar: string;
  /** Mark each data point (for sparse series, e.g. one value per epoch). Default false. */
  points?: boolean;
}

export interface LineChartOptions {
  /** Accessible name of the chart. */
  label: string;
  xLabel: string;
  yLabel: string;
  series: SeriesSpec[];
  logY?: boolean;
  height?: number;
}

/** One column of values: plain or typed. */
export type Column = number[] | Float32Array | Float64Array;

export interface LineChart {
  readonly element: HTMLElement;
  /** The chart keeps the arrays until the next setData: do not mutate them meanwhile. */
  setData(xs: Column, ...ys: Column[]): void;
  destroy(): void;
}

export function createLineChart(container: HTMLElement, options: LineChartOptions): LineChart {
  const root = document.createElement('div');
  root.className = 'line-chart';
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', options.label);
  root.dataset.points = '0';
  container.append(root);

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

  const plot = new uPlot(
    {
      width: Math.max(200, root.clientWidth),
      height: chartHeight(root, options.height ?? 200),
      scales: {
        x: { time: false },
        y: options.logY ? { distr: 3 } : {},
      },
      axes: [{ ...axis(options.xLabel), size: 34 }, { ...axis(options.yLabel), size: 50 }],
      series: [
        { label: options.xLabel },
        ...options.series.map((s) => ({
          label: s.label,
          stroke: () => css(s.colorVar),
          width: 2,
          points: { show: s.points ?? false, size: 6, fill: () => css(s.colorVar) },
        })),
      ],
      // The widget shows the numbers itself; a legend row would only take height.
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
    },
    [[], ...options.series.map(() => [])],
    root,
  );

  const resize = new ResizeObserver(() => {
    const w = Math.max(200, Math.floor(root.clientWidth));
    const h = chartHeight(root, options.height ?? 200);
    if (w !== plot.width || h !== plot.height) plot.setSize({ width: w, height: h });
  });
  resize.observe(root);

  const repaint = (): void => plot.redraw(false, true);
  document.addEventListener(THEME_CHANGE, repaint);

  return {
    element: root,
    setData(xs, ...ys) {
      plot.setData([xs, ...ys]);
      root.dataset.points = String(xs.length);
      // The right end of the curve: it moves on even when a long curve is thinned to fewer points.
      root.dataset.xMax = String(xs.length > 0 ? xs[xs.length - 1] : 0);
    },
    destroy() {
      document.removeEventListener(THEME_CHANGE, repaint);
      resize.disconnect();
      plot.destroy();
      root.remove();
    },
  };
}
