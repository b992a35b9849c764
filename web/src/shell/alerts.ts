// The page's alert area (#alerts): problems that concern the whole page, each
// with a close button. A message already shown is not shown twice.

import { h, must } from '../ui/dom.ts';

export function showAlert(message: string, kind: 'error' | 'info' = 'error'): void {
  const alerts = must(document, '#alerts', HTMLElement);
  for (const shown of alerts.querySelectorAll('.alert > span')) if (shown.textContent === message) return;
  const close = h('button', { type: 'button', class: 'alert-close', 'aria-label': 'Dismiss' }, '×');
  const item = h('div', { class: `alert ${kind}` }, h('span', {}, message), close);
  close.addEventListener('click', () => item.remove());
  alerts.append(item);
}
