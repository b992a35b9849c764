// The activations lesson's settings, kept in its link (#/activations?z=-2&ea=0.5):
// the z under the cursor, the span of z, the α of leaky ReLU and of ELU, the
// |f′| below which a function counts as saturated, and whether f′ is drawn.
// And the six functions: their names, formulas and the seed's remarks, each
// remark written with the core's numbers at the cursor.

import type { ActivationName } from '../../../generated/mlp-simd.mjs';
import { choice, flag, num, type Table, type Values } from '../../state/url-state.ts';
import { num as fmt } from '../../ui/numbers.ts';

export const SPANS = ['3', '6', '10'] as const;

export const ACTIVATIONS_STATE = {
  z: num(1.5, -10, 10),
  span: choice(SPANS, '6'),
  la: num(0.01, 0.001, 0.5),
  ea: num(1, 0.1, 3),
  sat: num(0.05, 0.001, 0.25),
  d: flag(true),
} satisfies Table;

export type ActivationsSettings = Values<typeof ACTIVATIONS_STATE>;

/** Grid points per unit of z: the curves are the core's numbers at these z. */
export const SAMPLES_PER_UNIT = 40;

export const spanOf = (s: ActivationsSettings): number => Number(s.span);
export const samplesOf = (s: ActivationsSettings): number => 2 * spanOf(s) * SAMPLES_PER_UNIT + 1;
/** The cursor kept inside the span. */
export const cursorOf = (s: ActivationsSettings): number => Math.max(-spanOf(s), Math.min(spanOf(s), s.z));

/** The numbers at the cursor that a remark may quote. */
export interface AtCursor {
  z: number;
  f: number;
  d: number;
  alpha: number;
}

export interface FunctionInfo {
  name: Exclude<ActivationName, 'identity' | 'softmax'>;
  title: string;
  /** f written out, with f′ beside it. */
  formula: string;
  /** The f symbol in readouts. */
  symbol: string;
  alpha(s: ActivationsSettings): number;
  /** The seed's remark, with numbers at the cursor. */
  remark(at: AtCursor): string;
}

export const FUNCTIONS: readonly FunctionInfo[] = [
  {
    name: 'step',
    title: 'Step',
    formula: 'step(z) = 1 if z ≥ 0, else 0',
    symbol: 'step',
    alpha: () => 0,
    remark: () => 'Rosenblatt’s unit. f′ = 0 wherever it is defined (the core’s documented value): gradient descent gets nothing back, so the perceptron rule trains it.',
  },
  {
    name: 'sigmoid',
    title: 'Sigmoid',
    formula: 'σ(z) = 1 / (1 + e⁻ᶻ), σ′ = σ(1 − σ)',
    symbol: 'σ',
    alpha: () => 0,
    remark: (a) => `Outputs in (0, 1), read as a probability: P = ${fmt(a.f, 3)} at z = ${fmt(a.z, 4)}. σ′ ≤ ¼, so each sigmoid layer shrinks the gradient at least 4×.`,
  },
  {
    name: 'tanh',
    title: 'tanh',
    formula: 'tanh z, tanh′ = 1 − tanh²',
    symbol: 'tanh',
    alpha: () => 0,
    remark: () => 'Outputs in (−1, 1), centred on 0, and tanh′(0) = 1: a steeper slope over a wider range than the sigmoid’s, so it converges faster (the seed).',
  },
  {
    name: 'relu',
    title: 'ReLU',
    formula: 'max(0, z), f′ = 1 if z > 0, else 0',
    symbol: 'ReLU',
    alpha: () => 0,
    remark: (a) =>
      a.z <= 0
        ? `Dead region: at z = ${fmt(a.z, 4)} the output is 0 and f′ = 0 — no gradient passes; a unit that stays here never learns again.`
        : `z > 0: f′ = 1, it never saturates. Below 0 is the dead region: output 0, f′ = 0, no gradient passes.`,
  },
  {
    name: 'leaky_relu',
    title: 'Leaky ReLU',
    formula: 'z if z > 0, else αz',
    symbol: 'f',
    alpha: (s) => s.la,
    remark: (a) => `A slope of α = ${fmt(a.alpha, 3)} below 0 keeps a little gradient flowing there, so no unit dies (the seed: α is normally 0.01).`,
  },
  {
    name: 'elu',
    title: 'ELU',
    formula: 'z if z > 0, else α(eᶻ − 1)',
    symbol: 'f',
    alpha: (s) => s.ea,
    remark: (a) => `Negative outputs, down to −α = ${fmt(-a.alpha, 3)}: means nearer 0 than ReLU’s. Smooth at 0 when α = 1; f′ = αeᶻ fades for very negative z.`,
  },
];
