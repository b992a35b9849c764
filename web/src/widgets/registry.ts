// The widgets of the page, in navigation order (the seed's chapter order,
// grouped by part). The first is the home route.
// Adding a widget is one entry here (and its folder).
//
// The home route's code is part of the entry chunk, not loaded after it: a
// visitor's first page needs no second round trip before its pad appears
// (some 100 ms on a 40 ms link; the other views pay 5 KB gzip for it).

import * as draw from './draw/index.ts';
import type { WidgetEntry } from './types.ts';

export const widgets: readonly WidgetEntry[] = [
  { route: 'draw', part: 'Try it', title: 'Draw', summary: 'Draw a digit and watch an MLP read it', load: () => Promise.resolve(draw) },
  { route: 'neuron', part: 'History', title: 'Neurons', summary: 'McCulloch–Pitts threshold units and Hebb’s rule', load: () => import('./neuron/index.ts') },
  { route: 'perceptron', part: 'History', title: 'Perceptron', summary: 'Rosenblatt’s rule one example at a time', load: () => import('./perceptron/index.ts') },
  { route: 'xor', part: 'History', title: 'Logic gates', summary: 'Perceptron vs MLP on logic gates', load: () => import('./xor/index.ts') },
  { route: 'backprop', part: 'Learning', title: 'Backprop', summary: 'Backpropagation step by step on a computation graph', load: () => import('./backprop/index.ts') },
  { route: 'activations', part: 'Learning', title: 'Activations', summary: 'Activation functions, their derivatives and where they saturate', load: () => import('./activations/index.ts') },
  { route: 'vanishing', part: 'Learning', title: 'Vanishing gradients', summary: 'Gradients and activations layer by layer in a deep network', load: () => import('./vanishing/index.ts') },
  { route: 'uat', part: 'Learning', title: 'Approximation', summary: 'Universal approximation: Cybenko’s sums of sigmoids fitted to any curve', load: () => import('./uat/index.ts') },
  { route: 'train', part: 'Training', title: 'Train', summary: 'Train an MLP on MNIST', load: () => import('./train/index.ts') },
  { route: 'playground', part: 'Training', title: 'Playground', summary: 'Decision boundaries of an MLP on the plane, neuron by neuron', load: () => import('./playground/index.ts') },
  { route: 'optimizers', part: 'Training', title: 'Optimizers', summary: 'GD, SGD, mini-batch and the optimizer family on loss surfaces', load: () => import('./optimizers/index.ts') },
];
