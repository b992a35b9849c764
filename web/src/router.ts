// Hash routes (#/xor?gate=or): they work from file-less static hosts, and the
// query part of the hash holds the widget's settings (its link), while the
// page's own query string (?wasm=scalar, ?embed) stays the page's.

/** The route named by a hash, or null when the hash is not a route (e.g. empty). */
export function routeOf(hash: string): string | null {
  const m = /^#\/([\w-]+)/.exec(hash);
  return m?.[1] ?? null;
}

export function hrefFor(route: string): string {
  return remembered.get(route) ?? `#/${route}`;
}

/** Calls onRoute now and on every hash change; returns the stop function. */
export function watchRoute(onRoute: (route: string | null) => void): () => void {
  const handler = (): void => onRoute(routeOf(location.hash));
  window.addEventListener('hashchange', handler);
  handler();
  return () => window.removeEventListener('hashchange', handler);
}

// Each widget's last link in this tab, so the navigation goes back to the
// settings the person left (not the defaults), across reloads of the tab.
const STORE_KEY = 'mlp-lab:links';
export const LINK_REMEMBERED = 'mlp-lab:link-remembered';
const remembered = new Map<string, string>(readStored());

function readStored(): [string, string][] {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(STORE_KEY) ?? '{}');
    if (typeof v !== 'object' || v === null) return [];
    return Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string' && routeOf(e[1]) === e[0]);
  } catch {
    return []; // no storage (or junk in it): links start from the defaults
  }
}

/** Records a widget's current link (its hash) for the navigation. */
export function rememberLink(route: string, hash: string): void {
  if (remembered.get(route) === hash) return;
  remembered.set(route, hash);
  try {
    sessionStorage.setItem(STORE_KEY, JSON.stringify(Object.fromEntries(remembered)));
  } catch {
    // Storage full or denied: the links still work for this page's life.
  }
  window.dispatchEvent(new CustomEvent(LINK_REMEMBERED, { detail: route }));
}
