// The universal-approximation lesson's settings, kept in its link
// (#/uat?target=bump&n=16 or #/uat?mode=hand&hand=40_-17_1_40_-23_-1):
// fitting by Adam (N units, seed, learning rate) or building by hand (a few
// units' w, θ, α), the target, and the knots of a curve the person drew.

import type { UatTargetName, UatTargetSpec } from '../../../generated/mlp-simd.mjs';
import type { UatJobConfig, UatSweepConfig } from '../../protocol-theory.ts';
import { choice, int, list, num, type Table, type Values } from '../../state/url-state.ts';

export const TARGETS = ['sine', 'abs', 'step', 'bump', 'drawn'] as const satisfies readonly UatTargetName[];
export const TARGET_LABELS: Record<UatTargetName, string> = {
  sine: 'sin 2πx',
  abs: '|x − ½|',
  step: 'A step at ½',
  bump: 'A bump',
  drawn: 'Your own curve',
};

/** Knots of a drawn curve, at x = k/32: every 4th point of the plotted grid. */
export const KNOTS = 33;
export const POINTS = 129;
export const KNOT_RANGE = 1.25;
export const MAX_HAND_UNITS = 4;
export const SWEEP_UNITS = [1, 2, 4, 8, 16, 32, 64];
export const SWEEP_STEPS = 2000;
export const FIT_STEPS = 5000;
export const STEPS_PER_SECOND = 250;

/** Two steep units: up at 0.425, down at 0.575 — a bump, the construction behind the theorem. */
const BUMP_BY_HAND = [40, -17, 1, 40, -23, -1];

export const UAT_STATE = {
  mode: choice(['fit', 'hand'] as const, 'fit'),
  target: choice(TARGETS, 'sine'),
  /** The drawn curve's values at x = k/32 (target = drawn). */
  k: list(num(0, -KNOT_RANGE, KNOT_RANGE), [], 0, KNOTS, '_'),
  n: int(8, 1, 64),
  seed: int(1, 0, 9999),
  lr: num(0.05, 0.001, 1),
  /** Units built by hand: w, θ, α for each. */
  hand: list(num(0, -100, 100), BUMP_BY_HAND, 3, 3 * MAX_HAND_UNITS, '_'),
} satisfies Table;

export type UatSettings = Values<typeof UAT_STATE>;

/** The target as the core takes it; a drawn curve without its knots is flat at 0. */
export function targetSpec(s: UatSettings): UatTargetSpec {
  if (s.target !== 'drawn') return { name: s.target };
  const knots = s.k.length === KNOTS ? s.k : Array.from({ length: KNOTS }, () => 0);
  return { name: 'drawn', knots: Float32Array.from(knots) };
}

/** Whole hand units only (a link may hold a stray value). */
export function handUnits(s: UatSettings): number {
  return Math.max(1, Math.floor(s.hand.length / 3));
}

export function handParameters(s: UatSettings): Float32Array {
  // The core's layout: w for every unit, then θ, then α.
  const n = handUnits(s);
  const p = new Float32Array(3 * n);
  for (let j = 0; j < n; j++) {
    p[j] = s.hand[3 * j] ?? 0;
    p[n + j] = s.hand[3 * j + 1] ?? 0;
    p[2 * n + j] = s.hand[3 * j + 2] ?? 0;
  }
  return p;
}

export function fitConfig(s: UatSettings): UatJobConfig {
  return { units: s.n, target: targetSpec(s), seed: s.seed, learningRate: s.lr, points: POINTS, maxSteps: FIT_STEPS, stepsPerSecond: STEPS_PER_SECOND };
}

export function sweepConfig(s: UatSettings): UatSweepConfig {
  return { target: targetSpec(s), seed: s.seed, learningRate: s.lr, steps: SWEEP_STEPS, units: SWEEP_UNITS };
}

/** Settings the fit depends on, and those the sweep depends on. */
export const FIT_KEYS = ['mode', 'target', 'n', 'seed', 'lr'] as const;
export const SWEEP_KEYS = ['target', 'seed', 'lr'] as const;
