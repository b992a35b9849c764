// The embed view's page (`?embed`): one widget and nothing of the site around
// it, sized to its frame (the kit lays the widget out, web/src/widgets/kit/
// embed-layout.ts), enlarged by `&scale=`, in the colours of `&theme=`. Many
// embeds share one lecture deck, so each starts its worker (the WASM module
// and its memory) only once it is seen, and frees it when the page goes away.

import { h, must } from '../ui/dom.ts';
import { initFixedTheme } from '../theme.ts';
import { whenVisibleFor } from '../widgets/kit/visibility.ts';
import { withEmbed, type EmbedOptions } from '../widgets/kit/embed-options.ts';
import { MLP_LAB } from '../widgets/kit/embed-messages.ts';
import { postToHost } from '../widgets/kit/host-bridge.ts';
import type { WidgetEntry } from '../widgets/types.ts';
import type { WorkerClient } from '../worker-client.ts';
import type { Chrome } from './site.ts';

/** How long an embed must be seen before its worker starts (a deck flipped through starts none). */
const START_AFTER_MS = 250;

export function setUpEmbed(options: EmbedOptions, worker: WorkerClient): Chrome {
  const html = document.documentElement;
  html.dataset.embed = '';
  // CSS zoom enlarges text and figures alike and lays the widget out for the
  // smaller space it leaves (a 1920×1080 frame at 1.5 lays out like 1280×720).
  if (options.scale !== 1) html.style.setProperty('zoom', String(options.scale));
  for (const selector of ['.app-header', '.app-footer', '[data-skip]']) document.querySelector(selector)?.remove();
  initFixedTheme(options.theme);

  // data-worker says where the worker is (a deck's test counts the running ones).
  html.dataset.worker = 'waiting';
  void whenVisibleFor(must(document, '#main', HTMLElement), START_AFTER_MS).then(() => {
    worker.start();
    html.dataset.worker = 'running';
  });
  window.addEventListener('pagehide', () => {
    worker.dispose();
    html.dataset.worker = 'stopped';
  });
  // A page brought back from the back-forward cache has lost its worker: start afresh.
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) location.reload();
  });

  return {
    showing(entry: WidgetEntry) {
      document.title = `${entry.summary} · MLP Lab`;
    },
  };
}

/**
 * A route this build does not have (a deck made for a newer MLP Lab, or a
 * lesson still being written): say so in the frame instead of showing another
 * widget, and tell the host the frame is up, so a deck does not wait for it.
 */
export function showMissing(main: HTMLElement, route: string): void {
  const url = new URL(location.href);
  url.search = withEmbed(location.search, null);
  main.replaceChildren(
    h(
      'div',
      { class: 'embed-missing', 'data-missing': route },
      h('h1', {}, 'Not in this version yet'),
      h('p', {}, `This slide shows the “${route}” widget, which this copy of MLP Lab does not have yet.`),
      h('a', { href: url.href, target: '_blank', rel: 'noopener' }, 'Open MLP Lab ↗'),
    ),
  );
  postToHost({ mlpLab: MLP_LAB, type: 'ready', route, available: false, link: url.href, settings: {}, commands: [] });
}
