// The single-file build: dist/mlp-lab.html holds the whole site (JS, CSS, both
// WASM builds, the pretrained model and an MNIST subset) and works opened from
// disk with no network, e.g. beside a lecture deck on a USB stick. What differs
// from the site (TOOLCHAIN.md, "One HTML file from file://"):
//   - the worker is a classic worker from a blob: URL (a module worker from a
//     blob: URL is refused on file://): web/src/spawn-worker-inline.ts;
//   - the worker's data comes from bytes inside (scripts/pack-offline.mjs puts
//     a module in place of web/src/worker/bundled.ts), never from fetch;
//   - each glue loads its own inlined .wasm, and there is no threads build
//     (web/src/worker/load-module-inline.ts);
//   - vite-plugin-singlefile inlines every script, style and asset (the .wasm
//     as data: URLs), and the favicon is inlined too;
//   - a meta Content-Security-Policy, since no server sends one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { OFFLINE_MODULE, packOffline } from './scripts/pack-offline.mjs';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const WEB = path.join(ROOT, 'web');
export const SINGLE_FILE = 'mlp-lab.html';

const SWAPS = new Map([
  [path.join(WEB, 'src/spawn-worker.ts'), path.join(WEB, 'src/spawn-worker-inline.ts')],
  [path.join(WEB, 'src/worker/bundled.ts'), OFFLINE_MODULE],
  [path.join(WEB, 'src/worker/load-module.ts'), path.join(WEB, 'src/worker/load-module-inline.ts')],
]);

/** Puts the single-file versions of a few modules in place of the site's (by their resolved path). */
function swapModules() {
  return {
    name: 'mlp-lab:single-file-swaps',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      return SWAPS.get(path.resolve(path.dirname(importer), source)) ?? null;
    },
  };
}

// No server sends headers to a file: the policy the site runs under, for a page from disk.
const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'wasm-unsafe-eval'",
  'worker-src blob:',
  'connect-src data: blob:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'frame-src *',
].join('; ');

/** The meta policy and an inlined favicon; the page is written as dist/mlp-lab.html. */
function finish(outDir, tmpDir) {
  const favicon = `data:image/svg+xml;base64,${fs.readFileSync(path.join(ROOT, 'public/favicon.svg')).toString('base64')}`;
  return {
    name: 'mlp-lab:single-file-page',
    transformIndexHtml: (html) =>
      html
        .replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`)
        .replace('href="./favicon.svg"', `href="${favicon}"`),
    closeBundle() {
      fs.copyFileSync(path.join(tmpDir, 'index.html'), path.join(outDir, SINGLE_FILE));
    },
  };
}

/** The config of the single-file build, written into `outDir` (the site's). */
export async function singleFileConfig(outDir) {
  packOffline();
  const tmpDir = path.join(ROOT, 'build/single-file');
  return {
    configFile: false,
    root: WEB,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    plugins: [swapModules(), viteSingleFile({ removeViteModuleLoader: true }), finish(outDir, tmpDir)],
    worker: { format: 'iife', plugins: () => [swapModules()] },
    build: { outDir: tmpDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 20_000 },
  };
}
