// One MNIST epoch of the seed MLP (784-300-100-10 ReLU, truncated normal,
// SGD 0.01, batch 50: 1,100 batches = 55,000 images) in a headless Chromium
// worker: our WASM SIMD build, our scalar build, and TensorFlow.js 4.22 with
// its wasm backend (SIMD, one thread), one after the other in the same page,
// served under the app's strict CSP. Prints a table and the ratios; writes
// artifacts/bench-browser.json. A benchmark, not a test: it is not in npm test.
//
//   node tests/bench/bench_browser.mjs [--warmup 20] [--batches 1100] [--only simd,scalar,tfjs]
//
// Needs web/generated/ (sh scripts/build-wasm.sh) and public/data/mnist/ (node scripts/pack-mnist.mjs).
import { createReadStream } from 'node:fs';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CSP, mimeType } from '../../scripts/serve.mjs';
import { launchBrowser } from '../browser/helpers.mjs';
import { ROOT, arg } from './common.mjs';

const WARMUP = arg('warmup', 20);
const BATCHES = arg('batches', 1100);
const ONLY = String(arg('only', 'simd,scalar,tfjs')).split(',');

// URL prefix -> folder. Everything else is refused.
const MOUNTS = [
  ['/generated/', path.join(ROOT, 'web/generated')],
  ['/mnist/', path.join(ROOT, 'public/data/mnist')],
  ['/tfjs/', path.join(ROOT, 'node_modules/@tensorflow/tfjs/dist')],
  ['/tfjs-wasm/', path.join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist')],
  ['/', path.join(ROOT, 'tests/bench/browser')],
];

function resolve(urlPath) {
  for (const [prefix, dir] of MOUNTS) {
    if (!urlPath.startsWith(prefix)) continue;
    const rest = decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html';
    const file = path.resolve(dir, rest);
    return file.startsWith(dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
  }
  return null;
}

function serve() {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    // The app's own CSP (scripts/serve.mjs): no 'unsafe-eval', WASM allowed by 'wasm-unsafe-eval'.
    const headers = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' };
    if (pathname === '/favicon.ico') {
      res.writeHead(204, headers).end();
      return;
    }
    const file = resolve(pathname);
    if (!file) {
      res.writeHead(404, headers).end('Not Found\n');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': mimeType(file), 'Content-Length': fs.statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

for (const need of ['web/generated/mlp-simd.wasm', 'web/generated/mlp-scalar.wasm', 'public/data/mnist/train-images-idx3-ubyte.gz']) {
  if (!fs.existsSync(path.join(ROOT, need))) throw new Error(`${need} is missing: build it first (see the header of this file)`);
}

const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launchBrowser();
const results = [];
try {
  const page = await (await browser.newContext()).newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  const chromium = browser.version();
  console.error(`bench: Chromium ${chromium}, ${url}, warm-up ${WARMUP} batches, timing ${BATCHES} batches of 50`);
  const params = { warmup: WARMUP, batches: BATCHES };
  for (const flavour of ['simd', 'scalar']) {
    if (!ONLY.includes(flavour)) continue;
    console.error(`bench: MLP Lab ${flavour}…`);
    results.push(await page.evaluate((p) => window.bench.ours(p), { ...params, flavour }));
  }
  if (ONLY.includes('tfjs')) {
    console.error('bench: TensorFlow.js wasm…');
    results.push(await page.evaluate((p) => window.bench.tfjs(p), params));
  }
  if (problems.length > 0) console.error(`bench: the page reported: ${problems.join('; ')}`);

  const tfjs = results.find((r) => r.build === 'tfjs-wasm');
  const rows = results.map((r) => ({
    build: r.build === 'tfjs-wasm' ? `TF.js ${r.tfjs} wasm${r.simd ? ' SIMD' : ''}, ${r.threads} thread` : `MLP Lab ${r.build.endsWith('simd') ? 'SIMD' : 'scalar'} (${r.kernel})`,
    seconds: r.seconds,
    perSecond: r.examplesPerSecond,
    accuracy: r.testAccuracy,
    vsTfjs: tfjs ? tfjs.seconds / r.seconds : NaN,
  }));
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(`One epoch of the seed MLP (784-300-100-10, SGD 0.01, batch 50, 55,000 MNIST images) in a Chromium ${chromium.split('.')[0]} worker`);
  console.log(`${pad('build', 44)}${lpad('epoch s', 9)}${lpad('examples/s', 12)}${lpad('test acc', 10)}${lpad('speed vs TF.js', 16)}`);
  for (const r of rows) {
    console.log(
      `${pad(r.build, 44)}${lpad(r.seconds.toFixed(2), 9)}${lpad(Math.round(r.perSecond).toLocaleString('en'), 12)}` +
        `${lpad(`${(r.accuracy * 100).toFixed(2)}%`, 10)}${lpad(Number.isFinite(r.vsTfjs) ? `${r.vsTfjs.toFixed(2)}×` : '–', 16)}`,
    );
  }
  const simd = results.find((r) => r.build === 'mlp-lab-simd');
  const scalar = results.find((r) => r.build === 'mlp-lab-scalar');
  if (simd && scalar) console.log(`MLP Lab SIMD / scalar: ${(scalar.seconds / simd.seconds).toFixed(2)}×`);
  if (tfjs) console.log(`TF.js read ${tfjs.wasmFiles.map((f) => path.basename(f)).join(', ')} (simd ${tfjs.simd}, threads ${tfjs.threads})`);
  fs.mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'artifacts/bench-browser.json'),
    JSON.stringify({ chromium, warmup: WARMUP, batches: BATCHES, batchSize: 50, results }, null, 2),
  );
  console.error('bench: wrote artifacts/bench-browser.json');
} finally {
  await browser.close();
  server.close();
}
