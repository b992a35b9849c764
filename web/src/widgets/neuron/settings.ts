// The McCulloch–Pitts and Hebb lesson's settings, kept in its link
// (#/neuron?syn=e-i-i-e-n-n-e-e&goal=xor). The network is fixed in shape —
// two inputs, two hidden units, one output — and the person wires it: each
// of its eight connections is absent, excitatory or inhibitory, each unit
// has a threshold. By default only the output is wired (x₁ OR x₂) and the
// goal is XOR, which needs the hidden units.

import type { ThresholdNetworkSpec } from '../../../generated/mlp-simd.mjs';
import { GATE_INPUTS, type GateName } from '../../protocol.ts';
import { choice, int, list, type Table, type Values } from '../../state/url-state.ts';
import { GATE_LABELS, gateTargets } from '../xor/gates.ts';

/** n: not connected, e: excitatory, i: inhibitory. */
export const SYNAPSES = ['n', 'e', 'i'] as const;
export type Synapse = (typeof SYNAPSES)[number];

export type NodeName = 'x1' | 'x2' | 'h1' | 'h2' | 'y';
export const UNITS = ['h1', 'h2', 'y'] as const;
export type UnitName = (typeof UNITS)[number];

/** The connections a person can wire, in the link's order. */
export const SLOTS: readonly { from: NodeName; to: UnitName }[] = [
  { from: 'x1', to: 'h1' },
  { from: 'x2', to: 'h1' },
  { from: 'x1', to: 'h2' },
  { from: 'x2', to: 'h2' },
  { from: 'x1', to: 'y' },
  { from: 'x2', to: 'y' },
  { from: 'h1', to: 'y' },
  { from: 'h2', to: 'y' },
];

export const MAX_THRESHOLD = 4;

export const GOALS = ['not', 'and', 'or', 'nand', 'nor', 'xor', 'xnor'] as const;
export type Goal = (typeof GOALS)[number];
export const GOAL_LABELS: Record<Goal, string> = { not: 'NOT x₁', ...GATE_LABELS };

/** The gates Hebb's rule is shown on. */
export const HEBB_GATES = ['and', 'or'] as const satisfies readonly GateName[];
export const HEBB_RATES = ['0.25', '0.5', '1'] as const;
/** Presentations computed per request: ten epochs of the four rows. */
export const HEBB_PRESENTATIONS = 40;

export const NEURON_STATE = {
  goal: choice(GOALS, 'xor'),
  syn: list(choice(SYNAPSES, 'n'), ['n', 'n', 'n', 'n', 'e', 'e', 'n', 'n'], SLOTS.length, SLOTS.length),
  th: list(int(1, 0, MAX_THRESHOLD), [1, 1, 1], UNITS.length, UNITS.length),
  /** The input row fed to the figure: 0 to 3 for x₁x₂ = 00, 01, 10, 11. */
  row: int(3, 0, 3),
  hgate: choice(HEBB_GATES, 'and'),
  heta: choice(HEBB_RATES, '1'),
  /** Presentations made so far in the Hebb panel. */
  hk: int(0, 0, HEBB_PRESENTATIONS),
} satisfies Table;

export type NeuronSettings = Values<typeof NEURON_STATE>;

/** The goal's output on each row of GATE_INPUTS (NOT reads x₁ only). */
export function goalTargets(goal: Goal): number[] {
  return goal === 'not' ? GATE_INPUTS.map(([a]) => (a === 1 ? 0 : 1)) : gateTargets(goal);
}

const WEIGHT: Record<Synapse, number> = { n: 0, e: 1, i: -1 };

/**
 * The wiring as the core's network: units h₁, h₂, y in order, each reading
 * the inputs and the units before it (h₂ never reads h₁ here).
 */
export function thresholdNetwork(s: NeuronSettings): ThresholdNetworkSpec {
  const synapse = (from: NodeName, to: UnitName): number => {
    const k = SLOTS.findIndex((slot) => slot.from === from && slot.to === to);
    return k < 0 ? 0 : WEIGHT[s.syn[k] ?? 'n'];
  };
  const reads: Record<UnitName, NodeName[]> = { h1: ['x1', 'x2'], h2: ['x1', 'x2', 'h1'], y: ['x1', 'x2', 'h1', 'h2'] };
  return {
    inputs: 2,
    units: UNITS.map((u, i) => ({
      synapses: Int32Array.from(reads[u].map((from) => synapse(from, u))),
      threshold: s.th[i] ?? 1,
    })),
  };
}

/** The next kind of a connection on a click: none → excitatory → inhibitory → none. */
export function nextSynapse(kind: Synapse): Synapse {
  return kind === 'n' ? 'e' : kind === 'e' ? 'i' : 'n';
}
