// Vite builds the page from web/ into dist/. The WASM glue in web/generated/
// finds its .wasm through new URL(..., import.meta.url), which Vite turns into
// a hashed asset, so no copy step is needed.
import { defineConfig } from 'vite';

const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  root: 'web',
  publicDir: '../public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  // The page spawns a module worker; the scalar/SIMD modules are ES modules too.
  worker: { format: 'es' },
  // Cross-origin isolated, as scripts/serve.mjs serves it: the worker then runs the threads build.
  server: { host: '127.0.0.1', headers: isolation },
  preview: { host: '127.0.0.1', headers: isolation },
});
