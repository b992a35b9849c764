// The history lessons' `lesson-…` requests (the controller routes them here):
// each is one call into the core and one answer, its arrays moved, not copied.

import type { MlpModule } from '../../generated/mlp-simd.mjs';
import type { LessonRequest } from '../protocol-lessons.ts';
import { assertNever } from '../protocol.ts';
import { transferables, type Host } from './host.ts';

export function answerLesson(mod: MlpModule, host: Host, req: LessonRequest): void {
  const post = host.post.bind(host);
  switch (req.type) {
    case 'lesson-threshold': {
      const outputs = mod.thresholdTruthTable(req.network);
      const value = { rows: 2 ** req.network.inputs, units: req.network.units.length, outputs };
      post({ type: 'result', id: req.id, op: req.type, value }, transferables(outputs));
      return;
    }
    case 'lesson-hebb': {
      const v = mod.hebbVsPerceptron(req.data.x, req.data.labels, req.learningRate, req.presentations);
      const arrays = [v.example, v.hebbDelta, v.hebbWeights, v.perceptronDelta, v.perceptronWeights, v.perceptronPredicted, v.hebbCorrect, v.perceptronCorrect];
      post({ type: 'result', id: req.id, op: req.type, value: v }, transferables(...arrays));
      return;
    }
    case 'lesson-perceptron': {
      const walk = mod.perceptronWalk(req.data.x, req.data.labels, req.learningRate, req.maxEpochs);
      // Only a set that did not converge has a cycle to look for.
      const cycle = walk.converged ? null : mod.perceptronCycle(req.data.x, req.data.labels, req.learningRate, req.maxEpochs);
      const arrays = [walk.example, walk.epoch, walk.xHat, walk.z, walk.predicted, walk.target, walk.error, walk.before, walk.delta, walk.after];
      if (cycle) arrays.push(cycle.epochWeights, cycle.cyclePath);
      post({ type: 'result', id: req.id, op: req.type, value: { walk, cycle } }, transferables(...arrays));
      return;
    }
    case 'lesson-separable': {
      const value = mod.separablePoints(req.n, req.margin, req.seed);
      post({ type: 'result', id: req.id, op: req.type, value }, transferables(value.x, value.labels));
      return;
    }
    case 'lesson-margins': {
      const value = mod.perceptronMarginStudy(Float32Array.from(req.margins), req.sets, req.points, req.seed, req.learningRate, req.maxEpochs);
      post({ type: 'result', id: req.id, op: req.type, value }, transferables(value.margins, value.updates, value.bounds));
      return;
    }
    case 'lesson-initial-weights': {
      const parameters = mod.initialParameters(req.network);
      post({ type: 'result', id: req.id, op: req.type, value: { parameters } }, transferables(parameters));
      return;
    }
    case 'lesson-backprop': {
      const trace = mod.backpropTrace(req.network, req.parameters, req.x, req.target, req.learningRate);
      const finiteDifferences = mod.finiteDifferenceGradient(req.network, req.parameters, req.x, req.target, req.h);
      const layerArrays = trace.layers.flatMap((l) => [l.s, l.x, l.dEdx, l.dxds, l.dEds, l.dEdw]);
      post(
        { type: 'result', id: req.id, op: req.type, value: { trace, finiteDifferences } },
        transferables(trace.input, trace.target, trace.gradient, trace.updated, finiteDifferences, ...layerArrays),
      );
      return;
    }
    case 'lesson-backprop-train': {
      const value = mod.backpropTrain(req.network, req.parameters, req.x, req.targets, req.rows, req.learningRate, req.first, req.steps);
      post({ type: 'result', id: req.id, op: req.type, value }, transferables(value.parameters, value.losses));
      return;
    }
    default:
      assertNever(req, 'lesson request');
  }
}
