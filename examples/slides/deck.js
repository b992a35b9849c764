// The lecture deck's script: reveal.js from npm, and the host side of MLP
// Lab's embed API (docs/embedding.md). Each embed posts `ready` once its
// WebAssembly worker answers and `state` when its settings change; buttons
// with data-send post a command into their slide's embed. Slides preload
// their neighbours' embeds (which start no worker until seen) and reveal.js
// unloads embeds two slides away, which frees their workers.

import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import './deck.css';

const deck = new Reveal({
  hash: true,
  width: 1280,
  height: 720,
  margin: 0.02,
  center: false,
  transition: 'slide',
  viewDistance: 1,
  preloadIframes: true,
});

/** What the embeds said, in order (the browser test reads it). */
const log = [];
const frameOf = (source) => [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === source) ?? null;

window.addEventListener('message', (e) => {
  const m = e.data;
  if (typeof m !== 'object' || m === null || m.mlpLab !== 1) return;
  const frame = frameOf(e.source);
  if (!frame) return;
  log.push({ embed: frame.dataset.embed, type: m.type, route: m.route, available: m.available, link: m.link });
  if (m.type === 'ready') frame.dataset.ready = m.available ? 'yes' : 'missing';
  if (m.type === 'state') {
    const link = frame.closest('section')?.querySelector('.embed-link');
    if (link) link.href = m.link;
  }
});

// <button data-send='{"type":"set","settings":{"gate":"and"}}'> drives its slide's embed.
document.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('[data-send]') : null;
  const frame = button?.closest('section')?.querySelector('iframe');
  if (!button || !frame?.contentWindow) return;
  frame.contentWindow.postMessage({ mlpLab: 1, ...JSON.parse(button.dataset.send) }, '*');
  button.blur(); // the deck's arrow keys again
});

window.__deck = { reveal: deck, log };
deck.initialize();
