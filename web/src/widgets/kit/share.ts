// "Share": copies the widget's link (every setting is in it). Where the
// clipboard is not available (an insecure origin, a denied permission) the
// link is shown in a field, selected, for the person to copy.

import { h } from '../../ui/dom.ts';

export function createShareButton(href: () => string, announce: (text: string) => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'button small', 'data-action': 'share', title: 'Copy a link to this widget with its settings' }, 'Share link');
  const field = h('input', { type: 'text', class: 'share-field', readonly: true, 'aria-label': 'Link to this widget with its settings', hidden: true });
  button.addEventListener('click', () => {
    const link = href();
    const show = (): void => {
      field.value = link;
      field.hidden = false;
      field.focus();
      field.select();
      announce('The link is selected: copy it with Ctrl+C.');
    };
    if (!navigator.clipboard) {
      show();
      return;
    }
    navigator.clipboard.writeText(link).then(() => {
      field.hidden = true;
      button.dataset.copied = '';
      announce('Link copied: it opens this widget with these settings.');
      setTimeout(() => delete button.dataset.copied, 2000);
    }, show);
  });
  field.addEventListener('blur', () => {
    field.hidden = true;
  });
  return h('span', { class: 'share' }, button, field);
}
