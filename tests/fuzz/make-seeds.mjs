// Writes the committed seed corpora in tests/fuzz/corpus/ (run once; the
// files are committed): small valid inputs for each target, and a few near
// misses, so libFuzzer starts from the formats' structure.
//   node tests/fuzz/make-seeds.mjs   (after sh scripts/build-wasm.sh)
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, root } from '../node/load-module.mjs';

const dir = (t) => path.join(root, 'tests/fuzz/corpus', t);
const be32 = (v) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const idxImages = (count, rows, cols) =>
  [...be32(2051), ...be32(count), ...be32(rows), ...be32(cols), ...Array.from({ length: count * rows * cols }, (_, i) => (i * 37) & 255)];
const idxLabels = (labels) => [...be32(2049), ...be32(labels.length), ...labels];
const idxPair = (images, labels) => Uint8Array.from([images.length & 255, images.length >> 8, ...images, ...labels]);

fs.writeFileSync(path.join(dir('idx'), 'pair-2x3x3'), idxPair(idxImages(2, 3, 3), idxLabels([7, 1])));
fs.writeFileSync(path.join(dir('idx'), 'pair-1x28x28'), idxPair(idxImages(1, 28, 28), idxLabels([5])));
fs.writeFileSync(path.join(dir('idx'), 'count-mismatch'), idxPair(idxImages(2, 2, 2), idxLabels([1, 2, 3])));
fs.writeFileSync(path.join(dir('idx'), 'gzip-labels'), idxPair(idxImages(1, 1, 1), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0]));

const M = await loadModule('simd');
const model = (name, spec, n) => {
  const params = Float32Array.from({ length: n }, (_, i) => Math.sin(i + 1));
  fs.writeFileSync(path.join(dir('model'), name), M.saveModel(spec, params, '{"seed":"fuzz"}'));
};
model('mlp-2-3-2', { inputs: 2, layers: [{ units: 3, activation: 'relu' }, { units: 2 }] }, 3 * 3 + 4 * 2);
model('leaky-elu-mse', { inputs: 3, layers: [{ units: 2, activation: 'leaky_relu' }, { units: 2, activation: 'elu' }, { units: 1, activation: 'sigmoid' }], loss: 'mse', init: 'zeros' }, 4 * 2 + 3 * 2 + 3);
model('bce', { inputs: 1, layers: [{ units: 1 }], loss: 'binary_cross_entropy' }, 2);

const canvas = (name, w, h, mode, body) => fs.writeFileSync(path.join(dir('preprocess'), name), Uint8Array.from([w - 1, h - 1, mode, ...body]));
const stroke = Array.from({ length: 28 * 28 }, (_, i) => (Math.abs((i % 28) - 14) < 3 && i > 100 && i < 680 ? 255 : 0));
canvas('stroke-28', 28, 28, 0, stroke);
canvas('blank-10', 10, 10, 0, [0]);
const f = new Float32Array([0, 1, 0.5, NaN, Infinity, -1, 1e30, 0.06]);
canvas('floats-8x8', 8, 8, 1, new Uint8Array(f.buffer));
canvas('floats-finite', 5, 7, 1, new Uint8Array(new Float32Array([0, 0.9, 0.3, 2, -3]).buffer));
