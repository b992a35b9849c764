// The lecture deck (examples/slides/): reveal.js from npm, bundled with the
// deck's own script and styles into dist/slides/. Its embeds point at the site
// one folder up (../?embed#/…), so the deck works wherever dist/ is served.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

export function slidesConfig(outDir) {
  return {
    configFile: false,
    root: path.join(ROOT, 'examples/slides'),
    base: './',
    publicDir: false,
    logLevel: 'warn',
    build: { outDir: path.join(outDir, 'slides'), emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  };
}
