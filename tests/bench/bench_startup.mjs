// Start-up: the time from navigation to the Draw view's first prediction of a
// drawn digit, on a fresh browser context (empty cache) over an emulated
// 10 Mbit/s link with 40 ms latency (Chromium's network emulation through the
// DevTools protocol, applied to the page and to its workers), and the bytes
// downloaded before that prediction (as transferred, and as gzip would send
// them). The built page (dist/) is served gzip-compressed, as static hosts do,
// two ways: plainly (e.g. GitHub Pages: the SIMD build) and cross-origin
// isolated (COOP/COEP, as npm start: the threads build).
//
// The digit (a 7) is drawn as soon as the pad exists, two ways: at once, by
// pointer events the page dispatches itself the moment the pad appears (the
// time is the page's alone: page, worker, WASM, model and reading; this is the
// number the target is about), and with the mouse through the DevTools
// protocol, which adds the drawing itself (each move waits for the page to
// take it: some 50 ms a move here, over a second for the 7).
//
// Then once more at once without Playwright, which holds every worker at its
// start for its own set-up (~100 ms here, and start-up is mostly a worker
// starting): one bare DevTools session on the page (cdp-pipe.mjs), the server
// itself the slow link (startup-server.mjs), so the workers' requests are
// slowed with no session attached to them. That is the browser as a student
// has it; the bytes are the Playwright rows'.
//
//   node tests/bench/bench_startup.mjs [--reps 3] [--only plain,isolated] [--mbps 10] [--latency 40]
//
// Last, the bytes TensorFlow.js-wasm would send before the same reading (its
// minified bundles and SIMD .wasm from node_modules, and our model in its
// float32 layers format), gzip-compressed the same way, for comparison.
//
// Needs dist/ (npx vite build --config vite.config.mjs). A benchmark, not in npm test.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIGITS } from '../browser/digit-strokes.mjs';
import { DIST, launchBrowser, requireBuild } from '../browser/helpers.mjs';
import { loadModule } from '../node/load-module.mjs';
import { evaluate, launchBare } from './cdp-pipe.mjs';
import { arg, median } from './common.mjs';
import { COMPRESSIBLE, gz, serve } from './startup-server.mjs';
import { findFile, requestPath } from '../../scripts/serve.mjs';

const REPS = arg('reps', 3);
const ONLY = String(arg('only', 'plain,isolated')).split(',');
const MBPS = arg('mbps', 10);
const LATENCY = arg('latency', 40);
const TARGET_S = 1.0;
const TARGET_GZIP = 300 * 1024;

/** Gzip bytes of what a TF.js-wasm page needs before its first prediction with our network. */
function tfjsBytes(parameters) {
  const tf = (p) => path.join(path.dirname(DIST), 'node_modules/@tensorflow', p);
  const files = [
    ['tf-core', tf('tfjs-core/dist/tf-core.min.js')],
    ['tf-layers', tf('tfjs-layers/dist/tf-layers.min.js')],
    ['tf-backend-wasm', tf('tfjs-backend-wasm/dist/tf-backend-wasm.min.js')],
    ['tfjs-backend-wasm-simd.wasm', tf('tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm')],
  ].map(([name, file]) => ({ name, gzip: zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length }));
  // The layers format's weights.bin: the shipped model's parameters as float32 (the Train view's TF.js export).
  const model = zlib.gzipSync(Buffer.from(parameters.buffer, parameters.byteOffset, parameters.byteLength), { level: 9 }).length;
  return { files, model, total: files.reduce((s, f) => s + f.gzip, 0) + model };
}

const CONDITIONS = { offline: false, latency: LATENCY, downloadThroughput: (MBPS * 1e6) / 8, uploadThroughput: (MBPS * 1e6) / 8 };

// Runs in the page before its own scripts: records when the first reading for
// the drawn ink appears, in the page's own clock (0 = navigation). Only a
// reading of the whole digit counts: the pen is up, and the answer is for the
// ink on the pad. With strokes, draws them at once the moment the pad exists.
function watchFirstReading(strokes) {
  let penUp = false;
  // An instant drawing: the strokes as pointer events, in one task, the moment the pad exists.
  const drawNow = (canvas) => {
    const box = canvas.getBoundingClientRect();
    const fire = (type, [x, y]) =>
      canvas.dispatchEvent(new PointerEvent(type, { pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true, cancelable: true, clientX: box.left + x * box.width, clientY: box.top + y * box.height }));
    for (const stroke of strokes) {
      fire('pointerdown', stroke[0]);
      for (const p of stroke.slice(1)) fire('pointermove', p);
      fire('pointerup', stroke.at(-1));
    }
    window.drawnAt = performance.now();
  };
  const check = () => {
    const root = document.querySelector('.draw-widget');
    const canvas = root?.querySelector('.pad-canvas');
    if (canvas && !('padShown' in window)) {
      window.padShown = performance.now();
      if (strokes) drawNow(canvas);
    }
    if (root?.dataset.state === 'ready' && !('modelReady' in window)) window.modelReady = performance.now();
    const readout = root?.querySelector('.readout');
    if (penUp && root?.dataset.current === 'true' && readout?.dataset.digit !== undefined && !('firstReading' in window)) {
      window.firstReading = { ms: performance.now(), digit: Number(readout.dataset.digit) };
      watch.disconnect();
    }
  };
  const watch = new MutationObserver(check);
  watch.observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('pointerup', () => {
    penUp = true;
    setTimeout(check, 0);
  }, true);
}

async function once(browser, url, instant) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', CONDITIONS);
  // Workers get the same conditions: attach to them as they start (paused until set).
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  cdp.on('Target.attachedToTarget', async ({ sessionId }) => {
    const send = (method, params = {}) => cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: Math.floor(Math.random() * 1e9), method, params }) }).catch(() => {});
    await send('Network.enable');
    await send('Network.emulateNetworkConditions', CONDITIONS);
    await send('Runtime.runIfWaitingForDebugger');
  });
  const requests = [];
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    const t = request.timing();
    requests.push({ url: request.url(), start: t.startTime, end: t.startTime + t.responseEnd, transfer: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0 });
  });
  await page.addInitScript(watchFirstReading, instant ? DIGITS[7] : null);
  await page.goto(url, { waitUntil: 'commit' });
  const canvas = page.locator('.pad-canvas');
  await canvas.waitFor({ timeout: 30_000 });
  const box = await canvas.boundingBox();
  const padReady = await page.evaluate(() => window.padShown ?? performance.now());
  for (const stroke of instant ? [] : DIGITS[7]) {
    const pts = stroke.map(([x, y]) => [box.x + x * box.width, box.y + y * box.height]);
    await page.mouse.move(...pts[0]);
    await page.mouse.down();
    for (const p of pts.slice(1).filter((_, i) => i % 3 === 2)) await page.mouse.move(...p);
    await page.mouse.move(...pts.at(-1));
    await page.mouse.up();
  }
  const drawn = await page.evaluate(() => window.drawnAt ?? performance.now());
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.waitForFunction(() => 'firstReading' in window, null, { timeout: 60_000 }).catch(async (e) => {
    const state = await page.evaluate(() => ({ ...document.querySelector('.draw-widget')?.dataset, readout: { ...document.querySelector('.readout')?.dataset } }));
    throw new Error(`no reading: ${JSON.stringify(state)} ${errors.join(' | ')} (${e.message})`);
  });
  const reading = await page.evaluate(() => window.firstReading);
  const readyMs = await page.evaluate(() => window.modelReady ?? NaN);
  const origin = await page.evaluate(() => performance.timeOrigin);
  await page.waitForTimeout(300); // late requestfinished events
  const before = requests.filter((r) => r.end - origin <= reading.ms);
  // Each request's file as the bench's server found it (scripts/serve.mjs's resolution).
  const files = await Promise.all(before.map(async (r) => {
    const p = new URL(r.url).pathname;
    const found = await findFile(DIST, requestPath(r.url) ?? '/');
    const raw = found?.stats.size ?? 0;
    return { path: p, transfer: r.transfer, raw, gzip: found && COMPRESSIBLE.test(found.file) ? gz(found.file).length : raw, from: Math.round(r.start - origin), at: Math.round(r.end - origin) };
  }));
  const chip = await page.locator('#build-status').getAttribute('title');
  await context.close();
  return { ms: reading.ms, digit: reading.digit, readyMs, padReadyMs: padReady, drawnMs: drawn, files: files.sort((a, b) => a.at - b.at), chip, all: requests.length };
}

/**
 * The same drawing at once, with no Playwright: one DevTools session on the page only (cdp-pipe.mjs),
 * the slow link made by the server (startup-server.mjs). Resolves to the times, in the page's clock.
 */
async function bareOnce(bare, url) {
  const page = await bare.newPage();
  const send = (method, params) => bare.send(method, params, page.sessionId);
  try {
    await send('Page.enable');
    await send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 1, mobile: false });
    await send('Page.addScriptToEvaluateOnNewDocument', { source: `(${watchFirstReading})(${JSON.stringify(DIGITS[7])})` });
    await send('Page.navigate', { url });
    const deadline = performance.now() + 60_000;
    let reading = null;
    while (!(reading = await evaluate(bare, page.sessionId, 'window.firstReading ?? null'))) {
      if (performance.now() > deadline) throw new Error(`no reading: ${JSON.stringify(await evaluate(bare, page.sessionId, "({ ...document.querySelector('.draw-widget')?.dataset })"))}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const readyMs = await evaluate(bare, page.sessionId, 'window.modelReady ?? NaN');
    const padReadyMs = await evaluate(bare, page.sessionId, 'window.padShown ?? NaN');
    return { ms: reading.ms, digit: reading.digit, readyMs, padReadyMs };
  } finally {
    await page.close();
  }
}

async function main() {
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const mode of ONLY) {
      const server = await serve({ isolated: mode === 'isolated' });
      const url = `http://127.0.0.1:${server.port}/#/draw`;
      for (const instant of [true, false]) {
        const runs = [];
        for (let r = 0; r < REPS; r++) runs.push(await once(browser, url, instant));
        const ms = median(runs.map((r) => r.ms));
        const last = runs.at(-1);
        const sum = (k) => last.files.reduce((s, f) => s + f[k], 0);
        rows.push({ mode, drawn: instant ? 'at once' : 'mouse', ms, readyMs: median(runs.map((r) => r.readyMs)), runs: runs.map((r) => Math.round(r.ms)), digit: last.digit, padReadyMs: Math.round(last.padReadyMs), drawnMs: Math.round(last.drawnMs), transfer: sum('transfer'), raw: sum('raw'), gzip: sum('gzip'), files: last.files, chip: last.chip });
      }
      server.close();
    }
  } finally {
    await browser.close();
  }
  const bare = await launchBare();
  try {
    for (const mode of ONLY) {
      const server = await serve({ isolated: mode === 'isolated', link: { mbps: MBPS, latencyMs: LATENCY } });
      const runs = [];
      for (let r = 0; r < REPS; r++) runs.push(await bareOnce(bare, `http://127.0.0.1:${server.port}/#/draw`));
      rows.push({ mode, drawn: 'at once', bare: true, ms: median(runs.map((r) => r.ms)), readyMs: median(runs.map((r) => r.readyMs)), runs: runs.map((r) => Math.round(r.ms)), digit: runs.at(-1).digit, padReadyMs: Math.round(runs.at(-1).padReadyMs) });
      server.close();
    }
  } finally {
    await bare.close();
  }

  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  console.log(`start-up to the first reading of a drawn 7, fresh cache, ${MBPS} Mbit/s, ${LATENCY} ms (Chromium network emulation), medians of ${REPS}`);
  const met = (ms, gzip) => (ms <= TARGET_S * 1000 && gzip <= TARGET_GZIP ? 'met' : 'not met');
  for (const r of rows.filter((r) => !r.bare)) {
    console.log(
      `  ${r.mode.padEnd(9)} ${r.drawn.padEnd(8)} ${(r.ms / 1000).toFixed(2)} s (runs ${r.runs.join(', ')} ms; model ready at ${Math.round(r.readyMs)} ms (median); last run: pad at ${r.padReadyMs} ms, drawn by ${r.drawnMs} ms) read ${r.digit}` +
        ` | ${kb(r.transfer)} transferred, ${kb(r.gzip)} gzip (${kb(r.raw)} raw) in ${r.files.length} requests | target ≤ ${TARGET_S} s, ≤ ${kb(TARGET_GZIP)} gzip: ${r.drawn === 'mouse' ? 'see the row drawn at once (this one includes the drawing)' : met(r.ms, r.gzip)}`,
    );
    if (r.drawn === 'at once') for (const f of r.files) console.log(`      ${String(f.from).padStart(5)} → ${String(f.at).padStart(5)} ms  ${f.path.padEnd(48)} ${kb(f.transfer).padStart(7)} sent  ${kb(f.gzip).padStart(7)} gzip  ${kb(f.raw).padStart(7)} raw`);
  }
  console.log(`the same without Playwright (it holds every worker at its start for its own set-up): one DevTools session on the page only, the server itself the ${MBPS} Mbit/s, ${LATENCY} ms link, drawn at once`);
  for (const r of rows.filter((r) => r.bare)) {
    const gzip = rows.find((p) => !p.bare && p.mode === r.mode)?.gzip ?? NaN;
    console.log(`  ${r.mode.padEnd(9)} bare     ${(r.ms / 1000).toFixed(2)} s (runs ${r.runs.join(', ')} ms; model ready at ${Math.round(r.readyMs)} ms (median); last run: pad at ${r.padReadyMs} ms) read ${r.digit} | target ≤ ${TARGET_S} s, ≤ ${kb(TARGET_GZIP)} gzip: ${met(r.ms, gzip)}`);
  }
  const reader = await loadModule('reader');
  const { parameters } = reader.loadModel(new Uint8Array(fs.readFileSync(path.join(DIST, 'models/mnist-mlp.mlpl'))));
  const tfjs = tfjsBytes(parameters);
  console.log(
    `TF.js-wasm, for the same first reading, would send at least ${kb(tfjs.total)} gzip before it: ` +
      tfjs.files.map((f) => `${f.name} ${kb(f.gzip)}`).join(', ') +
      ` (its model format stores float32 weights: ours exported, weights.bin ${kb(tfjs.model)} gzip); we send ${kb(rows[0]?.gzip ?? NaN)}`,
  );
  fs.mkdirSync(path.join(path.dirname(DIST), 'artifacts'), { recursive: true });
  console.log(JSON.stringify({ bench: 'startup', mbps: MBPS, latencyMs: LATENCY, rows: rows.map(({ files, ...r }) => r), tfjsGzip: tfjs.total }));
}

requireBuild();
await main();
