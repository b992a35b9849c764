// The site around the widgets: header with navigation, theme toggle and the
// build status, alerts, and the run chip. The embed view has none of it
// (web/src/shell/embed.ts). Widgets know nothing of either.

import { h, must } from '../ui/dom.ts';
import { initTheme } from '../theme.ts';
import { LINK_REMEMBERED, hrefFor } from '../router.ts';
import { watchRunChip } from '../run-chip.ts';
import type { WidgetEntry } from '../widgets/types.ts';
import type { ConnectionEvent, WorkerClient } from '../worker-client.ts';
import { showAlert } from './alerts.ts';

export interface Chrome {
  /** A widget is being shown (navigation state, page title). */
  showing(entry: WidgetEntry): void;
}

export function setUpSite(worker: WorkerClient, widgets: readonly WidgetEntry[], main: HTMLElement): Chrome {
  const nav = must(document, '#nav', HTMLUListElement);
  const status = must(document, '#build-status', HTMLElement);
  const statusText = must(status, '.text', HTMLSpanElement);

  initTheme(must(document, '#theme-toggle', HTMLButtonElement));

  must(document, '[data-skip]', HTMLAnchorElement).addEventListener('click', (e) => {
    e.preventDefault(); // #main is not a route
    main.focus();
  });

  // One list per part of the chapter (History, Learning, …), each named, so
  // eleven views read as four groups.
  const links = new Map<string, HTMLAnchorElement>();
  const parts = new Map<string, HTMLUListElement>();
  for (const w of widgets) {
    let list = parts.get(w.part);
    if (!list) {
      const id = `nav-part-${parts.size}`;
      list = h('ul', { 'aria-labelledby': id });
      parts.set(w.part, list);
      nav.append(h('li', { class: 'nav-part' }, h('span', { id, class: 'nav-part-name' }, w.part), list));
    }
    const a = h('a', { href: hrefFor(w.route), title: w.summary }, w.title);
    links.set(w.route, a);
    list.append(h('li', {}, a));
  }
  // The navigation goes back to each widget's settings as the person left them.
  window.addEventListener(LINK_REMEMBERED, (e) => {
    const route = (e as CustomEvent<string>).detail;
    links.get(route)?.setAttribute('href', hrefFor(route));
  });

  watchRunChip(must(document, '.header-tools', HTMLElement));

  worker.onConnection((e: ConnectionEvent) => {
    switch (e.kind) {
      case 'ready':
        status.dataset.state = 'ready';
        statusText.textContent = `${e.info.simd ? 'WASM SIMD' : 'WASM scalar'} · ${e.info.reader ? 'digit reader' : e.info.kernel}`;
        status.title = e.info.reader
          ? 'The WebAssembly digit reader (SIMD) runs in a worker; the full build loads when a view needs it.'
          : `The ${e.info.flavour} WebAssembly build runs in a worker.`;
        return;
      case 'error':
        status.dataset.state = 'error';
        statusText.textContent = 'WASM error';
        return;
      case 'crashed':
        status.dataset.state = 'error';
        statusText.textContent = e.restarting ? 'Restarting worker…' : 'Worker stopped';
        return;
    }
  });

  return {
    showing(entry) {
      document.title = `${entry.summary} · MLP Lab`;
      for (const [route, a] of links) {
        if (route === entry.route) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
    },
  };
}

/** The worker's failures as alerts, in the site and in embeds alike. */
export function alertConnectionProblems(worker: WorkerClient): void {
  worker.onConnection((e) => {
    if (e.kind === 'error') showAlert(e.message);
    if (e.kind === 'crashed') {
      showAlert(
        e.restarting
          ? `The worker stopped unexpectedly (${e.message}). It was restarted; training starts over.`
          : `The worker keeps stopping (${e.message}). Reload the page to try again.`,
      );
    }
  });
}
