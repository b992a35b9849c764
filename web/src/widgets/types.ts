// What every widget is: a mount function that renders into the element it is
// given (and nowhere else) and returns its unmount. The same widget then
// serves the full page, an embed URL and a single-file export.

import type { WorkerClient } from '../worker-client.ts';
import type { EmbedOptions } from './kit/embed-options.ts';

export interface WidgetContext {
  /** The shared worker that owns the WASM module. */
  readonly worker: WorkerClient;
  /** State that outlives a widget's mount (a training run, the model library). */
  readonly services: AppServices;
  /** The embed view's options (`?embed`), or null in the site. */
  readonly embed: EmbedOptions | null;
}

export interface AppServices {
  /** One object per page for `key`, made on first ask. */
  shared<T>(key: string, create: () => T): T;
}

export type Unmount = () => void;

export interface WidgetModule {
  mount(container: HTMLElement, ctx: WidgetContext): Unmount;
}

export interface WidgetEntry {
  /** The hash route: #/<route>. */
  readonly route: string;
  /** Short name for the navigation. */
  readonly title: string;
  /** One line for the page title and tooltips. */
  readonly summary: string;
  /** Loaded on first visit, so each widget is its own chunk. */
  readonly load: () => Promise<WidgetModule>;
}
