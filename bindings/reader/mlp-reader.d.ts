// The digit reader's contract (bindings/reader/reader.cpp): the part of the
// full module (mlp.d.ts) that reads drawn digits, with the same behaviour.
import type { MlpModule, ModuleOptions, Network } from './mlp-simd.mjs';

/** A Network without the Dataset methods (the reader has no Dataset). */
export type ReaderNetwork = Omit<Network, 'evaluate' | 'predictLabels'>;

export interface ReaderModule
  extends Pick<MlpModule, 'buildInfo' | 'vocabulary' | 'MlpError' | 'memoryStats' | 'preprocessDigit' | 'rasterizeStrokes' | 'strokeRasterSide' | 'loadModel'> {
  Network: { new (...args: ConstructorParameters<MlpModule['Network']>): ReaderNetwork };
}

declare const createMlpReader: (options?: ModuleOptions) => Promise<ReaderModule>;
export default createMlpReader;
