#!/usr/bin/env node
// Serves the built page (dist/) on 127.0.0.1 with the MIME types and the
// Content-Security-Policy the app is meant to run under. No dependencies.
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

/** The file a URL path names inside root, or null if it escapes root. */
function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function findFile(root, urlPath) {
  const file = resolvePath(root, urlPath);
  if (!file) return null;
  try {
    const s = await stat(file);
    if (s.isFile()) return { file, size: s.size };
    if (s.isDirectory()) {
      const index = path.join(file, 'index.html');
      const si = await stat(index);
      if (si.isFile()) return { file: index, size: si.size };
    }
  } catch {
    // missing: fall through to 404
  }
  return null;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

function handler(root) {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const found = await findFile(root, pathname);
    if (!found) {
      send(res, 404, 'Not Found\n');
      return;
    }
    // Vite puts content hashes in assets/ names, so they never change.
    const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeType(found.file),
      'Content-Length': found.size,
      'Cache-Control': cache,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
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
