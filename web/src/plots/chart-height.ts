// How tall a chart draws itself: the height its owner asked for, or, where
// CSS sets `--chart-fill: 1` on the chart or an ancestor (the embed view,
// where a figure takes the room its frame leaves), the height the layout
// gives the chart's root. Such a root must get its height from the layout
// (e.g. flex: 1; min-height: 0), never from what it holds.

const MIN_FILL = 80;

export function chartHeight(root: HTMLElement, asked: number): number {
  if (getComputedStyle(root).getPropertyValue('--chart-fill').trim() !== '1') return asked;
  return Math.max(MIN_FILL, Math.floor(root.clientHeight));
}
