// The page's options for its worker (`wasm=`, `single`, `site=`), carried in
// the worker's name ("mlp-lab?…"), not in its URL: a chunk of the worker
// (the controller) imports shared code back from the worker's entry, and finds
// it under the entry's plain URL; a query string on the URL the entry was
// started from would make that a second copy of the entry, booting again.

/** The options, empty where there are none (a worker started without, or Node). */
export function workerOptions(): URLSearchParams {
  const name = (globalThis as { name?: unknown }).name;
  return new URLSearchParams(typeof name === 'string' && name.includes('?') ? name.slice(name.indexOf('?')) : '');
}
