// The header's note that a training run is going (it goes on while the
// person is in another view): a link back to it with its progress. The run
// (web/src/widgets/train/run.ts) announces itself with a window event, so the
// shell never imports a widget.

import { h } from './ui/dom.ts';

export const RUN_STATUS = 'mlp-lab:run-status';

export interface RunStatusDetail {
  /** 'running' shows the chip; anything else hides it. */
  state: string;
  /** Epochs done, fractional. */
  epochs: number;
  targetEpoch: number;
  /** Where the run lives, e.g. #/train?… */
  href: string;
}

export function publishRunStatus(detail: RunStatusDetail): void {
  window.dispatchEvent(new CustomEvent<RunStatusDetail>(RUN_STATUS, { detail }));
}

export function watchRunChip(tools: HTMLElement): void {
  const text = h('span', {});
  const chip = h('a', { class: 'run-chip', href: '#/train', hidden: true, 'data-run-chip': '' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), text);
  tools.prepend(chip);
  window.addEventListener(RUN_STATUS, (e) => {
    const d = (e as CustomEvent<RunStatusDetail>).detail;
    const running = d.state === 'running';
    chip.hidden = !running;
    if (!running) return;
    chip.href = d.href;
    text.textContent = `Training · ${d.epochs.toFixed(2)} / ${d.targetEpoch} epochs`;
    chip.title = 'A training run is going on; open it';
  });
}
