// A widget's settings bound to its link: read from the hash when it mounts,
// written back (replaceState, throttled) as they change, and read again when
// the person edits or pastes a link while the widget is open, or when a slide
// around an embed sets them (postMessage `set`). The table of typed
// properties (state/url-state.ts) is the one description of them.

import { rememberLink, routeOf } from '../../router.ts';
import {
  expected,
  formatValue,
  hashFor,
  hashParams,
  parseParams,
  parseValue,
  toParams,
  withValue,
  type StateProblem,
  type Table,
  type Values,
} from '../../state/url-state.ts';
import { withEmbed } from './embed-options.ts';

// Browsers ignore history updates that come too fast (a drag moves a point 60
// times a second): write at most this often, and the last one always.
const WRITE_INTERVAL_MS = 200;

export class LinkState<T extends Table> {
  values: Values<T>;
  /** What the link held that could not be used, from the last read. */
  problems: readonly StateProblem[];
  private written = '';
  private lastWrite = -Infinity;
  private timer = 0;
  private readonly writeListeners = new Set<() => void>();

  constructor(
    readonly route: string,
    readonly table: T,
    /** The link changed under the widget (an edited or pasted link): show these values. */
    private readonly onRead: (values: Values<T>, problems: readonly StateProblem[]) => void,
  ) {
    const parsed = parseParams(table, hashParams(location.hash));
    this.values = parsed.values;
    this.problems = parsed.problems;
    window.addEventListener('hashchange', this.onHashChange);
    this.write();
  }

  /** Sets values (each resets the values whose default depends on it) and writes the link. */
  update(changes: Partial<Values<T>>): Values<T> {
    let next = this.values;
    for (const key of Object.keys(changes) as (keyof Values<T> & string)[]) {
      const v = changes[key];
      if (v !== undefined) next = withValue(this.table, next, key, v);
    }
    this.values = next;
    this.write();
    return next;
  }

  /**
   * Settings given as link text per key (from a host page): each is set in
   * order as the widget's own control would set it (resetting what depends on
   * it); unknown keys and bad values change nothing and are reported. The
   * widget then shows the values like an edited link.
   */
  set(settings: Readonly<Record<string, string>>): readonly StateProblem[] {
    const problems: StateProblem[] = [];
    let next = this.values;
    for (const [key, raw] of Object.entries(settings)) {
      const prop = this.table[key];
      const value = prop ? parseValue(prop, raw) : undefined;
      if (!prop) problems.push({ key, raw, expected: 'a known setting', fallback: null });
      else if (value === undefined) problems.push({ key, raw, expected: expected(prop), fallback: formatValue(next[key] as never) });
      else next = withValue(this.table, next, key, value as Values<T>[typeof key]);
    }
    this.values = next;
    this.problems = problems;
    this.write();
    this.onRead(this.values, this.problems);
    return problems;
  }

  /** The hash of the current values, e.g. `#/train?lr=0.1`. */
  hash(): string {
    return hashFor(this.route, toParams(this.table, this.values));
  }

  /** The settings as the link writes them (only those not at their default). */
  params(): Record<string, string> {
    return Object.fromEntries(toParams(this.table, this.values));
  }

  /** The whole link to this widget with its settings, in the site (an embed's own options left out). */
  href(): string {
    const url = new URL(location.href);
    url.search = withEmbed(location.search, null);
    url.hash = this.hash();
    return url.href;
  }

  /** Calls `fn` after each write of the link (e.g. to tell a host page). */
  onWrite(fn: () => void): () => void {
    this.writeListeners.add(fn);
    return () => this.writeListeners.delete(fn);
  }

  dispose(): void {
    window.clearTimeout(this.timer);
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private write(): void {
    window.clearTimeout(this.timer);
    this.timer = 0;
    const wait = this.lastWrite + WRITE_INTERVAL_MS - performance.now();
    if (wait > 0) {
      this.timer = window.setTimeout(() => this.write(), wait);
      return;
    }
    this.lastWrite = performance.now();
    this.written = this.hash();
    rememberLink(this.route, this.written);
    if (routeOf(location.hash) === this.route && location.hash !== this.written) {
      history.replaceState(history.state, '', `${location.pathname}${location.search}${this.written}`);
    }
    for (const fn of this.writeListeners) fn();
  }

  private readonly onHashChange = (): void => {
    if (routeOf(location.hash) !== this.route || location.hash === this.written) return;
    const parsed = parseParams(this.table, hashParams(location.hash));
    this.values = parsed.values;
    this.problems = parsed.problems;
    this.write();
    this.onRead(this.values, this.problems);
  };
}
