// The page: one mounted widget chosen by the hash route, inside the site
// (header, navigation, theme; web/src/shell/site.ts) or, with `?embed` in the
// page's query, alone and sized to its frame (web/src/shell/embed.ts).
// Widgets know nothing of either.

import { spawnEarlyWorker } from './early-worker.ts'; // first: the worker starts before the rest runs
import './styles/app.css';
import { h, must } from './ui/dom.ts';
import { hrefFor, watchRoute } from './router.ts';
import { createServices } from './app-services.ts';
import { widgets } from './widgets/registry.ts';
import { embedOptions } from './widgets/kit/embed-options.ts';
import type { Unmount, WidgetContext, WidgetEntry } from './widgets/types.ts';
import { WorkerClient } from './worker-client.ts';
import { restoreDrawModel } from './model/digit-model.ts';
import { alertConnectionProblems, setUpSite } from './shell/site.ts';
import { setUpEmbed, showMissing } from './shell/embed.ts';
import { watchStorageNotice } from './shell/storage-notice.ts';

const main = must(document, '#main', HTMLElement);
const embed = embedOptions(location.search);
const worker = new WorkerClient(spawnEarlyWorker, { lazy: embed !== null });
const chrome = embed ? setUpEmbed(embed, worker) : setUpSite(worker, widgets, main);
const ctx: WidgetContext = { worker, services: createServices(), embed };
alertConnectionProblems(worker);
watchStorageNotice();
// The model the person picked for the Draw view, after every (re)start of the worker
// (not when a worker that began with its digit reader adds the full module: it kept it).
worker.onConnection((e) => {
  if (e.kind === 'ready' && !e.upgrade) void restoreDrawModel(worker, ctx.services);
});

let unmount: Unmount | null = null;
let mounted: WidgetEntry | null = null;
let firstRoute = true;

async function show(entry: WidgetEntry): Promise<void> {
  unmount?.();
  unmount = null;
  mounted = entry;
  chrome.showing(entry);
  main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  try {
    const mod = await entry.load();
    if (mounted !== entry) return; // the route changed while loading
    const container = h('div', { class: 'widget-host' });
    main.replaceChildren(container);
    unmount = mod.mount(container, ctx);
  } catch (e) {
    main.replaceChildren(h('p', { class: 'loading' }, `Could not load this widget: ${String(e)}`));
  }
  // Moving focus tells keyboard and screen-reader users the content changed;
  // on first load it would only steal focus from the address bar (or, in an
  // embed, from the slide deck around it).
  if (!firstRoute && !embed) main.focus({ preventScroll: true });
  firstRoute = false;
}

watchRoute((route) => {
  const found = widgets.find((w) => w.route === route);
  if (embed && route && !found) {
    unmount?.();
    unmount = null;
    mounted = null;
    showMissing(main, route);
    return;
  }
  const entry = found ?? widgets[0];
  if (!entry) return;
  if (route !== entry.route) {
    // Unknown or empty: show the home widget under its own URL.
    history.replaceState(null, '', `${location.pathname}${location.search}${hrefFor(entry.route)}`);
  }
  if (entry !== mounted) void show(entry);
});
