// The universal-approximation lesson's jobs: Cybenko's sum G fitted to its
// target by the core's Adam, step by step at a pace the page can watch (each
// event carries G, every unit's contribution and the sup-norm error), and the
// sweep that fits one sum per unit count for the best error against N.
// Nothing here posts.

import type { MlpModule, UatFit } from '../../../generated/mlp-simd.mjs';
import type { TheoryJobStatus, TheoryUatEvent, TheoryUatSweepEvent, UatJobConfig, UatSweepConfig } from '../../protocol-theory.ts';
import { transferables } from '../host.ts';
import type { Job, JobEvent } from '../scheduler.ts';
import { PacedJob } from './paced-job.ts';

export class UatJob extends PacedJob {
  private fit: UatFit;

  constructor(
    private readonly mod: MlpModule,
    id: number,
    private readonly config: UatJobConfig,
    now: () => number,
  ) {
    super(id, now, config.stepsPerSecond, config.maxSteps);
    this.fit = this.open();
  }

  private open(): UatFit {
    const c = this.config;
    return new this.mod.UatFit(c.units, c.target, c.seed, c.learningRate, c.parameters ?? null);
  }

  get steps(): number {
    return this.fit.stepsTaken();
  }

  protected advance(k: number): boolean {
    this.fit.steps(k);
    if (this.fit.diverged()) this.message = 'a step would have left the finite numbers; the last finite sum is kept';
    return !this.fit.diverged();
  }

  protected restart(): void {
    const next = this.open();
    this.fit.delete();
    this.fit = next;
  }

  takeEvent(): JobEvent | null {
    if (!this.urgent && this.state !== 'running') return null;
    this.urgent = false;
    const parameters = this.fit.parameters();
    const curves = this.mod.uatCurves(parameters, this.config.units, this.config.target, this.config.points);
    const message: TheoryUatEvent = {
      type: 'theory-uat',
      job: this.id,
      state: this.state,
      steps: this.fit.stepsTaken(),
      loss: this.fit.loss(),
      best: this.fit.bestSupError(),
      bestStep: this.fit.bestStep(),
      curves,
      parameters,
      message: this.message,
    };
    return { message, transfer: transferables(parameters, curves.x, curves.target, curves.g, curves.contributions) };
  }

  dispose(): void {
    this.fit.delete();
    this.state = 'closed';
  }
}

/** Fits one sum per unit count in turn, in slices; reports each best sup-norm error as it lands. */
export class UatSweepJob implements Job {
  state: TheoryJobStatus['state'] = 'running';
  urgent = true;
  message = '';
  private readonly errors: Float64Array;
  private index = 0;
  private fit: UatFit | null = null;

  constructor(
    private readonly mod: MlpModule,
    readonly id: number,
    private readonly config: UatSweepConfig,
    private readonly now: () => number,
  ) {
    if (!(Number.isInteger(config.steps) && config.steps >= 1 && config.steps <= 100_000))
      throw new Error(`steps must be an integer from 1 to 100000, got ${config.steps}`);
    if (config.units.length < 1 || config.units.length > 16) throw new Error(`units must list 1 to 16 counts, got ${config.units.length}`);
    this.errors = new Float64Array(config.units.length).fill(NaN);
    // The first fit now, so a bad target or unit count fails the request, not the job.
    this.fit = this.openFit(0);
  }

  private openFit(i: number): UatFit {
    const c = this.config;
    return new this.mod.UatFit(c.units[i] ?? 1, c.target, c.seed, c.learningRate, null);
  }

  get steps(): number {
    return this.index;
  }

  status(): TheoryJobStatus {
    return { job: this.id, state: this.state, steps: this.index };
  }

  wakeIn(): number {
    return this.state === 'running' ? 0 : Infinity;
  }

  slice(budgetMs: number): void {
    const t0 = this.now();
    while (this.state === 'running' && this.now() - t0 < budgetMs) {
      const fit = this.fit ?? (this.fit = this.openFit(this.index));
      fit.steps(Math.min(50, this.config.steps - fit.stepsTaken()));
      if (fit.stepsTaken() < this.config.steps && !fit.diverged()) continue;
      this.errors[this.index] = fit.bestSupError();
      fit.delete();
      this.fit = null;
      this.index += 1;
      this.urgent = true;
      if (this.index >= this.config.units.length) this.state = 'finished';
    }
  }

  fail(message: string): void {
    this.message = message;
    this.state = 'failed';
    this.urgent = true;
  }

  takeEvent(): JobEvent | null {
    if (!this.urgent) return null;
    this.urgent = false;
    const errors = this.errors.slice();
    const message: TheoryUatSweepEvent = { type: 'theory-uat-sweep', job: this.id, state: this.state, units: [...this.config.units], errors, message: this.message };
    return { message, transfer: transferables(errors) };
  }

  dispose(): void {
    this.fit?.delete();
    this.fit = null;
    if (this.state === 'running') this.state = 'closed';
  }
}
