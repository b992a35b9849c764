// The decision-boundary playground's `pg-…` requests (the controller routes
// them here). `pg-data` draws a data set; `pg-maps` reads a training job's
// network over the plane: its output on a fine grid, every input feature and
// every neuron on a coarse one (TF Playground's small node pictures), one
// neuron on the fine grid when it is shown large, the weights, and the data
// loss on the training and test sets now. All of it computed by the core.

import type { MlpModule } from '../../generated/mlp-simd.mjs';
import type { PgMaps, PgMapsRequest, PlaygroundRequest } from '../protocol-playground.ts';
import { assertNever } from '../protocol.ts';
import { gridPoints, type Session } from './engine.ts';
import { transferables, type Host } from './host.ts';

/** The session and step count of a playground training job (throws when the job is not one). */
export type PlaygroundJobs = (job: number) => { session: Session; steps: number };

export function answerPlayground(mod: MlpModule, jobs: PlaygroundJobs, host: Host, req: PlaygroundRequest): void {
  const post = host.post.bind(host);
  switch (req.type) {
    case 'pg-data': {
      const value = mod.playgroundData(req.data);
      post({ type: 'result', id: req.id, op: req.type, value }, transferables(value.x, value.labels, value.targets));
      return;
    }
    case 'pg-maps': {
      const value = maps(mod, jobs, req);
      const arrays = [value.output, value.features, value.parameters, ...value.layers];
      if (value.focus) arrays.push(value.focus);
      post({ type: 'result', id: req.id, op: req.type, value }, transferables(...arrays));
      return;
    }
    default:
      assertNever(req, 'playground request');
  }
}

function maps(mod: MlpModule, jobs: PlaygroundJobs, req: PgMapsRequest): PgMaps {
  const { session, steps } = jobs(req.job);
  const source = session.source;
  if (source.kind !== 'playground') throw new Error(`job ${req.job} does not train on playground data`);
  const { trainer } = session;
  const fine = mod.playgroundFeatures(gridPoints(req.grid), source.features);
  const coarsePoints = gridPoints(req.neuronGrid);
  const coarse = mod.playgroundFeatures(coarsePoints, source.features);
  const cells = req.grid.nx * req.grid.ny;
  const output = trainer.predict(fine, cells);
  const layers = trainer.layerOutputs(coarse, req.neuronGrid.nx * req.neuronGrid.ny);
  let focus: Float32Array | null = null;
  if (req.focus) {
    const { layer, unit } = req.focus;
    const units = layers[layer] ? layers[layer].length / (req.neuronGrid.nx * req.neuronGrid.ny) : 0;
    if (!(Number.isInteger(unit) && unit >= 0 && unit < units))
      throw new Error(`focus must name a neuron of the network, got layer ${layer + 1}, unit ${unit + 1}`);
    const all = trainer.layerOutputs(fine, cells)[layer] ?? new Float32Array(0);
    focus = new Float32Array(cells);
    for (let c = 0; c < cells; c++) focus[c] = all[c * units + unit] ?? NaN;
  }
  return {
    job: req.job,
    steps,
    output,
    outputs: output.length / cells,
    layers,
    // Every feature, fed in or not, so the diagram can picture each one.
    features: mod.playgroundFeatures(coarsePoints, mod.vocabulary().playground.features),
    focus,
    parameters: trainer.parameters(),
    train: trainer.evaluate(session.data),
    test: session.validation ? trainer.evaluate(session.validation) : null,
  };
}
