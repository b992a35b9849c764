// The one message the page sends the worker outside the request protocol:
// one of the Draw view's first files, downloaded by the page (digit-assets.ts),
// each posted as soon as it is there (the reader compiles while the model is
// still arriving). null: the page could not download it; the worker fetches
// it itself.

export type DigitAssetName = 'wasm' | 'model';

export interface DigitAsset {
  type: 'digitAsset';
  asset: DigitAssetName;
  bytes: ArrayBuffer | null;
}

export function isDigitAsset(message: unknown): message is DigitAsset {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'digitAsset';
}
