// The built page (dist/) served for bench_startup.mjs from a thread of its own
// (on the bench's thread it would answer only when Playwright's message
// handling let it: at start-up, some 250 ms late even at 1 Gbit/s and no
// latency), gzip-compressed as static hosts do, plainly or cross-origin
// isolated (COOP/COEP). With `link`, the server is the slow link itself: every
// response starts `latencyMs` after its request and all responses share
// `mbps` of bandwidth, chunk by chunk, the way the bench's Chromium emulation
// shapes the page's requests, but for the workers' requests too, with no
// DevTools session attached to them.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CSP, ISOLATION_HEADERS, findFile, mimeType, requestPath } from '../../scripts/serve.mjs';
import { DIST } from '../browser/helpers.mjs';

export const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|wasm|mlpl|txt)$/;
const gzipCache = new Map();
/** A file as gzip -9 sends it (cached). */
export function gz(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
  return gzipCache.get(file);
}

/** Serves dist/ on a free port from a thread: resolves to { port, close }. */
export function serve({ isolated, link = null }) {
  const thread = new Worker(new URL(import.meta.url), { workerData: { isolated, link } });
  return new Promise((resolve, reject) => {
    thread.once('message', (port) => resolve({ port, close: () => thread.terminate() }));
    thread.once('error', reject);
  });
}

const CHUNK = 4096;

/** Writes body at the link's pace: each chunk waits for the link to be free (responses interleave). */
async function sendOverLink(res, headers, body, link, state) {
  await sleep(link.latencyMs);
  res.writeHead(200, headers);
  const bytesPerMs = (link.mbps * 1e6) / 8 / 1000;
  for (let at = 0; at < body.length; at += CHUNK) {
    const chunk = body.subarray(at, at + CHUNK);
    const now = performance.now();
    state.free = Math.max(now, state.free) + chunk.length / bytesPerMs;
    await sleep(state.free - now);
    res.write(chunk);
  }
  res.end();
}

function startServer({ isolated, link }) {
  const state = { free: 0 };
  const server = http.createServer(async (req, res) => {
    const urlPath = requestPath(req.url ?? '/');
    const found = urlPath === null ? null : await findFile(DIST, urlPath);
    const headers = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache', ...(isolated ? ISOLATION_HEADERS : {}) };
    if (!found) {
      res.writeHead(404, headers).end('Not Found\n');
      return;
    }
    const { file } = found;
    const zip = COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = zip ? gz(file) : fs.readFileSync(file);
    const all = { ...headers, 'Content-Type': mimeType(file), 'Content-Length': body.length, ...(zip ? { 'Content-Encoding': 'gzip' } : {}) };
    if (link) void sendOverLink(res, all, body, link, state);
    else res.writeHead(200, all).end(body);
  });
  server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
}

if (!isMainThread) {
  for (const f of [...fs.readdirSync(path.join(DIST, 'assets')).map((f) => path.join(DIST, 'assets', f)), path.join(DIST, 'models/mnist-mlp.mlpl')]) if (COMPRESSIBLE.test(f)) gz(f);
  startServer(workerData);
}
