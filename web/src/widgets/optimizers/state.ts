// Every setting of the optimizer lab, as one declarative table that
// round-trips through the URL hash: #/optimizers?tab=race&surface=rosenbrock&lr.adam=0.05.
// Race learning rates, start points and lengths default per surface.

import type { OptimizerName } from '../../../generated/mlp-simd.mjs';
import { choice, flag, int, num, type Table, type Values } from '../../state/url-state.ts';
import { OPTIMIZERS, REGIMES, SPEEDS, SURFACES, perSurface } from './presets.ts';

export const ROUTE = 'optimizers';
export const TABS = ['gd', 'race', 'net'] as const;
export type Tab = (typeof TABS)[number];

const SEED_MAX = 2 ** 31 - 1;

/** A race learning rate: its default follows the surface. */
const raceRate = (o: OptimizerName) => num(0.01, 1e-6, 10, { per: { on: 'surface', values: perSurface((p) => p.lr[o]) } });

export const LAB_STATE = {
  tab: choice(TABS, 'gd'),

  // ---- GD vs SGD vs mini-batch on linear regression (Géron ch. 4)
  'gd.m': int(100, 10, 500),
  'gd.noise': num(1, 0, 5),
  'gd.seed': int(42, 0, SEED_MAX),
  'gd.lr': num(0.1, 0.0001, 1),
  'gd.b': int(20, 1, 500),
  'gd.epochs': int(50, 1, 200),
  'gd.schedule': flag(false),
  'gd.t0': num(5, 0.01, 1000),
  'gd.t1': num(50, 1, 10000),
  'gd.x': num(0, -50, 50),
  'gd.y': num(0, -50, 50),
  'gd.speed': choice(SPEEDS, 'normal'),

  // ---- the optimizer race on 2-D surfaces
  surface: choice(SURFACES, 'bowl'),
  kappa: num(10, 1, 1000),
  x: num(0, -100, 100, { per: { on: 'surface', values: perSurface((p) => p.start[0]) } }),
  y: num(0, -100, 100, { per: { on: 'surface', values: perSurface((p) => p.start[1]) } }),
  steps: num(200, 1, 5000, { integer: true, per: { on: 'surface', values: perSurface((p) => p.steps) } }),
  noise: num(0, 0, 100),
  seed: int(1, 0, SEED_MAX),
  speed: choice(SPEEDS, 'normal'),
  'on.sgd': flag(true),
  'on.momentum': flag(true),
  'on.nesterov': flag(true),
  'on.adagrad': flag(true),
  'on.rmsprop': flag(true),
  'on.adam': flag(true),
  'lr.sgd': raceRate('sgd'),
  'lr.momentum': raceRate('momentum'),
  'lr.nesterov': raceRate('nesterov'),
  'lr.adagrad': raceRate('adagrad'),
  'lr.rmsprop': raceRate('rmsprop'),
  'lr.adam': raceRate('adam'),
  'mom.momentum': num(0.9, 0, 0.999),
  'mom.nesterov': num(0.9, 0, 0.999),
  'rho.rmsprop': num(0.99, 0, 0.9999),
  'b1.adam': num(0.9, 0, 0.9999),
  'b2.adam': num(0.999, 0, 0.99999),

  // ---- a real network: 2-h-h-2 on two moons / circles
  'net.data': choice(['moons', 'circles'], 'moons'),
  'net.n': int(400, 50, 2000),
  'net.noise': num(0.2, 0, 0.5),
  'net.seed': int(1, 0, SEED_MAX),
  'net.hidden': int(16, 2, 64),
  'net.act': choice(['tanh', 'relu', 'elu', 'sigmoid'], 'tanh'),
  'net.opt': choice(OPTIMIZERS, 'sgd'),
  'net.lr': num(0.1, 1e-5, 10),
  'net.b': int(32, 1, 2000),
  'net.epochs': int(100, 1, 500),
  'net.centre': choice(REGIMES, 'mini'),
  'net.span': num(1, 0.05, 10),
  'net.res': int(41, 11, 101),
} satisfies Table;

export type LabState = Values<typeof LAB_STATE>;
export type LabKey = keyof LabState & string;
