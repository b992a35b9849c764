// The Draw view's robustness set (tests/robustness/draw-set.mjs) read three
// ways, per digit and per source, in one run:
//   before   the old path (a fixed pen of 0.09 of the pad, painted on a
//            140×140 canvas) and the model shipped before (git: --before-rev)
//   path     the new path (strokes rasterised by the core, pen ∝ digit size) with that old model
//   after    the new path with the shipped model (public/models/mnist-mlp.mlpl)
//
//   node tests/bench/bench_draw.mjs [--before-rev 8eb7ad9] [--per-digit 40] [--per-template 6] [--seed 2026]
//
// Needs web/generated/mlp-simd.* (sh scripts/build-wasm.sh). Prints a table and JSON on the last line.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, root } from '../node/load-module.mjs';
import { drawSet, formatScore, pack, rasteriseFixedPen, score } from '../robustness/draw-set.mjs';
import { arg } from './common.mjs';

const BEFORE_REV = String(arg('before-rev', '8eb7ad9'));
const M = await loadModule('simd');
const net = (bytes) => {
  const m = M.loadModel(bytes);
  return new M.Network(m.spec, m.parameters);
};
const shipped = net(new Uint8Array(fs.readFileSync(path.join(root, 'public/models/mnist-mlp.mlpl'))));
let old = null;
try {
  old = net(new Uint8Array(execFileSync('git', ['show', `${BEFORE_REV}:public/models/mnist-mlp.mlpl`], { cwd: root, maxBuffer: 1 << 24 })));
} catch (e) {
  console.error(`bench_draw: no model at ${BEFORE_REV} (${e.message.split('\n')[0]}); only "after" is measured`);
}

const t0 = performance.now();
const items = drawSet(root, { perDigit: arg('per-digit', 40), perTemplate: arg('per-template', 6), seed: arg('seed', 2026) });
const side = M.strokeRasterSide;
const viaCore = (it) => M.preprocessDigit(M.rasterizeStrokes(...Object.values(pack(it.strokes)), it.penScale), side, side).pixels;
const viaFixedPen = (it) => {
  const { ink, side: s } = rasteriseFixedPen(it.strokes, it.penScale);
  return M.preprocessDigit(ink, s, s).pixels;
};
const rows = {};
if (old) rows['before (fixed pen, old model)'] = score(items, (it) => old.predict(viaFixedPen(it), 1));
if (old) rows['core pen, old model'] = score(items, (it) => old.predict(viaCore(it), 1));
rows['after (core pen, shipped)'] = score(items, (it) => shipped.predict(viaCore(it), 1));
const small = items.filter((it) => it.size < 0.25);
rows['after, digits < 25% of pad'] = score(small, (it) => shipped.predict(viaCore(it), 1));
if (old) rows['before, digits < 25% of pad'] = score(small, (it) => old.predict(viaFixedPen(it), 1));

console.log(`draw robustness set: ${items.length} drawings (${small.length} smaller than 25% of the pad), ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${''.padEnd(28)} overall | per digit 0..9 (%)                      | per source`);
for (const [name, s] of Object.entries(rows)) console.log(formatScore(name, s));
console.log(JSON.stringify({ bench: 'draw-robustness', n: items.length, beforeRev: old ? BEFORE_REV : null, rows }));
