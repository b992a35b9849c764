// The optimizer race as plain functions over the WASM module: a surface's
// field for the contour plot, and every optimizer's walk from one start.
// Every number comes from the core (SurfaceWalk, surfaceInfo, surfaceGrid).

import type { MlpModule, SurfaceWalk } from '../../../generated/mlp-simd.mjs';
import type { LabRaceRequest, LabSurfaceRequest, RacePath, SurfaceField } from '../../protocol-lab.ts';

export const MAX_RACE_STEPS = 5000;

export function surfaceField(mod: MlpModule, req: Omit<LabSurfaceRequest, 'id' | 'type'>): SurfaceField {
  const info = mod.surfaceInfo(req.surface);
  const values = mod.surfaceGrid(req.surface, info.view, req.nx, req.ny);
  return { view: info.view, minima: info.minima, values, nx: req.nx, ny: req.ny };
}

/**
 * One walk, stepped one update at a time so the core's distance to the
 * nearest minimum is known at every point (the legend follows the animation).
 */
function walkPath(walk: SurfaceWalk, key: string, steps: number, start: [number, number]): RacePath {
  const hasMinimum = walk.distanceToMinimum() >= 0;
  const x = new Float64Array(steps + 1);
  const y = new Float64Array(steps + 1);
  const loss = new Float64Array(steps + 1);
  const distance = new Float64Array(hasMinimum ? steps + 1 : 0);
  x[0] = Math.fround(start[0]); // the core holds the point as float32
  y[0] = Math.fround(start[1]);
  loss[0] = walk.loss();
  if (hasMinimum) distance[0] = walk.distanceToMinimum();
  let n = 1;
  while (n <= steps) {
    const p = walk.run(1);
    if (p.length < 3) break; // diverged: the core kept the last finite point
    x[n] = p[0] ?? NaN;
    y[n] = p[1] ?? NaN;
    loss[n] = p[2] ?? NaN;
    if (hasMinimum) distance[n] = walk.distanceToMinimum();
    n += 1;
  }
  return {
    key,
    x: x.slice(0, n),
    y: y.slice(0, n),
    loss: loss.slice(0, n),
    distance: distance.slice(0, hasMinimum ? n : 0),
    diverged: walk.diverged(),
  };
}

export function racePaths(mod: MlpModule, req: Omit<LabRaceRequest, 'id' | 'type'>): RacePath[] {
  const steps = req.steps;
  if (!(Number.isInteger(steps) && steps >= 1 && steps <= MAX_RACE_STEPS))
    throw new Error(`steps must be an integer from 1 to ${MAX_RACE_STEPS}, got ${steps}`);
  return req.entries.map((entry) => {
    // The same seed for every entry: with gradient noise on, all see the same noise stream.
    const walk = new mod.SurfaceWalk(req.surface, entry.settings, req.start[0], req.start[1], req.noise, req.seed);
    try {
      return walkPath(walk, entry.key, steps, req.start);
    } finally {
      walk.delete();
    }
  });
}
