// Segment clipping (Liang–Barsky), so a path that runs off towards infinity
// (a diverging optimizer) is drawn up to the plot's edge and no further:
// canvas coordinates in the millions draw badly or not at all.

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The part of segment a→b inside r as [t0, t1] along it, or null if none. */
export function clipSegment(ax: number, ay: number, bx: number, by: number, r: Rect): [number, number] | null {
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, ax - r.x0],
    [dx, r.x1 - ax],
    [-dy, ay - r.y0],
    [dy, r.y1 - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [t0, t1];
}

export function inside(x: number, y: number, r: Rect): boolean {
  return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
}

/**
 * Where a polyline (its first n points) was last seen inside r: its last
 * point if that is inside, else the point where it last left r, else null.
 */
export function lastVisiblePoint(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  n: number,
  r: Rect,
): [number, number] | null {
  const lx = xs[n - 1] ?? NaN;
  const ly = ys[n - 1] ?? NaN;
  if (inside(lx, ly, r)) return [lx, ly];
  for (let k = n - 1; k > 0; k--) {
    const ax = xs[k - 1] ?? NaN;
    const ay = ys[k - 1] ?? NaN;
    const bx = xs[k] ?? NaN;
    const by = ys[k] ?? NaN;
    const t = clipSegment(ax, ay, bx, by, r);
    if (t) return [ax + (bx - ax) * t[1], ay + (by - ay) * t[1]];
  }
  return null;
}
