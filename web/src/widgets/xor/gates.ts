// The logic gates as the page names and shows them. Training never uses
// these: the core builds its own sets (Dataset.logicGate); this table is the
// truth table people read, and the test checks the core against it.

import { GATE_INPUTS, type GateName } from '../../protocol.ts';

export const GATE_LABELS: Record<GateName, string> = {
  and: 'AND',
  or: 'OR',
  nand: 'NAND',
  nor: 'NOR',
  xor: 'XOR',
  xnor: 'XNOR',
};

const RULES: Record<GateName, (a: boolean, b: boolean) => boolean> = {
  and: (a, b) => a && b,
  or: (a, b) => a || b,
  nand: (a, b) => !(a && b),
  nor: (a, b) => !(a || b),
  xor: (a, b) => a !== b,
  xnor: (a, b) => a === b,
};

/** The expected output for each row of GATE_INPUTS. */
export function gateTargets(gate: GateName): number[] {
  return GATE_INPUTS.map(([a, b]) => (RULES[gate](a === 1, b === 1) ? 1 : 0));
}

/** XOR and XNOR are the two gates no single line can separate. */
export function linearlySeparable(gate: GateName): boolean {
  return gate !== 'xor' && gate !== 'xnor';
}
