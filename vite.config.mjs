// Vite builds the page from web/ into dist/. The WASM glue in web/generated/
// finds its .wasm through new URL(..., import.meta.url), which Vite turns into
// a hashed asset, so no copy step is needed.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  // Relative URLs everywhere: dist/ works from any sub-path of any static
  // host (and the favicon with it) without rebuilding.
  base: './',
  publicDir: '../public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  // The page spawns a module worker; the scalar/SIMD modules are ES modules too.
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
