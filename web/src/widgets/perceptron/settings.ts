// The perceptron lesson's settings, kept in its link (#/perceptron?data=xor&step=9):
// the data (a logic gate, or a separable cloud with a margin, plus points the
// person clicked in), the learning rate, and how far training has stepped —
// so a link reopens on the same step of the same run.

import { GATES, GATE_INPUTS, type GateName } from '../../protocol.ts';
import type { PointSet } from '../../protocol-lessons.ts';
import { choice, flag, int, list, num, type Table, type Values } from '../../state/url-state.ts';
import { gateTargets } from '../xor/gates.ts';

export const DATA = [...GATES, 'cloud'] as const;
export type DataName = (typeof DATA)[number];

export const RATES = ['0.1', '0.25', '0.5', '1'] as const;

/** Steps per second while playing. */
export const SPEEDS = { slow: 2, normal: 8, fast: 60 } as const;
export type Speed = keyof typeof SPEEDS;
const SPEED_NAMES = Object.keys(SPEEDS) as Speed[];

/** The plot's square, in data units: the unit square with a border. */
export const VIEW = { lo: -0.25, hi: 1.25 } as const;

/**
 * A clicked point as one whole number, so a list of them fits a link:
 * (class + 1)·10⁶ + i·10³ + j, with x = lo + i·Q and y = lo + j·Q, i, j in [0, 999].
 */
const Q = (VIEW.hi - VIEW.lo) / 999;
const CODE_MIN = 1_000_000;
const CODE_MAX = 2_999_999;
export const MAX_ADDED = 30;

export const PERCEPTRON_STATE = {
  data: choice(DATA, 'or'),
  n: int(20, 4, 60),
  margin: num(0.1, 0, 0.3),
  seed: int(1, 1, 9999),
  added: list(int(CODE_MIN, CODE_MIN, CODE_MAX), [], 0, MAX_ADDED),
  lr: choice(RATES, '1'),
  step: int(0, 0, 1 << 20),
  speed: choice(SPEED_NAMES, 'normal'),
  theorem: flag(false),
} satisfies Table;

export type PerceptronSettings = Values<typeof PERCEPTRON_STATE>;

export interface Point {
  x: number;
  y: number;
  label: number;
}

export function encodePoint(p: Point): number {
  const q = (v: number): number => Math.min(999, Math.max(0, Math.round((v - VIEW.lo) / Q)));
  return (p.label + 1) * 1_000_000 + q(p.x) * 1000 + q(p.y);
}

export function decodePoint(code: number): Point {
  const label = Math.floor(code / 1_000_000) - 1;
  const i = Math.floor(code / 1000) % 1000;
  const j = code % 1000;
  return { x: Number((VIEW.lo + i * Q).toFixed(4)), y: Number((VIEW.lo + j * Q).toFixed(4)), label };
}

/** Where a set's points come from: the gate's four rows here, a cloud from the core. */
export function gatePoints(gate: GateName): Point[] {
  const t = gateTargets(gate);
  return GATE_INPUTS.map(([x, y], i) => ({ x, y, label: t[i] ?? 0 }));
}

export function pointSet(points: readonly Point[]): PointSet {
  return { x: Float32Array.from(points.flatMap((p) => [p.x, p.y])), labels: Int32Array.from(points.map((p) => p.label)) };
}

/** Enough epochs to see a cloud converge, and a few hundred cycles of a gate that cannot. */
export function maxEpochs(rows: number): number {
  return Math.min(1000, Math.floor((1 << 18) / Math.max(1, rows)));
}
