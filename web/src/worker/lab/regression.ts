// The regression lesson as plain functions over the WASM module: the data
// y = 4 + 3x + noise, its normal-equation optimum, the MSE over a view around
// it, and batch / stochastic / mini-batch walks from one start. Every number
// comes from the core (linearData, normalEquation, regressionGrid, RegressionWalk).

import type { Bounds, LinearData, MlpModule } from '../../../generated/mlp-simd.mjs';
import type {
  LabRegressionSetupRequest,
  LabRegressionWalksRequest,
  LinearDataSpec,
  RegressionPath,
  RegressionSetup,
} from '../../protocol-lab.ts';

/** The chapter's line: y = 4 + 3x + noise. */
const INTERCEPT = 4;
const SLOPE = 3;
/** Updates per walk at most, so a request stays a few milliseconds and a few MB. */
export const MAX_REGRESSION_STEPS = 100_000;

function linearData(mod: MlpModule, d: LinearDataSpec): LinearData {
  return mod.linearData(d.m, INTERCEPT, SLOPE, d.noise, d.seed);
}

/** The core's MSE at one (θ₀, θ₁): the first node of a tiny grid that starts there. */
function mseAt(mod: MlpModule, data: LinearData, t0: number, t1: number): number {
  const eps = 1e-9 * Math.max(1, Math.abs(t0), Math.abs(t1));
  return mod.regressionGrid(data, [t0, t0 + eps, t1, t1 + eps], 2, 2)[0] ?? NaN;
}

export function regressionSetup(mod: MlpModule, req: Omit<LabRegressionSetupRequest, 'id' | 'type'>): RegressionSetup {
  const data = linearData(mod, req.data);
  const optimum = mod.normalEquation(data);
  const [o0, o1] = optimum;
  // Centre the view on the optimum, snapped to a quarter so small data changes do not jiggle the axes.
  const c0 = Math.round(o0 * 4) / 4;
  const c1 = Math.round(o1 * 4) / 4;
  const view: Bounds = [c0 - req.halfWidth[0], c0 + req.halfWidth[0], c1 - req.halfWidth[1], c1 + req.halfWidth[1]];
  const values = mod.regressionGrid(data, view, req.nx, req.ny);
  return { x: data.x, y: data.y, optimum, optimumLoss: mseAt(mod, data, o0, o1), view, values, nx: req.nx, ny: req.ny };
}

export function regressionPaths(mod: MlpModule, req: Omit<LabRegressionWalksRequest, 'id' | 'type'>): RegressionPath[] {
  const data = linearData(mod, req.data);
  const m = data.x.length;
  const s0 = Math.fround(req.start[0]); // the core holds θ as float32
  const s1 = Math.fround(req.start[1]);
  const startLoss = mseAt(mod, data, s0, s1);
  return req.batchSizes.map((b) => {
    const batchSize = Math.min(m, b);
    const walk = new mod.RegressionWalk(
      data,
      batchSize,
      { optimizer: 'sgd', learningRate: req.learningRate },
      req.schedule,
      req.start[0],
      req.start[1],
      req.data.seed,
    );
    try {
      const batchesPerEpoch = walk.batchesPerEpoch();
      const steps = req.epochs * batchesPerEpoch;
      if (!(Number.isInteger(steps) && steps >= 1 && steps <= MAX_REGRESSION_STEPS))
        throw new Error(`epochs × batches per epoch must be 1 to ${MAX_REGRESSION_STEPS}, got ${steps}`);
      const s = walk.run(steps);
      const withStart = (start: number, col: Float64Array): Float64Array => {
        const out = new Float64Array(col.length + 1);
        out[0] = start;
        out.set(col, 1);
        return out;
      };
      return {
        batchSize,
        batchesPerEpoch,
        theta0: withStart(s0, s.theta0),
        theta1: withStart(s1, s.theta1),
        loss: withStart(startLoss, s.loss),
        examples: withStart(0, s.examples),
        epoch: withStart(0, s.epoch),
        diverged: walk.diverged(),
      };
    } finally {
      walk.delete();
    }
  });
}
