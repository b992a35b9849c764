// The worker's side of the single-file build: the pretrained model and the
// MNIST subset come from bytes inlined in the page (web/src/worker/bundled.ts)
// instead of the network, through the same loaders and the same checks by the
// core as downloaded files.

import { BUNDLED } from './bundled.ts';
import type { FetchModelBytes } from './digits.ts';
import type { FetchBytes } from './mnist.ts';

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (native) return native.call(Uint8Array, text);
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Whether this build carries its data inside. */
export const bundled = BUNDLED !== null;

/** The inlined pretrained model, or null in the normal build. */
export function bundledModelBytes(): FetchModelBytes | null {
  const data = BUNDLED;
  return data ? () => Promise.resolve(decodeBase64(data.model)) : null;
}

/**
 * Answers the MNIST loader's file requests from the inlined subset, or null in
 * the normal build. Its base URL names no place: a blob: worker has no folder
 * to resolve against.
 */
export function bundledMnist(): { baseUrl: string; fetchBytes: FetchBytes; split: NonNullable<typeof BUNDLED>['split'] } | null {
  const data = BUNDLED;
  if (!data) return null;
  const fetchBytes: FetchBytes = (url) => {
    const name = url.slice(url.lastIndexOf('/') + 1);
    const text = data.mnist[name];
    if (text === undefined) return Promise.resolve(new Response(null, { status: 404 }));
    const bytes = decodeBase64(text);
    return Promise.resolve(new Response(bytes, { headers: { 'Content-Length': String(bytes.byteLength) } }));
  };
  return { baseUrl: 'bundled:/data/mnist/', fetchBytes, split: data.split };
}
