import type { NetworkSpec } from '../../generated/mlp-simd.mjs';

/** Weights and biases of a network: the length of its flat parameters (the core's parameter_count). */
export function parameterCount(spec: Pick<NetworkSpec, 'inputs' | 'layers'>): number {
  let fanIn = spec.inputs;
  let n = 0;
  for (const l of spec.layers) {
    n += fanIn * l.units + l.units;
    fanIn = l.units;
  }
  return n;
}
