// One MNIST epoch of the seed MLP (784-300-100-10 ReLU, truncated normal,
// SGD 0.01, batch 50: 1,100 batches = 55,000 images) in a headless Chromium
// worker: our WASM SIMD build, our scalar build, TensorFlow.js 4.22 with its
// wasm backend (SIMD, one thread), and our threads build on a page served
// cross-origin isolated (COOP/COEP, as scripts/serve.mjs serves the app), one
// after the other in the same browser, under the app's strict CSP. SIMD
// (served plainly) and threads (served isolated) alternate --reps times; the
// table shows medians and the threads / SIMD ratio. Writes artifacts/bench-browser.json.
// A benchmark, not a test: it is not in npm test.
//
//   node tests/bench/bench_browser.mjs [--warmup 20] [--batches 1100] [--reps 3]
//        [--only simd,scalar,tfjs,threads] [--startup 0]
// Then, with dist/ built, the start-up benchmark (bench_startup.mjs) in the same run (--startup 0: not).
//
// Needs web/generated/ (sh scripts/build-wasm.sh) and public/data/mnist/ (node scripts/pack-mnist.mjs).
import { createReadStream } from 'node:fs';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CSP, ISOLATION_HEADERS, mimeType } from '../../scripts/serve.mjs';
import { launchBrowser } from '../browser/helpers.mjs';
import { ROOT, arg, median } from './common.mjs';

const WARMUP = arg('warmup', 20);
const BATCHES = arg('batches', 1100);
const REPS = arg('reps', 3);
const ONLY = String(arg('only', 'simd,scalar,tfjs,threads')).split(',');

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

// isolated: every response carries COOP/COEP (the page is then crossOriginIsolated).
function serve(isolated) {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    // The app's own CSP (scripts/serve.mjs): no 'unsafe-eval', WASM allowed by 'wasm-unsafe-eval'.
    const headers = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store', ...(isolated ? ISOLATION_HEADERS : {}) };
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

for (const need of ['web/generated/mlp-simd.wasm', 'web/generated/mlp-scalar.wasm', 'web/generated/mlp-threads.wasm',
  'public/data/mnist/train-images-idx3-ubyte.gz']) {
  if (!fs.existsSync(path.join(ROOT, need))) throw new Error(`${need} is missing: build it first (see the header of this file)`);
}

const servers = await Promise.all([serve(false), serve(true)]);
const urlOf = (server) => `http://127.0.0.1:${server.address().port}/`;
const browser = await launchBrowser();
const results = [];
try {
  const problems = [];
  const open = async (server) => {
    const page = await (await browser.newContext()).newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(urlOf(server));
    return page;
  };
  const [plain, isolated] = [await open(servers[0]), await open(servers[1])];
  if (!(await isolated.evaluate(() => crossOriginIsolated))) throw new Error('the isolated page is not crossOriginIsolated');
  const chromium = browser.version();
  console.error(`bench: Chromium ${chromium}, ${urlOf(servers[0])} (plain) and ${urlOf(servers[1])} (isolated), ` +
    `warm-up ${WARMUP} batches, timing ${BATCHES} batches of 50, ${REPS} reps of SIMD and threads`);
  const params = { warmup: WARMUP, batches: BATCHES };
  const ours = (page, flavour, threads) => {
    console.error(`bench: MLP Lab ${flavour}${threads ? ` on ${threads} thread` : ''}…`);
    return page.evaluate((p) => window.bench.ours(p), { ...params, flavour, threads });
  };
  // SIMD served plainly and threads served isolated, alternating: the ratio the
  // issue asks for; and the threads build on one thread, for what the pthread
  // build itself costs (shared memory, JS-emulated exceptions: see CMakeLists.txt).
  const pairs = [];
  for (let r = 0; r < REPS; r++) {
    const pair = {};
    if (ONLY.includes('simd')) pair.simd = await ours(plain, 'simd');
    if (ONLY.includes('threads')) pair.threads = await ours(isolated, 'threads');
    if (ONLY.includes('threads')) pair.threads1 = await ours(isolated, 'threads', 1);
    pairs.push(pair);
  }
  const medianRun = (key) => {
    const runs = pairs.map((p) => p[key]).filter(Boolean);
    if (!runs.length) return;
    const best = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)];
    results.push({ ...best, seconds: median(runs.map((x) => x.seconds)), examplesPerSecond: median(runs.map((x) => x.examplesPerSecond)),
      runSeconds: runs.map((x) => x.seconds) });
  };
  medianRun('simd');
  if (ONLY.includes('scalar')) results.push(await ours(plain, 'scalar'));
  medianRun('threads');
  medianRun('threads1');
  if (ONLY.includes('tfjs')) {
    console.error('bench: TensorFlow.js wasm…');
    results.push(await plain.evaluate((p) => window.bench.tfjs(p), params));
  }
  if (problems.length > 0) console.error(`bench: the page reported: ${problems.join('; ')}`);

  const tfjs = results.find((r) => r.build === 'tfjs-wasm');
  const label = (r) => {
    if (r.build === 'tfjs-wasm') return `TF.js ${r.tfjs} wasm${r.simd ? ' SIMD' : ''}, ${r.threads} thread`;
    const name = { 'mlp-lab-simd': 'SIMD', 'mlp-lab-scalar': 'scalar', 'mlp-lab-threads': 'threads, isolated' }[r.build];
    if (r.build === 'mlp-lab-threads' && r.threads === 1) return `MLP Lab threads build on 1 thread, isolated (${r.kernel})`;
    return `MLP Lab ${name} (${r.kernel})`;
  };
  const rows = results.map((r) => ({
    build: label(r),
    seconds: r.seconds,
    perSecond: r.examplesPerSecond,
    accuracy: r.testAccuracy,
    vsTfjs: tfjs ? tfjs.seconds / r.seconds : NaN,
  }));
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(`One epoch of the seed MLP (784-300-100-10, SGD 0.01, batch 50, 55,000 MNIST images) in a Chromium ${chromium.split('.')[0]} worker`);
  console.log(`${pad('build', 60)}${lpad('epoch s', 9)}${lpad('examples/s', 12)}${lpad('test acc', 10)}${lpad('speed vs TF.js', 16)}`);
  for (const r of rows) {
    console.log(
      `${pad(r.build, 60)}${lpad(r.seconds.toFixed(2), 9)}${lpad(Math.round(r.perSecond).toLocaleString('en'), 12)}` +
        `${lpad(`${(r.accuracy * 100).toFixed(2)}%`, 10)}${lpad(Number.isFinite(r.vsTfjs) ? `${r.vsTfjs.toFixed(2)}×` : '–', 16)}`,
    );
  }
  const simd = results.find((r) => r.build === 'mlp-lab-simd');
  const scalar = results.find((r) => r.build === 'mlp-lab-scalar');
  const threads = results.find((r) => r.build === 'mlp-lab-threads' && r.threads > 1);
  const threads1 = results.find((r) => r.build === 'mlp-lab-threads' && r.threads === 1);
  if (simd && scalar) console.log(`MLP Lab SIMD / scalar: ${(scalar.seconds / simd.seconds).toFixed(2)}×`);
  if (simd && threads) {
    const each = pairs.map((p) => (p.simd.seconds / p.threads.seconds).toFixed(2)).join(', ');
    console.log(`MLP Lab threads (${threads.threads} threads, served isolated) / SIMD (1 thread, served plainly), one epoch: ` +
      `${(simd.seconds / threads.seconds).toFixed(2)}× (medians of ${pairs.length} alternating runs; each pair: ${each}); ` +
      `same final epoch loss: ${threads.finalEpochLoss === simd.finalEpochLoss}`);
  }
  if (simd && threads && threads1)
    console.log(`  threads build: ${threads.threads} threads / 1 thread ${(threads1.seconds / threads.seconds).toFixed(2)}×; ` +
      `on 1 thread it runs at ${(simd.seconds / threads1.seconds).toFixed(2)}× the SIMD build's speed`);
  if (tfjs) console.log(`TF.js read ${tfjs.wasmFiles.map((f) => path.basename(f)).join(', ')} (simd ${tfjs.simd}, threads ${tfjs.threads})`);
  fs.mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'artifacts/bench-browser.json'),
    JSON.stringify({ chromium, warmup: WARMUP, batches: BATCHES, batchSize: 50, reps: REPS, results, pairs }, null, 2),
  );
  console.error('bench: wrote artifacts/bench-browser.json');
} finally {
  await browser.close();
  for (const server of servers) server.close();
}

// Start-up (tests/bench/bench_startup.mjs) in the same run, when the site is built: time and bytes to
// the first reading of a drawn 7 at 10 Mbit/s, 40 ms, beside the bytes TF.js-wasm would send.
if (arg('startup', 1)) {
  if (fs.existsSync(path.join(ROOT, 'dist/index.html'))) {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, [path.join(ROOT, 'tests/bench/bench_startup.mjs'), '--reps', String(REPS)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    console.log(out.split('\n').filter((l) => !l.startsWith('{')).join('\n'));
  } else {
    console.log('start-up: no dist/ (npx vite build --config vite.config.mjs), not measured');
  }
}
