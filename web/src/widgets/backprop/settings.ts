// The backprop lesson's settings, kept in its link (#/backprop?ex=2&phase=5&w=…):
// a tiny network (2 inputs, 2–3 hidden units, 1–2 outputs), the example fed
// through it (a row of XOR, or the person's own inputs and targets), where
// the pass stands, and — once edited or trained — the weights themselves.

import type { ActivationName, LossName, NetworkSpec } from '../../../generated/mlp-simd.mjs';
import { GATE_INPUTS } from '../../protocol.ts';
import { choice, int, list, num, type Table, type Values } from '../../state/url-state.ts';
import { gateTargets } from '../xor/gates.ts';

export const HIDDEN_ACTS = ['sigmoid', 'tanh', 'relu'] as const satisfies readonly ActivationName[];
/** sigmoid: binary cross-entropy on each output (the seed's E); softmax: softmax cross-entropy over two. */
export const OUTPUTS = ['sigmoid', 'softmax'] as const;
export type OutputKind = (typeof OUTPUTS)[number];

export const MAX_PARAMS = 3 * 3 + 4 * 2; // 2-3-2: (2 + 1)·3 + (3 + 1)·2

export const BACKPROP_STATE = {
  hidden: int(2, 2, 3),
  outputs: int(1, 1, 2),
  act: choice(HIDDEN_ACTS, 'sigmoid'),
  out: choice(OUTPUTS, 'sigmoid'),
  seed: int(1, 0, 9999),
  lr: num(0.5, 0.001, 10),
  data: choice(['xor', 'custom'] as const, 'xor'),
  /** The XOR row fed in. */
  ex: int(3, 0, 3),
  x: list(num(1, -10, 10), [1, 0], 2, 2, '_'),
  t: list(num(1, 0, 1), [1, 0], 1, 2, '_'),
  /** The weights when they are not the seed's (edited or trained), in the core's layout. */
  w: list(num(0, -1000, 1000), [], 0, MAX_PARAMS, '_'),
  /** Where the pass stands: see PHASES. */
  phase: int(0, 0, 6),
  /** Examples trained on since the seed's weights. */
  trained: int(0, 0, 1e9),
  /** The parameter whose chain rule is written out; −1: the first weight into the output. */
  sel: int(-1, -1, MAX_PARAMS - 1),
} satisfies Table;

export type BackpropSettings = Values<typeof BACKPROP_STATE>;

/** The steps of one pass through the 2-layer network, in order. */
export const PHASES = ['input', 'hidden', 'output', 'loss', 'back-output', 'back-hidden', 'update'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_TEXT: Record<Phase, string> = {
  input: 'The example enters: inputs x and target t.',
  hidden: 'Forward, hidden layer: sⱼ = Σₖ xₖ wₖⱼ + bⱼ, xⱼ = f(sⱼ).',
  output: 'Forward, output layer: sᵢ = Σⱼ xⱼ wⱼᵢ + bᵢ, xᵢ = σ(sᵢ).',
  loss: 'The error E of this example.',
  'back-output': 'Backward, output layer: ∂E/∂wⱼᵢ = ∂E/∂xᵢ · ∂xᵢ/∂sᵢ · ∂sᵢ/∂wⱼᵢ, ∂sᵢ/∂wⱼᵢ = xⱼ.',
  'back-hidden': 'Backward, hidden layer: ∂E/∂xⱼ = Σᵢ ∂E/∂sᵢ wⱼᵢ, ∂E/∂wₖⱼ = ∂E/∂xⱼ · ∂xⱼ/∂sⱼ · xₖ.',
  update: 'The update: w ← w − η ∂E/∂w for every weight.',
};

export function outputUnits(s: BackpropSettings): number {
  return s.out === 'softmax' ? 2 : s.outputs;
}

export function lossOf(s: BackpropSettings): LossName {
  return s.out === 'softmax' ? 'softmax_cross_entropy' : 'binary_cross_entropy';
}

export function networkSpec(s: BackpropSettings): NetworkSpec {
  return {
    inputs: 2,
    layers: [{ units: s.hidden, activation: s.act }, { units: outputUnits(s) }],
    loss: lossOf(s),
    init: 'glorot_uniform',
    seed: s.seed,
  };
}

export function parameterCount(s: BackpropSettings): number {
  return 3 * s.hidden + (s.hidden + 1) * outputUnits(s);
}

/** XOR's target for row r as the output layer reads it: [t] (one sigmoid), [1 − t, t] (two outputs: class 0, class 1). */
function targetsFor(t: number, outputs: number): number[] {
  return outputs === 1 ? [t] : [1 - t, t];
}

/** The example fed in: inputs and targets. */
export function example(s: BackpropSettings): { x: number[]; t: number[] } {
  const outputs = outputUnits(s);
  if (s.data === 'xor') {
    const [a = 0, b = 0] = GATE_INPUTS[s.ex] ?? [];
    return { x: [a, b], t: targetsFor(gateTargets('xor')[s.ex] ?? 0, outputs) };
  }
  const t0 = s.t[0] ?? 1;
  // Softmax takes a class; one of its targets is 1, the other 0.
  if (s.out === 'softmax') return { x: [...s.x], t: t0 >= 0.5 ? [1, 0] : [0, 1] };
  return { x: [...s.x], t: outputs === 1 ? [t0] : [t0, s.t[1] ?? 0] };
}

/** XOR's four rows as the core trains on them: rows × 2 inputs, rows × outputs targets. */
export function xorSet(s: BackpropSettings): { x: Float32Array; targets: Float32Array } {
  const outputs = outputUnits(s);
  const t = gateTargets('xor');
  return {
    x: Float32Array.from(GATE_INPUTS.flat()),
    targets: Float32Array.from(t.flatMap((v) => targetsFor(v, outputs))),
  };
}

/** One weight or bias, named by the units it joins (the seed's wₖⱼ, wⱼᵢ). */
export interface Param {
  /** 0: input → hidden, 1: hidden → output. */
  layer: 0 | 1;
  kind: 'w' | 'b';
  /** Source unit (weights only) and target unit, 0-based within their layers. */
  from: number;
  to: number;
  /** e.g. "w x₁→h₂", "b o₁". */
  label: string;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
export const unitName = (layer: -1 | 0 | 1, i: number): string => `${layer === -1 ? 'x' : layer === 0 ? 'h' : 'o'}${SUB[i + 1] ?? ''}`;

/** Every parameter in the core's flat layout: W₀ (2 × H) row-major, b₀, W₁ (H × O), b₁. */
export function parameters(s: BackpropSettings): Param[] {
  const hidden = s.hidden;
  const outputs = outputUnits(s);
  const out: Param[] = [];
  const layer = (l: 0 | 1, fanIn: number, units: number): void => {
    for (let k = 0; k < fanIn; k++)
      for (let j = 0; j < units; j++) out.push({ layer: l, kind: 'w', from: k, to: j, label: `w ${unitName(l === 0 ? -1 : 0, k)}→${unitName(l, j)}` });
    for (let j = 0; j < units; j++) out.push({ layer: l, kind: 'b', from: -1, to: j, label: `b ${unitName(l, j)}` });
  };
  layer(0, 2, hidden);
  layer(1, hidden, outputs);
  return out;
}

/** The parameter shown in the chain panel by default: the first weight into the output. */
export function defaultSelection(s: BackpropSettings): number {
  return 3 * s.hidden;
}
