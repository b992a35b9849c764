#!/usr/bin/env node
// Serves the built page (dist/) on 127.0.0.1 with the MIME types and the
// Content-Security-Policy the app is meant to run under. No dependencies.
// Every file carries validators (ETag, Last-Modified) and conditional
// requests get 304, so a reload revalidates the 11 MB of packed MNIST instead
// of downloading it again. A request it cannot parse gets 400 and the server
// goes on; a Host other than this machine's gets 421 (DNS rebinding).
//
//   node scripts/serve.mjs [--port N] [--no-build] [--root DIR]
//
// Without --no-build it runs `vite build` first. PORT works like --port; a
// taken port falls back to a free one. Tests import startServer() instead.

import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_PORT = 5173;

// The WASM glue is linked with -sDYNAMIC_EXECUTION=0, so embind needs no
// 'unsafe-eval'; 'wasm-unsafe-eval' only allows compiling WebAssembly.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  // Any page may frame the app: embeds in slide decks and course pages.
  'frame-ancestors *',
].join('; ');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  // Packed data is fetched as bytes and decompressed in the worker
  // (DecompressionStream), so it must not be sent with Content-Encoding.
  '.gz': 'application/gzip',
  '.bin': 'application/octet-stream',
  '.idx': 'application/octet-stream',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// Cross-origin isolation: SharedArrayBuffer, so the worker can run the threads
// build. On every response, including the pthread workers' mlp-threads.worker.js
// (a worker script without COEP is blocked, and the module never starts).
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  ...ISOLATION_HEADERS,
};

// RFC 3986 path characters (pchar and "/"), and what may follow in a query.
const PATH = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
const QUERY = /^[\x21-\x7e]*$/;

/**
 * The decoded path of a request target, or null when it is malformed. Only
 * origin-form (`/path?query`) and absolute-form (`http://host/path`) are
 * accepted, and a path must not start with `//`: `new URL` reads `//[` or
 * `//a:b@c:99999/` as a (broken) host and throws, and no file here has an
 * empty first segment.
 */
export function requestPath(target) {
  let raw = target;
  if (/^https?:\/\//i.test(target)) {
    try {
      raw = new URL(target).pathname;
    } catch {
      return null;
    }
  }
  const q = raw.search(/[?#]/);
  const [pathPart, query] = q < 0 ? [raw, ''] : [raw.slice(0, q), raw.slice(q + 1)];
  if (!PATH.test(pathPart) || !QUERY.test(query)) return null;
  try {
    const decoded = decodeURIComponent(pathPart);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

/**
 * Whether a Host header names this machine: localhost, 127.0.0.1 or [::1],
 * with any port. The server listens on 127.0.0.1 only, but a page elsewhere
 * could rebind its own name to 127.0.0.1; its requests carry its own Host.
 */
export function isLocalHost(host) {
  const m = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i.exec(host ?? '');
  return m !== null && (m[2] === undefined || Number(m[2].slice(1)) <= 65535);
}

/** The file a decoded URL path names inside root, or null if it escapes root. */
function resolvePath(root, decoded) {
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/** The file (or folder's index.html) a decoded URL path names inside root, with its stats; null: 404. */
export async function findFile(root, urlPath) {
  const file = resolvePath(root, urlPath);
  if (!file) return null;
  try {
    const s = await stat(file);
    if (s.isFile()) return { file, stats: s };
    if (s.isDirectory()) {
      const index = path.join(file, 'index.html');
      const si = await stat(index);
      if (si.isFile()) return { file: index, stats: si };
    }
  } catch {
    // missing: fall through to 404
  }
  return null;
}

/** Validators of a file: a weak ETag from size and modification time, and its Last-Modified date. */
export function validators(stats) {
  return {
    etag: `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`,
    lastModified: new Date(Math.floor(stats.mtimeMs / 1000) * 1000).toUTCString(),
  };
}

/**
 * Whether a conditional GET/HEAD can be answered 304 (RFC 9110 §13.2.2):
 * If-None-Match decides when present (weak comparison); otherwise
 * If-Modified-Since, against the modification time in whole seconds.
 */
export function notModified(headers, { etag, lastModified }) {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    const opaque = (tag) => tag.trim().replace(/^W\//, '');
    return inm.trim() === '*' || inm.split(',').some((tag) => opaque(tag) === opaque(etag));
  }
  const ims = Date.parse(headers['if-modified-since'] ?? '');
  return Number.isFinite(ims) && Date.parse(lastModified) <= ims;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

async function serveFile(root, req, res) {
  if (!isLocalHost(req.headers.host)) {
    if (req.headers.host === undefined) send(res, 400, 'Bad Request: no Host header\n');
    else send(res, 421, 'Misdirected Request: this server answers for localhost only\n');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const pathname = requestPath(req.url ?? '');
  if (pathname === null) {
    send(res, 400, 'Bad Request: malformed request target\n');
    return;
  }
  const found = await findFile(root, pathname);
  if (!found) {
    send(res, 404, 'Not Found\n');
    return;
  }
  const { etag, lastModified } = validators(found.stats);
  const headers = {
    ...SECURITY_HEADERS,
    // Vite puts content hashes in assets/ names, so they never change; the
    // rest (index.html, packed MNIST, the model) revalidate, usually to 304.
    'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    'Last-Modified': lastModified,
  };
  if (notModified(req.headers, { etag, lastModified })) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': mimeType(found.file), 'Content-Length': found.stats.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
}

// Any failure answers this one request (500, or a closed socket once the
// response has started) and never reaches the process as an unhandled rejection.
function handler(root) {
  return (req, res) => {
    serveFile(root, req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else send(res, 500, 'Internal Server Error\n');
    });
  };
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Starts the static server. port 0 picks a free port; a taken port falls back
 * to a free one. Resolves to { server, port, url, close() }.
 */
export async function startServer({ root = path.join(ROOT, 'dist'), port = DEFAULT_PORT } = {}) {
  const absRoot = path.resolve(root);
  const server = http.createServer(handler(absRoot));
  // Requests Node's own parser refuses (bad syntax, oversized headers) get a
  // 400 and a closed socket, not an 'error' on the server.
  server.on('clientError', (err, socket) => {
    if (err.code !== 'ECONNRESET' && socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  try {
    await listen(server, port);
  } catch (err) {
    if (err.code !== 'EADDRINUSE') throw err;
    await listen(server, 0);
  }
  const actual = server.address().port;
  return {
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function parseArgs(argv) {
  const opts = { port: Number(process.env.PORT ?? DEFAULT_PORT), build: true, root: path.join(ROOT, 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') opts.build = false;
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a.startsWith('--port=')) opts.port = Number(a.slice(7));
    else if (a === '--root') opts.root = path.resolve(argv[++i]);
    else if (a.startsWith('--root=')) opts.root = path.resolve(a.slice(7));
    else throw new Error(`unknown argument: ${a} (use --port N, --no-build, --root DIR)`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error(`bad port: ${opts.port}`);
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.build) {
    const r = spawnSync('npx', ['vite', 'build', '--config', 'vite.config.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error('vite build failed');
      process.exit(r.status ?? 1);
    }
  }
  const { url, close } = await startServer({ root: opts.root, port: opts.port });
  console.log(`MLP Lab is running at ${url}`);
  console.log(`The lecture deck is at ${url}slides/`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
