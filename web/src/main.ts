// The page shell: header, navigation, theme, build status, and one mounted
// widget chosen by the hash route. Widgets know nothing of the shell.

import './styles/app.css';
import workerUrl from './worker/worker.ts?worker&url';
import { h, must } from './ui/dom.ts';
import { initTheme } from './theme.ts';
import { LINK_REMEMBERED, hrefFor, routeOf, watchRoute } from './router.ts';
import { createServices } from './app-services.ts';
import { watchRunChip } from './run-chip.ts';
import { widgets } from './widgets/registry.ts';
import type { Unmount, WidgetEntry } from './widgets/types.ts';
import { WorkerClient, type ConnectionEvent } from './worker-client.ts';
import { restoreDrawModel } from './model/digit-model.ts';

/** The page's own ?wasm=simd|scalar goes on to the worker, which picks the build. */
function spawnWorker(): Worker {
  const url = new URL(workerUrl, import.meta.url);
  const wasm = new URLSearchParams(location.search).get('wasm');
  if (wasm) url.searchParams.set('wasm', wasm);
  // Opening on the Draw view (the home route): the worker fetches the model beside the WASM.
  const route = routeOf(location.hash);
  if ((widgets.find((w) => w.route === route) ?? widgets[0])?.route === 'draw') url.searchParams.set('digits', '1');
  return new Worker(url, { type: 'module', name: 'mlp-lab' });
}

const nav = must(document, '#nav', HTMLUListElement);
const main = must(document, '#main', HTMLElement);
const status = must(document, '#build-status', HTMLElement);
const statusText = must(status, '.text', HTMLSpanElement);
const alerts = must(document, '#alerts', HTMLElement);

initTheme(must(document, '#theme-toggle', HTMLButtonElement));

must(document, '[data-skip]', HTMLAnchorElement).addEventListener('click', (e) => {
  e.preventDefault(); // #main is not a route
  main.focus();
});

const links = new Map<string, HTMLAnchorElement>();
for (const w of widgets) {
  const a = h('a', { href: hrefFor(w.route), title: w.summary }, w.title);
  links.set(w.route, a);
  nav.append(h('li', {}, a));
}
// The navigation goes back to each widget's settings as the person left them.
window.addEventListener(LINK_REMEMBERED, (e) => {
  const route = (e as CustomEvent<string>).detail;
  links.get(route)?.setAttribute('href', hrefFor(route));
});

function showAlert(message: string): void {
  const close = h('button', { type: 'button', class: 'alert-close', 'aria-label': 'Dismiss' }, '×');
  const item = h('div', { class: 'alert' }, h('span', {}, message), close);
  close.addEventListener('click', () => item.remove());
  alerts.append(item);
}

const worker = new WorkerClient(spawnWorker);
const services = createServices();
watchRunChip(must(document, '.header-tools', HTMLElement));

function onConnection(e: ConnectionEvent): void {
  switch (e.kind) {
    case 'ready':
      status.dataset.state = 'ready';
      statusText.textContent = `${e.info.simd ? 'WASM SIMD' : 'WASM scalar'} · ${e.info.kernel}`;
      status.title = `The ${e.info.flavour} WebAssembly build runs in a worker.`;
      return;
    case 'error':
      status.dataset.state = 'error';
      statusText.textContent = 'WASM error';
      showAlert(e.message);
      return;
    case 'crashed':
      status.dataset.state = 'error';
      statusText.textContent = e.restarting ? 'Restarting worker…' : 'Worker stopped';
      showAlert(
        e.restarting
          ? `The worker stopped unexpectedly (${e.message}). It was restarted; training starts over.`
          : `The worker keeps stopping (${e.message}). Reload the page to try again.`,
      );
      return;
  }
}
worker.onConnection(onConnection);
// The model the person picked for the Draw view, after every (re)start of the worker.
worker.onConnection((e) => {
  if (e.kind === 'ready') void restoreDrawModel(worker, services);
});

let unmount: Unmount | null = null;
let mounted: WidgetEntry | null = null;
let firstRoute = true;

async function show(entry: WidgetEntry): Promise<void> {
  unmount?.();
  unmount = null;
  mounted = entry;
  document.title = `${entry.summary} · MLP Lab`;
  for (const [route, a] of links) {
    if (route === entry.route) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  try {
    const mod = await entry.load();
    if (mounted !== entry) return; // the route changed while loading
    const container = h('div', { class: 'widget-host' });
    main.replaceChildren(container);
    unmount = mod.mount(container, { worker, services });
  } catch (e) {
    main.replaceChildren(h('p', { class: 'loading' }, `Could not load this widget: ${String(e)}`));
  }
  // Moving focus tells keyboard and screen-reader users the content changed;
  // on first load it would only steal focus from the address bar.
  if (!firstRoute) main.focus({ preventScroll: true });
  firstRoute = false;
}

watchRoute((route) => {
  const entry = widgets.find((w) => w.route === route) ?? widgets[0];
  if (!entry) return;
  if (route !== entry.route) {
    // Unknown or empty: show the home widget under its own URL.
    history.replaceState(null, '', `${location.pathname}${location.search}${hrefFor(entry.route)}`);
  }
  if (entry !== mounted) void show(entry);
});
