// The optimizer lab's `lab-…` requests (the controller routes them here).
// Walks on surfaces and regression walks are answered at once; the network
// job runs under the scheduler like every long job, keyed by its id, so two
// labs on one page each drive their own.

import type { MlpModule } from '../../../generated/mlp-simd.mjs';
import type { LabRequest, NetJobStatus } from '../../protocol-lab.ts';
import { assertNever } from '../../protocol.ts';
import { transferables, type Host } from '../host.ts';
import { NetJob } from '../jobs/net-job.ts';
import type { Scheduler } from '../scheduler.ts';
import { regressionPaths, regressionSetup } from './regression.ts';
import { racePaths, surfaceField } from './surfaces.ts';

function status(job: NetJob): NetJobStatus {
  return { job: job.id, phase: job.phase, parameterCount: job.parameterCount };
}

function netJob(scheduler: Scheduler, id: number): NetJob {
  const job = scheduler.get(id);
  if (!(job instanceof NetJob)) throw new Error(`job ${id} is not a network job`);
  return job;
}

/** Answers one request with exactly one result; a throw becomes the request's error. */
export function answerLab(mod: MlpModule, scheduler: Scheduler, host: Host, req: LabRequest): void {
  const post = host.post.bind(host);
  switch (req.type) {
    case 'lab-surface': {
      const value = surfaceField(mod, req);
      post({ type: 'result', id: req.id, op: req.type, value }, transferables(value.values));
      return;
    }
    case 'lab-race': {
      const paths = racePaths(mod, req);
      post(
        { type: 'result', id: req.id, op: req.type, value: { paths } },
        transferables(...paths.flatMap((p) => [p.x, p.y, p.loss, p.distance])),
      );
      return;
    }
    case 'lab-regression-setup': {
      const value = regressionSetup(mod, req);
      post({ type: 'result', id: req.id, op: req.type, value }, transferables(value.x, value.y, value.values));
      return;
    }
    case 'lab-regression-walks': {
      const paths = regressionPaths(mod, req);
      post(
        { type: 'result', id: req.id, op: req.type, value: { paths } },
        transferables(...paths.flatMap((p) => [p.theta0, p.theta1, p.loss, p.examples, p.epoch])),
      );
      return;
    }
    case 'lab-net-train': {
      // Build the new job before dropping the old one: a bad config changes nothing.
      const job = new NetJob(mod, scheduler.allocateId(), req.config, () => host.now());
      if (req.replaces !== undefined) scheduler.close(req.replaces);
      scheduler.add(job);
      post({ type: 'result', id: req.id, op: req.type, value: status(job) });
      return;
    }
    case 'lab-net-control': {
      const job = netJob(scheduler, req.job);
      if (req.action === 'pause') job.pause();
      else if (req.action === 'resume') job.resume();
      else scheduler.close(job.id);
      post({ type: 'result', id: req.id, op: req.type, value: status(job) });
      scheduler.kick();
      return;
    }
    case 'lab-net-landscape': {
      const job = netJob(scheduler, req.job);
      job.recomputeLandscape(req.landscape);
      post({ type: 'result', id: req.id, op: req.type, value: status(job) });
      scheduler.kick();
      return;
    }
    default:
      assertNever(req, 'lab request');
  }
}
