// The network's answer: the most likely digit, large, with its probability,
// and a bar for each of the ten digits (the top one highlighted). Before there
// is an answer it says why: the model is loading, failed, or the pad is empty.

import { h } from '../../ui/dom.ts';

export type ReadoutState =
  | { kind: 'loading' }
  | { kind: 'error'; title: string; message: string }
  | { kind: 'empty' }
  | { kind: 'prediction'; probabilities: Float32Array };

export interface Readout {
  readonly element: HTMLElement;
  show(state: ReadoutState): void;
  /** The top digit shown, or null. */
  readonly digit: number | null;
}

const DIGITS = Array.from({ length: 10 }, (_, d) => d);

const percent = (p: number): string => (p >= 0.995 ? '100%' : p < 0.005 ? '0%' : `${(p * 100).toFixed(p < 0.1 ? 1 : 0)}%`);

export function createReadout(onRetry: () => void): Readout {
  const digitEl = h('span', { class: 'verdict-digit', 'aria-hidden': 'true' }, '?');
  const headline = h('span', { class: 'verdict-headline' });
  const detail = h('span', { class: 'verdict-detail' });
  const retry = h('button', { type: 'button', class: 'button retry', hidden: true }, 'Try again');
  retry.addEventListener('click', onRetry);
  const verdict = h('div', { class: 'verdict' }, digitEl, h('div', { class: 'verdict-text' }, headline, detail, retry));

  const bars = DIGITS.map((d) => {
    const value = h('span', { class: 'prob-value', 'aria-hidden': 'true' });
    const fill = h('span', { class: 'prob-fill' });
    // What a screen reader says for the bar; the drawn parts are hidden from it.
    const spoken = h('span', { class: 'visually-hidden' });
    const item = h(
      'li',
      { class: 'prob', 'data-digit': d },
      spoken,
      value,
      h('span', { class: 'prob-track', 'aria-hidden': 'true' }, fill),
      h('span', { class: 'prob-label', 'aria-hidden': 'true' }, String(d)),
    );
    return { item, value, spoken };
  });
  const list = h('ol', { class: 'prob-bars', 'aria-label': 'Probability of each digit', start: 0 }, ...bars.map((b) => b.item));

  const element = h('div', { class: 'readout' }, verdict, list);
  let digit: number | null = null;

  function setBars(p: Float32Array | null, top: number | null): void {
    bars.forEach((b, d) => {
      const v = p?.[d] ?? 0;
      b.item.style.setProperty('--p', String(v));
      b.item.toggleAttribute('data-top', d === top);
      b.value.textContent = p && v >= 0.005 ? percent(v) : '';
      b.spoken.textContent = p ? `${d}: ${percent(v)}` : `${d}: no answer yet`;
    });
  }

  function say(state: ReadoutState['kind'], title: string, more: string): void {
    element.dataset.state = state;
    headline.textContent = title;
    detail.textContent = more;
  }

  return {
    element,
    get digit() {
      return digit;
    },
    show(state) {
      retry.hidden = state.kind !== 'error';
      verdict.removeAttribute('role');
      digit = null;
      switch (state.kind) {
        case 'loading':
          digitEl.textContent = '…';
          say('loading', 'Loading the pretrained model…', 'About 1 MB, once; draw meanwhile.');
          setBars(null, null);
          break;
        case 'error':
          digitEl.textContent = '!';
          verdict.setAttribute('role', 'alert');
          say('error', state.title, state.message);
          setBars(null, null);
          break;
        case 'empty':
          digitEl.textContent = '?';
          say('empty', 'Draw a digit', 'Any of 0 to 9, as large as you like.');
          setBars(null, null);
          break;
        case 'prediction': {
          const p = state.probabilities;
          let top = 0;
          for (let d = 1; d < p.length; d++) if ((p[d] ?? 0) > (p[top] ?? 0)) top = d;
          digit = top;
          digitEl.textContent = String(top);
          say('prediction', `It reads ${top}`, `${percent(p[top] ?? 0)} sure`);
          setBars(p, top);
          break;
        }
      }
      if (digit === null) delete element.dataset.digit;
      else element.dataset.digit = String(digit);
    },
  };
}
