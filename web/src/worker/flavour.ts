// Picks and instantiates one WASM flavour. Threads (SIMD + pthreads) when the
// page is cross-origin isolated (COOP same-origin + COEP require-corp: see the
// README), else SIMD, else the scalar build for browsers without WASM SIMD.
// `?wasm=simd|scalar|threads` on the worker URL (the page passes its own
// through) forces one, so tests can cover each. An embed (`?single` on the
// worker URL) stays single-threaded: a deck holds many embeds, and each
// threads build would start a pool of pthread workers on shared memory for a
// widget that mostly demonstrates.

import { simd, threads } from 'wasm-feature-detect';
import type { Flavour } from '../protocol.ts';

/** The flavour named by a `wasm` query parameter, or null if absent or unknown. */
export function flavourOverride(search: string): Flavour | null {
  const value = new URLSearchParams(search).get('wasm');
  return value === 'simd' || value === 'scalar' || value === 'threads' ? value : null;
}

/** Whether the page asked for one thread (`single` on the worker URL: an embed). */
export function singleThreaded(search: string): boolean {
  return new URLSearchParams(search).has('single');
}

export async function chooseFlavour(override: Flavour | null, allowThreads = true): Promise<Flavour> {
  if (override) return override;
  if (!(await simd())) return 'scalar';
  if (!allowThreads) return 'simd';
  // SharedArrayBuffer exists only in a cross-origin isolated context; without
  // it the threads build cannot start, and the single-threaded SIMD build runs.
  return self.crossOriginIsolated && (await threads()) ? 'threads' : 'simd';
}

