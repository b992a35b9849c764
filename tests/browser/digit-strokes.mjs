// Handwritten-looking digits as pointer paths, shared by the browser test
// (played as real pointer events on the canvas) and the Node test (rasterised
// into an ink array). Coordinates are fractions of the square canvas, x to the
// right and y downwards; each digit is a list of strokes (pen down ... pen up),
// each stroke a list of [x, y] points about as dense as pointermove events.
//
// The shapes are deliberately a little irregular (slant, overshoot, an open
// loop) the way people draw with a mouse, not fonts.

/** Points along an elliptical arc from angle a0 to a1 (radians, y down, so positive turns clockwise). */
function arc(cx, cy, rx, ry, a0, a1, n = 24, tilt = 0) {
  const out = [];
  for (let i = 0; i <= n; i++) {
    const a = a0 + ((a1 - a0) * i) / n;
    const x = rx * Math.cos(a);
    const y = ry * Math.sin(a);
    out.push([cx + x * Math.cos(tilt) - y * Math.sin(tilt), cy + x * Math.sin(tilt) + y * Math.cos(tilt)]);
  }
  return out;
}

/** Points along the straight line from p to q. */
function line(p, q, n = 12) {
  return Array.from({ length: n + 1 }, (_, i) => [p[0] + ((q[0] - p[0]) * i) / n, p[1] + ((q[1] - p[1]) * i) / n]);
}

/** One stroke made of pieces; each piece starts where the previous ended, so the joint is dropped. */
function path(...pieces) {
  return pieces.flatMap((p, k) => (k === 0 ? p : p.slice(1)));
}

const TAU = 2 * Math.PI;

export const DIGITS = {
  // An oval started at the top, drawn anticlockwise, overshooting its start a little.
  0: [arc(0.5, 0.5, 0.2, 0.3, -Math.PI / 2, -Math.PI / 2 - TAU - 0.25, 40, 0.12)],
  // A slanted down-stroke with a short lead-in at the top.
  1: [path(line([0.46, 0.27], [0.55, 0.2], 4), line([0.55, 0.2], [0.47, 0.8], 16))],
  // A top bar, then the long diagonal down to the left.
  2: [path(arc(0.5, 0.34, 0.17, 0.14, Math.PI * 1.1, Math.PI * 2.25, 18), line([0.6, 0.47], [0.32, 0.78], 12), line([0.32, 0.78], [0.7, 0.77], 10))],
  3: [path(arc(0.49, 0.35, 0.16, 0.13, Math.PI * 1.15, Math.PI * 2.5, 18), arc(0.49, 0.63, 0.18, 0.16, -Math.PI / 2, Math.PI * 0.85, 20))],
  4: [
    path(line([0.55, 0.2], [0.3, 0.58], 12), line([0.3, 0.58], [0.72, 0.57], 12)),
    line([0.6, 0.36], [0.58, 0.82], 14),
  ],
  5: [
    path(line([0.68, 0.22], [0.38, 0.22], 10), line([0.38, 0.22], [0.35, 0.46], 8), arc(0.5, 0.6, 0.18, 0.16, -Math.PI * 0.8, Math.PI * 0.8, 22)),
  ],
  6: [path(arc(0.62, 0.5, 0.25, 0.3, -Math.PI * 0.6, -Math.PI * 0.98, 10), arc(0.5, 0.64, 0.15, 0.15, Math.PI, Math.PI * 3, 26))],
  // A top bar, then the diagonal: the shape the brief asks the tests to read.
  7: [path(line([0.3, 0.22], [0.71, 0.21], 14), line([0.71, 0.21], [0.45, 0.8], 18))],
  8: [
    path(
      arc(0.5, 0.34, 0.14, 0.13, Math.PI * 0.5 + 0.6, Math.PI * 2.5, 22),
      arc(0.5, 0.64, 0.17, 0.16, -Math.PI / 2, Math.PI * 1.5 - 0.3, 26, 0),
    ),
  ],
  9: [path(arc(0.49, 0.36, 0.16, 0.14, 0, -TAU, 28), line([0.65, 0.36], [0.6, 0.82], 14))],
};

/** The digits the browser test draws (the brief's 0, 1 and 7). */
export const BROWSER_DIGITS = [0, 1, 7];
