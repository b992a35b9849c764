// The one message the page sends the worker outside the request protocol:
// the Draw view's first files, downloaded by the page (digit-assets.ts). null:
// the page could not download that one; the worker fetches it itself.

export interface DigitAssets {
  type: 'digitAssets';
  wasm: ArrayBuffer | null;
  model: ArrayBuffer | null;
}

export function isDigitAssets(message: unknown): message is DigitAssets {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'digitAssets';
}
