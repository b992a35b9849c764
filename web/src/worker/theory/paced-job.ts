// What the theory lessons' animated jobs share: play, pause, one step, reset,
// at a pace (steps per second, or flat out) up to a last step, in calls that
// grow or shrink to about a millisecond each so a slice never overruns. A
// subclass says how to advance, how to start again and what to report.

import type { TheoryJobState, TheoryJobStatus } from '../../protocol-theory.ts';
import type { Job, JobEvent } from '../scheduler.ts';

/** Paced runs wake at about display rate and never bank more than a quarter second of steps. */
const PACE_TICK_MS = 16;
const MAX_CREDIT_SECONDS = 0.25;
const CALL_MS = 1;
const MAX_STEPS_PER_CALL = 256;

export abstract class PacedJob implements Job {
  state: TheoryJobState = 'idle';
  urgent = true;
  message = '';
  private credit = 0;
  private lastTick = 0;
  private perCall = 1;

  constructor(
    readonly id: number,
    protected readonly now: () => number,
    private readonly stepsPerSecond: number,
    private readonly maxSteps: number,
  ) {
    if (!(Number.isFinite(stepsPerSecond) && stepsPerSecond >= 0)) throw new Error(`stepsPerSecond must be finite and >= 0, got ${stepsPerSecond}`);
    if (!(Number.isInteger(maxSteps) && maxSteps >= 1 && maxSteps <= 1e7)) throw new Error(`maxSteps must be an integer from 1 to 10000000, got ${maxSteps}`);
  }

  /** Steps taken since the start. */
  abstract get steps(): number;
  /** Runs up to k (>= 1) steps; false when the numbers diverged (the message says why). */
  protected abstract advance(k: number): boolean;
  /** Back to the start: the same first state as when opened. */
  protected abstract restart(): void;
  abstract takeEvent(): JobEvent | null;
  abstract dispose(): void;

  status(): TheoryJobStatus {
    return { job: this.id, state: this.state, steps: this.steps };
  }

  play(): void {
    if (this.state === 'diverged' || this.state === 'failed') throw new Error(`cannot play: the run ${this.state}; reset it`);
    if (this.steps >= this.maxSteps) throw new Error('cannot play: the run is finished; reset it');
    this.credit = 1; // the first step goes at once, even when paced
    this.lastTick = this.now();
    this.setState('running');
  }

  pause(): void {
    if (this.state === 'running') this.setState('paused');
  }

  /** One step, reported at once; a running job pauses first. */
  step(): void {
    if (this.state === 'diverged' || this.state === 'failed' || this.steps >= this.maxSteps) return;
    if (this.state === 'running') this.state = 'paused';
    this.run(1);
    this.urgent = true;
  }

  reset(): void {
    this.restart();
    this.message = '';
    this.setState('idle');
  }

  wakeIn(now: number): number {
    if (this.state !== 'running') return Infinity;
    if (this.stepsPerSecond <= 0) return 0;
    const credit = this.credit + ((now - this.lastTick) * this.stepsPerSecond) / 1000;
    return credit >= 1 ? 0 : Math.max(PACE_TICK_MS, ((1 - credit) * 1000) / this.stepsPerSecond);
  }

  slice(budgetMs: number): void {
    if (this.state !== 'running') return;
    const t0 = this.now();
    let budget = Infinity;
    if (this.stepsPerSecond > 0) {
      const cap = Math.max(1, this.stepsPerSecond * MAX_CREDIT_SECONDS);
      this.credit = Math.min(cap, this.credit + ((t0 - this.lastTick) * this.stepsPerSecond) / 1000);
      this.lastTick = t0;
      budget = Math.floor(this.credit);
    }
    while (budget > 0 && this.state === 'running' && this.now() - t0 < budgetMs) {
      const k = Math.min(budget, this.perCall, this.maxSteps - this.steps);
      const t = this.now();
      const before = this.steps;
      this.run(k);
      const took = this.now() - t;
      const ran = this.steps - before;
      budget -= ran;
      if (this.stepsPerSecond > 0) this.credit -= ran;
      // About CALL_MS per call: twice as many steps when far under, half when over.
      if (took < CALL_MS / 2) this.perCall = Math.min(MAX_STEPS_PER_CALL, this.perCall * 2);
      else if (took > CALL_MS * 2) this.perCall = Math.max(1, Math.floor(this.perCall / 2));
      if (ran === 0) break;
    }
  }

  fail(message: string): void {
    this.message = message;
    this.setState('failed');
  }

  private run(k: number): void {
    if (!this.advance(k)) this.setState('diverged');
    else if (this.steps >= this.maxSteps) this.setState('finished');
  }

  protected setState(state: TheoryJobState): void {
    this.state = state;
    this.urgent = true;
  }
}
