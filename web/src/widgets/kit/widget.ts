// The widget kit. A widget declares its settings table (kept in its link), a
// head (title and lede) and a setup function that builds its view into the
// body the kit gives it; the kit does the rest every widget needs: mount and
// unmount, the link, the head with Share and Embed, the notice for a bad
// link, status announcements, requests that stop mattering once the widget is
// gone, keyboard shortcuts, and the embed view (layout from the declared
// parts, keys only while focused, pause while hidden, the host's messages).
// See web/src/widgets/xor/index.ts for a small example.

import './kit.css';
import './embed.css';
import type { Vocabulary } from '../../../generated/mlp-simd.mjs';
import type { RequestBody, RequestType, Results } from '../../protocol.ts';
import { describeProblem, type StateProblem, type Table, type Values } from '../../state/url-state.ts';
import { fieldOf, messageOf } from '../../errors.ts';
import { h, type Child } from '../../ui/dom.ts';
import type { ConnectionEvent } from '../../worker-client.ts';
import type { WidgetContext, WidgetModule } from '../types.ts';
import { layOutParts, type WidgetParts } from './embed-layout.ts';
import { createHead } from './head.ts';
import { connectToHost } from './host-bridge.ts';
import { bindKeys, type KeyActions } from './keys.ts';
import { LinkState } from './link-state.ts';
import { pauseWhileHidden, type PlayerHooks } from './player.ts';

export type { PlayerHooks } from './player.ts';
export type { WidgetParts } from './embed-layout.ts';

export interface WidgetDefinition<T extends Table> {
  readonly route: string;
  /** The heading. */
  readonly title: string;
  /** One or two sentences under it. */
  readonly lede: readonly Child[];
  /** The root's class, which scopes the widget's own stylesheet. */
  readonly className: string;
  /** The settings table; a function of the core's vocabulary when its limits come from the core (then setup waits for the worker). */
  readonly settings: T | ((vocabulary: Vocabulary) => T);
  setup(kit: Kit<T>): WidgetHooks<T>;
}

export interface WidgetHooks<T extends Table> {
  /** The settings changed from outside the widget's controls (an edited link): show them. */
  apply(values: Values<T>): void;
  /** Shortcuts while mounted (see keys.ts for the names); in an embed, only while it has focus. */
  readonly keys?: KeyActions;
  /** What its play / pause / step / reset buttons do: a host slide can press them, and a hidden embed pauses. */
  readonly player?: PlayerHooks;
  /** Its main figure and secondary panels: the embed view gives the figure the frame and makes the panels tabs. */
  readonly parts?: WidgetParts;
  /** The worker restarted after a crash: ask for everything again. */
  reload?(): void;
  destroy?(): void;
}

/** A request's failure: the worker's message and, when the core refused a field, its name. */
export interface RequestFailure {
  message: string;
  field: string | null;
}

export interface RequestOptions {
  transfer?: Transferable[];
  onError?: (failure: RequestFailure) => void;
}

export interface Kit<T extends Table> {
  readonly ctx: WidgetContext;
  /** The widget's root element (its class scopes its CSS). */
  readonly root: HTMLElement;
  /** Where the widget puts its view. */
  readonly body: HTMLElement;
  /** The table the settings follow. */
  readonly table: T;
  /** The settings as they stand. */
  settings(): Values<T>;
  /** Changes settings from the widget's own controls: the link follows. Returns the new settings. */
  update(changes: Partial<Values<T>>): Values<T>;
  /** A polite screen-reader announcement. */
  announce(text: string): void;
  /** Lines shown in the widget's notice box (empty hides it). */
  notice(lines: readonly string[]): void;
  /** False once unmounted: late answers must not touch the view. */
  alive(): boolean;
  /** Runs at unmount (listeners to remove, objects to free). */
  onDispose(fn: () => void): void;
  /**
   * A worker request that matters only while the widget is mounted: resolves
   * with the result, or null when it failed (after `onError`, if still
   * mounted) or the widget is gone.
   */
  request<K extends RequestType>(body: RequestBody<K> & { type: K }, options?: RequestOptions): Promise<Results[K] | null>;
}

/** Makes a registry module (mount/unmount) of a widget definition. */
export function defineWidget<T extends Table>(def: WidgetDefinition<T>): WidgetModule {
  return { mount: (container, ctx) => mountWidget(def, container, ctx) };
}

function mountWidget<T extends Table>(def: WidgetDefinition<T>, container: HTMLElement, ctx: WidgetContext): () => void {
  let unmount: (() => void) | null = null;
  let gone = false;
  if (typeof def.settings !== 'function') {
    unmount = build(def, def.settings, container, ctx);
  } else {
    const makeTable = def.settings;
    const waiting = h('p', { class: 'loading' }, 'Starting the WebAssembly core…');
    container.append(waiting);
    void ctx.worker.ready().then((info) => {
      waiting.remove();
      if (!gone) unmount = build(def, makeTable(info.vocabulary), container, ctx);
    });
  }
  return () => {
    gone = true;
    unmount?.();
  };
}

function build<T extends Table>(def: WidgetDefinition<T>, table: T, container: HTMLElement, ctx: WidgetContext): () => void {
  let alive = true;
  const disposers: (() => void)[] = [];
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const announce = (text: string): void => {
    announcer.textContent = text;
  };

  const noticeList = h('ul', {});
  const noticeClose = h('button', { type: 'button', class: 'alert-close', 'aria-label': 'Dismiss' }, '×');
  const noticeBox = h('div', { class: 'widget-notice', role: 'status', hidden: true }, noticeList, noticeClose);
  const notice = (lines: readonly string[]): void => {
    noticeList.replaceChildren(...lines.map((l) => h('li', {}, l)));
    noticeBox.hidden = lines.length === 0;
  };
  noticeClose.addEventListener('click', () => notice([]));

  let hooks: WidgetHooks<T> | null = null;
  const showProblems = (problems: readonly StateProblem[]): void => notice(problems.map(describeProblem));
  const link = new LinkState(def.route, table, (values, problems) => {
    showProblems(problems);
    hooks?.apply(values);
  });
  disposers.push(() => link.dispose());

  const embedded = ctx.embed !== null;
  const body = h('div', { class: 'widget-body' });
  const head = createHead({ title: def.title, lede: def.lede, href: () => link.href(), hash: () => link.hash(), embedded, announce });
  const root = h('article', { class: `widget ${def.className}`, 'data-route': def.route }, head, noticeBox, body, announcer);
  if (embedded) {
    root.dataset.embed = '';
    // Clicking anywhere in the widget gives it the keys (and leaves them to the deck otherwise).
    root.tabIndex = -1;
  }
  container.append(root);

  async function request<K extends RequestType>(req: RequestBody<K> & { type: K }, options: RequestOptions = {}): Promise<Results[K] | null> {
    try {
      const value = await ctx.worker.request<K>(req, options.transfer);
      return alive ? value : null;
    } catch (e) {
      if (alive) options.onError?.({ message: messageOf(e), field: fieldOf(e) });
      return null;
    }
  }

  const kit: Kit<T> = {
    ctx,
    root,
    body,
    table,
    settings: () => link.values,
    update: (changes) => link.update(changes),
    announce,
    notice,
    alive: () => alive,
    onDispose: (fn) => {
      disposers.push(fn);
    },
    // The same signature; TypeScript cannot relate the two generic forms of RequestBody.
    request: request as Kit<T>['request'],
  };

  hooks = def.setup(kit);
  const current = hooks;
  showProblems(link.problems);
  if (current.keys) disposers.push(bindKeys(root, current.keys, embedded ? root : document));
  // Marks the widget as answering (its worker is up): tests and hosts wait for it.
  void ctx.worker.ready().then(() => {
    if (alive) root.dataset.ready = '';
  });
  if (embedded) {
    if (current.parts) layOutParts(body, current.parts);
    const player = current.player ?? {};
    disposers.push(pauseWhileHidden(root, player));
    const target = { route: def.route, player, link: () => link.href(), params: () => link.params(), set: (v: Readonly<Record<string, string>>) => link.set(v), onWrite: (fn: () => void) => link.onWrite(fn) };
    disposers.push(connectToHost(target, ctx.worker.ready()));
  }
  disposers.push(
    ctx.worker.onConnection((e: ConnectionEvent) => {
      if (e.kind === 'ready' && e.restarted) current.reload?.();
    }),
  );

  return () => {
    alive = false;
    current.destroy?.();
    for (const d of disposers.reverse()) d();
    root.remove();
  };
}
