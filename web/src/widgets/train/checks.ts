// The form's entries as typed, checked against the link table's ranges (which
// are the core's limits), each problem named at its field; and the way back
// from a core refusal (MlpError.field) to the field that shows it.

import type { OptimizerName, Vocabulary } from '../../../generated/mlp-simd.mjs';
import type { NumberProp } from '../../state/url-state.ts';
import { PARAM_KEYS, usedParams, type ParamKey, type TrainSettings, type TrainTable } from './settings.ts';

/** Where a problem is shown: a field by its link key, a hidden layer's units, or the layer list. */
export type FieldKey = 'lr' | ParamKey | 'batch' | 'epochs' | 'seed' | 'layers' | `units-${number}`;

export interface FieldProblem {
  field: FieldKey;
  message: string;
}

/** The form's entries as typed (strings), before checking. */
export interface RawSettings {
  layers: { units: string; activation: string }[];
  opt: string;
  init: string;
  aug: boolean;
  /** lr, the optimizer's parameters, batch, epochs, seed. */
  numbers: Record<'lr' | ParamKey | 'batch' | 'epochs' | 'seed', string>;
}

export type Checked = { ok: true; settings: TrainSettings } | { ok: false; errors: FieldProblem[] };

/** 55,000 and 0.01 as people write them; tiny limits (1e-9) in exponent form. */
const fmt = (n: number): string => (n !== 0 && Math.abs(n) < 1e-4 ? n.toExponential() : n.toLocaleString('en', { maximumSignificantDigits: 15 }));
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A typed number against its property's range: the value, or what is wrong in a sentence. */
export function checkNumber(prop: NumberProp, text: string, what: string): { value: number } | { message: string } {
  const t = text.trim();
  const range = `${fmt(prop.min)}–${fmt(prop.max)}`;
  if (t === '') return { message: `Enter ${what} (${range}).` };
  const v = Number(t);
  if (!Number.isFinite(v)) return { message: `${capital(what)} must be a number, got “${t}”.` };
  if (prop.integer && !Number.isInteger(v)) return { message: `${capital(what)} must be a whole number, got ${t}.` };
  if (v < prop.min || v > prop.max) return { message: `${capital(what)} must be between ${fmt(prop.min)} and ${fmt(prop.max)}, got ${fmt(v)}.` };
  return { value: v };
}

const WHAT: Record<'lr' | ParamKey | 'batch' | 'epochs' | 'seed', string> = {
  lr: 'the learning rate',
  mom: 'the momentum',
  rho: 'the decay rate ρ',
  b1: 'β₁',
  b2: 'β₂',
  batch: 'the batch size',
  epochs: 'the number of epochs',
  seed: 'the seed',
};

/** Checks every entry the way the core would, so problems show at their field before anything is sent. */
export function checkSettings(v: Vocabulary, table: TrainTable, raw: RawSettings, current: TrainSettings): Checked {
  const errors: FieldProblem[] = [];
  const opt = table.opt.values.find((o) => o === raw.opt) ?? current.opt;
  const used = new Set<string>(usedParams(v, opt as OptimizerName).map((p) => PARAM_KEYS[p]));
  const number = (key: keyof typeof WHAT, fallback: number): number => {
    // The parameters this optimizer does not use keep their value; they are not shown.
    if (['mom', 'rho', 'b1', 'b2'].includes(key) && !used.has(key)) return fallback;
    const r = checkNumber(table[key], raw.numbers[key], WHAT[key]);
    if ('message' in r) {
      errors.push({ field: key, message: r.message });
      return fallback;
    }
    return r.value;
  };

  const { minLength, maxLength } = table.units;
  if (raw.layers.length < minLength || raw.layers.length > maxLength)
    errors.push({ field: 'layers', message: `Use ${minLength} to ${maxLength} hidden layers.` });
  const units = raw.layers.map((l, i) => {
    const r = checkNumber(table.units.item, l.units, `the units of layer ${i + 1}`);
    if ('message' in r) errors.push({ field: `units-${i}`, message: r.message });
    return 'value' in r ? r.value : 1;
  });
  const act = raw.layers.map((l) => table.act.item.values.find((a) => a === l.activation) ?? 'relu');

  const settings: TrainSettings = {
    units,
    act,
    init: table.init.values.find((i) => i === raw.init) ?? current.init,
    seed: number('seed', current.seed),
    opt,
    lr: number('lr', current.lr),
    mom: number('mom', current.mom),
    rho: number('rho', current.rho),
    b1: number('b1', current.b1),
    b2: number('b2', current.b2),
    batch: number('batch', current.batch),
    epochs: number('epochs', current.epochs),
    aug: raw.aug,
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings };
}

/** The entries a form shows for settings. */
export function toRaw(s: TrainSettings): RawSettings {
  return {
    layers: s.units.map((u, i) => ({ units: String(u), activation: s.act[i] ?? s.act[s.act.length - 1] ?? 'relu' })),
    opt: s.opt,
    init: s.init,
    aug: s.aug,
    numbers: { lr: String(s.lr), mom: String(s.mom), rho: String(s.rho), b1: String(s.b1), b2: String(s.b2), batch: String(s.batch), epochs: String(s.epochs), seed: String(s.seed) },
  };
}

const CORE_FIELDS: Readonly<Record<string, FieldKey>> = {
  learning_rate: 'lr',
  momentum: 'mom',
  rho: 'rho',
  beta1: 'b1',
  beta2: 'b2',
  batch_size: 'batch',
  seed: 'seed',
  shuffle_seed: 'seed',
  layers: 'layers',
};

/** The form field that shows a core refusal of `field` (MlpError.field), or null for one the form has no field for. */
export function formFieldOf(field: string | null): FieldKey | null {
  if (field === null) return null;
  const unit = /^layers\[(\d+)\]\.units$/.exec(field);
  if (unit?.[1]) return `units-${Number(unit[1])}`;
  return CORE_FIELDS[field] ?? null;
}
