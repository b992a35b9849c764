// Vite builds three things into dist/ (or --outDir):
//   1. the site: index.html and assets/, with relative URLs everywhere, so it
//      works from any sub-path of any static host without rebuilding;
//   2. mlp-lab.html: the whole site in one file that works opened from disk
//      (vite.single.mjs);
//   3. slides/: the lecture deck of examples/slides/ (vite.slides.mjs).
// The last two run when the first is written; MLP_BUILD=site skips them (a
// quicker build while working on the site alone). The WASM glue in
// web/generated/ finds its .wasm through new URL(..., import.meta.url), which
// Vite turns into a hashed asset, so no copy step is needed.
import path from 'node:path';
import { build, defineConfig } from 'vite';
import { singleFileConfig } from './vite.single.mjs';
import { slidesConfig } from './vite.slides.mjs';

/** Builds the single file and the deck after the site, into the same folder. */
function alsoBuild() {
  let outDir = '';
  return {
    name: 'mlp-lab:also-build',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      if (process.env.MLP_BUILD === 'site') return;
      await build(await singleFileConfig(outDir));
      await build(slidesConfig(outDir));
    },
  };
}

const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  root: 'web',
  base: './',
  publicDir: '../public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  // The page spawns a module worker; the scalar/SIMD modules are ES modules too.
  worker: { format: 'es' },
  plugins: [alsoBuild()],
  // Cross-origin isolated, as scripts/serve.mjs serves it: the worker then runs the threads build.
  server: { host: '127.0.0.1', headers: isolation },
  preview: { host: '127.0.0.1', headers: isolation },
});
