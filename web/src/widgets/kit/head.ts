// A widget's head: its title, the lede under it, and the actions every widget
// has: Share (its link), Embed (an <iframe> for slides) and, in the embed
// view, a small link that opens it in the full site.

import { h, type Child } from '../../ui/dom.ts';
import { createEmbedButton } from './embed-dialog.ts';
import { createShareButton } from './share.ts';

export interface HeadOptions {
  readonly title: string;
  readonly lede: readonly Child[];
  /** The widget's link in the site. */
  href(): string;
  /** Its hash (`#/route?…`), for the embed snippet. */
  hash(): string;
  readonly embedded: boolean;
  announce(text: string): void;
}

export function createHead(o: HeadOptions): HTMLElement {
  const actions = h('div', { class: 'widget-actions' }, createShareButton(o.href, o.announce), createEmbedButton({ hash: o.hash, title: o.title }, o.announce));
  if (o.embedded) {
    const open = h('a', { class: 'open-site', target: '_blank', rel: 'noopener', title: 'Open this widget with these settings in MLP Lab' }, 'Open in MLP Lab ↗');
    // The link follows the settings as they change.
    const follow = (): void => open.setAttribute('href', o.href());
    open.addEventListener('pointerenter', follow);
    open.addEventListener('focus', follow);
    open.addEventListener('click', follow);
    follow();
    actions.append(open);
  }
  // The title and the actions share the first line; the lede has the whole width under them.
  return h('header', { class: 'widget-head' }, h('h1', {}, o.title), actions, h('p', { class: 'lede' }, ...o.lede));
}
