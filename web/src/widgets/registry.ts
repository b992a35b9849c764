// The widgets of the page, in navigation order. The first is the home route.
// Adding a widget is one entry here (and its folder).

import type { WidgetEntry } from './types.ts';

export const widgets: readonly WidgetEntry[] = [
  { route: 'draw', title: 'Draw', summary: 'Draw a digit and watch an MLP read it', load: () => import('./draw/index.ts') },
  { route: 'neuron', title: 'Neurons', summary: 'McCulloch–Pitts threshold units and Hebb’s rule', load: () => import('./neuron/index.ts') },
  { route: 'perceptron', title: 'Perceptron', summary: 'Rosenblatt’s rule one example at a time', load: () => import('./perceptron/index.ts') },
  { route: 'xor', title: 'Logic gates', summary: 'Perceptron vs MLP on logic gates', load: () => import('./xor/index.ts') },
  { route: 'backprop', title: 'Backprop', summary: 'Backpropagation step by step on a computation graph', load: () => import('./backprop/index.ts') },
  { route: 'activations', title: 'Activations', summary: 'Activation functions, their derivatives and where they saturate', load: () => import('./activations/index.ts') },
  { route: 'vanishing', title: 'Vanishing gradients', summary: 'Gradients and activations layer by layer in a deep network', load: () => import('./vanishing/index.ts') },
  { route: 'uat', title: 'Universal approximation', summary: 'Cybenko’s sums of sigmoids fitted to any curve', load: () => import('./uat/index.ts') },
  { route: 'train', title: 'Train', summary: 'Train an MLP on MNIST', load: () => import('./train/index.ts') },
  { route: 'playground', title: 'Playground', summary: 'Decision boundaries of an MLP on the plane, neuron by neuron', load: () => import('./playground/index.ts') },
  { route: 'optimizers', title: 'Optimizers', summary: 'GD, SGD, mini-batch and the optimizer family on loss surfaces', load: () => import('./optimizers/index.ts') },
];
