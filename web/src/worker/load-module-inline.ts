// The single-file build's loader (vite.single.mjs swaps it for load-module.ts).
// Each glue finds its own .wasm, which the build inlines as a data: URL: a
// second reference here would inline every build twice, and a page opened
// from file:// is never cross-origin isolated, so the threads build is left out.

import type { MlpModule } from '../../generated/mlp-simd.mjs';
import type { Flavour } from '../protocol.ts';

export async function loadModule(flavour: Flavour): Promise<MlpModule> {
  if (flavour === 'threads') throw new Error('the single-file page has no threads build (it needs a cross-origin isolated server)');
  const glue =
    flavour === 'simd' ? await import('../../generated/mlp-simd.mjs') : await import('../../generated/mlp-scalar.mjs');
  return glue.default();
}

