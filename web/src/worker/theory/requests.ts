// The theory lessons' `theory-…` requests (the controller routes them here).
// Curves are answered at once; the deep network, the fit and the sweep are
// jobs under the one scheduler, keyed by id, so two copies of a lesson each
// drive their own.

import type { MlpModule } from '../../../generated/mlp-simd.mjs';
import type { TheoryJobStatus, TheoryRequest } from '../../protocol-theory.ts';
import { assertNever } from '../../protocol.ts';
import { transferables, type Host } from '../host.ts';
import type { Job, Scheduler } from '../scheduler.ts';
import { PacedJob } from './paced-job.ts';
import { UatJob, UatSweepJob } from './uat-job.ts';
import { VanishingJob } from './vanishing-job.ts';

type TheoryJob = VanishingJob | UatJob | UatSweepJob;

function theoryJob(scheduler: Scheduler, id: number): TheoryJob {
  const job: Job = scheduler.get(id);
  if (!(job instanceof PacedJob || job instanceof UatSweepJob)) throw new Error(`job ${id} is not a theory lesson's job`);
  return job as TheoryJob;
}

/**
 * Opens a job built by `make` (a bad config throws before anything changes),
 * closing the one it replaces. The answer goes first, so the page knows the
 * job's id before its first event (the initial numbers) arrives.
 */
function open<J extends TheoryJob>(scheduler: Scheduler, replaces: number | undefined, make: (id: number) => J, answer: (job: J) => void): void {
  const job = make(scheduler.allocateId());
  if (replaces !== undefined) scheduler.close(replaces);
  answer(job);
  scheduler.add(job);
}

/** Answers one request with exactly one result; a throw becomes the request's error. */
export function answerTheory(mod: MlpModule, scheduler: Scheduler, host: Host, req: TheoryRequest): void {
  const post = host.post.bind(host);
  const now = (): number => host.now();
  switch (req.type) {
    case 'theory-activations': {
      const curves = req.functions.map((f) => mod.activationCurve(f.name, f.alpha, req.z0, req.z1, req.samples, req.saturation));
      post({ type: 'result', id: req.id, op: req.type, value: { curves } }, transferables(...curves.flatMap((c) => [c.z, c.value, c.derivative, c.saturated])));
      return;
    }
    case 'theory-uat-curves': {
      const value = mod.uatCurves(req.parameters, req.units, req.target, req.points);
      post({ type: 'result', id: req.id, op: req.type, value }, transferables(value.x, value.target, value.g, value.contributions));
      return;
    }
    case 'theory-vanishing-open': {
      open(scheduler, req.replaces, (id) => new VanishingJob(mod, id, req.config, now), (job) =>
        post({ type: 'result', id: req.id, op: req.type, value: { ...job.status(), layers: job.layers } }),
      );
      return;
    }
    case 'theory-uat-open': {
      open(scheduler, req.replaces, (id) => new UatJob(mod, id, req.config, now), (job) => post({ type: 'result', id: req.id, op: req.type, value: job.status() }));
      return;
    }
    case 'theory-uat-sweep': {
      open(scheduler, req.replaces, (id) => new UatSweepJob(mod, id, req.config, now), (job) => post({ type: 'result', id: req.id, op: req.type, value: job.status() }));
      return;
    }
    case 'theory-control': {
      const job = theoryJob(scheduler, req.job);
      let value: TheoryJobStatus;
      if (req.action === 'close') {
        scheduler.close(job.id);
        value = { job: job.id, state: 'closed', steps: job.steps };
      } else {
        if (!(job instanceof PacedJob)) throw new Error(`a sweep can only be closed, not told to ${req.action}`);
        if (req.action === 'play') job.play();
        else if (req.action === 'pause') job.pause();
        else if (req.action === 'step') job.step();
        else job.reset();
        value = job.status();
      }
      scheduler.kick();
      post({ type: 'result', id: req.id, op: req.type, value });
      return;
    }
    default:
      assertNever(req, 'theory request');
  }
}
