// Hash routes (#/xor): they work from file-less static hosts and keep the
// query string (?wasm=scalar) for settings.

/** The route named by a hash, or null when the hash is not a route (e.g. empty). */
export function routeOf(hash: string): string | null {
  const m = /^#\/([\w-]+)/.exec(hash);
  return m?.[1] ?? null;
}

export function hrefFor(route: string): string {
  return `#/${route}`;
}

/** Calls onRoute now and on every hash change; returns the stop function. */
export function watchRoute(onRoute: (route: string | null) => void): () => void {
  const handler = (): void => onRoute(routeOf(location.hash));
  window.addEventListener('hashchange', handler);
  handler();
  return () => window.removeEventListener('hashchange', handler);
}
