// The widgets of the page, in navigation order. The first is the home route.
// Adding a widget is one entry here (and its folder).

import type { WidgetEntry } from './types.ts';

export const widgets: readonly WidgetEntry[] = [
  { route: 'xor', title: 'Logic gates', summary: 'Perceptron vs MLP on logic gates', load: () => import('./xor/index.ts') },
];
