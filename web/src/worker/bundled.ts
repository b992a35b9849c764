// Data inlined into the single-file build (dist/mlp-lab.html), which must work
// opened from disk with no network: the single-file build's Vite config puts
// a generated module in this one's place (scripts/pack-offline.mjs writes it).
// In the normal build there is nothing here and the worker fetches the files.

export interface BundledData {
  /** The pretrained model file, base64. */
  readonly model: string;
  /** The packed MNIST subset, gzip then base64, by the file names of web/src/worker/mnist.ts. */
  readonly mnist: Readonly<Record<string, string>>;
  /** How the subset's training file splits into training and validation images, and its test size. */
  readonly split: { readonly train: number; readonly validation: number; readonly test: number };
}

export const BUNDLED: BundledData | null = null;
