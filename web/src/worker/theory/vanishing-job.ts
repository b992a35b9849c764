// The vanishing-gradients lesson's job: a deep network training on a 2-D set
// while a probe (core/layer_probe.hpp) reads every layer on a fixed batch —
// gradient norms, activation statistics, histograms — at the initial weights
// and, at each event, at the current ones. Nothing here posts.

import type { Dataset, LayerProbe, LayerStatsResult, MlpModule, Trainer } from '../../../generated/mlp-simd.mjs';
import type { TheoryDataSpec, TheoryVanishingEvent, VanishingConfig } from '../../protocol-theory.ts';
import { transferables } from '../host.ts';
import type { JobEvent } from '../scheduler.ts';
import { concat } from '../jobs/train-job.ts';
import { PacedJob } from './paced-job.ts';

export function makeDataset(mod: MlpModule, d: TheoryDataSpec): Dataset {
  switch (d.kind) {
    case 'circles':
      return mod.Dataset.circles(d.n, d.noise, d.seed);
    case 'moons':
      return mod.Dataset.twoMoons(d.n, d.noise, d.seed);
  }
}

function statsArrays(s: LayerStatsResult): ArrayBufferView[] {
  return [s.weightGradNorm, s.weightGradRms, s.biasGradNorm, s.activationMean, s.activationStd, s.saturated, s.range, s.histogram];
}

export class VanishingJob extends PacedJob {
  private readonly data: Dataset;
  private trainer: Trainer;
  private readonly probe: LayerProbe;
  /** At the initial weights, until the next event carries it. */
  private initial: LayerStatsResult | null;
  private pending: Float32Array[] = [];
  private pendingFirst = 0;
  private taken = 0;
  readonly layers: number;

  constructor(
    private readonly mod: MlpModule,
    id: number,
    private readonly config: VanishingConfig,
    now: () => number,
  ) {
    super(id, now, config.stepsPerSecond, config.maxSteps);
    this.data = makeDataset(mod, config.data);
    let trainer: Trainer | null = null;
    try {
      trainer = new mod.Trainer(config.network, config.train, this.data);
      this.probe = new mod.LayerProbe(trainer, this.data, config.probeRows, config.bins, config.saturation);
    } catch (e) {
      trainer?.delete();
      this.data.delete();
      throw e;
    }
    this.trainer = trainer;
    const initial = this.probe.measure(trainer);
    this.initial = initial;
    this.layers = initial.weightGradNorm.length;
  }

  get steps(): number {
    return this.taken;
  }

  protected advance(k: number): boolean {
    const r = this.trainer.trainBatches(k);
    if (r.diverged) {
      this.message = r.message;
      return false;
    }
    if (this.pending.length === 0) this.pendingFirst = this.taken;
    this.pending.push(r.losses);
    this.taken = r.steps;
    return true;
  }

  protected restart(): void {
    const next = new this.mod.Trainer(this.config.network, this.config.train, this.data);
    this.trainer.delete();
    this.trainer = next;
    this.taken = 0;
    this.pending = [];
    this.initial = this.probe.measure(next);
  }

  takeEvent(): JobEvent | null {
    if (!this.urgent && this.pending.length === 0) return null;
    const losses = concat(this.pending);
    const firstStep = this.pending.length > 0 ? this.pendingFirst : this.taken;
    this.pending = [];
    this.urgent = false;
    const stats = this.probe.measure(this.trainer);
    const initial = this.initial;
    this.initial = null;
    const message: TheoryVanishingEvent = {
      type: 'theory-vanishing',
      job: this.id,
      state: this.state,
      steps: this.taken,
      losses,
      firstStep,
      stats,
      initial,
      message: this.message,
    };
    const arrays = [losses, ...statsArrays(stats), ...(initial ? statsArrays(initial) : [])];
    return { message, transfer: transferables(...arrays) };
  }

  dispose(): void {
    this.probe.delete();
    this.trainer.delete();
    if (!this.data.isDeleted()) this.data.delete();
    this.state = 'closed';
  }
}
