// Picks and instantiates one WASM flavour. SIMD is preferred; the scalar build
// serves browsers without WASM SIMD. `?wasm=simd|scalar` on the worker URL
// (the page passes its own through) forces one, so tests can cover both.

import { simd } from 'wasm-feature-detect';
import type { MlpModule } from '../../generated/mlp-simd.mjs';
import type { Flavour } from '../protocol.ts';

/** The flavour named by a `wasm` query parameter, or null if absent or unknown. */
export function flavourOverride(search: string): Flavour | null {
  const value = new URLSearchParams(search).get('wasm');
  return value === 'simd' || value === 'scalar' ? value : null;
}

export async function chooseFlavour(override: Flavour | null): Promise<Flavour> {
  if (override) return override;
  return (await simd()) ? 'simd' : 'scalar';
}

// Literal specifiers, so the bundler emits each glue file (and its .wasm
// asset) as a separate chunk and only the chosen one is downloaded.
export async function loadModule(flavour: Flavour): Promise<MlpModule> {
  const glue =
    flavour === 'simd'
      ? await import('../../generated/mlp-simd.mjs')
      : await import('../../generated/mlp-scalar.mjs');
  return glue.default();
}
