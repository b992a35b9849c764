// The page's shared objects: made on first ask, kept while the page lives, so
// a training run goes on while its widget is not mounted (and the header can
// show it), and every widget sees the same model library.

import type { AppServices } from './widgets/types.ts';

export function createServices(): AppServices {
  const objects = new Map<string, unknown>();
  return {
    shared<T>(key: string, create: () => T): T {
      if (!objects.has(key)) objects.set(key, create());
      return objects.get(key) as T;
    },
  };
}
