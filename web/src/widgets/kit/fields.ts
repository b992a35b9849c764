// Form fields for the lab's settings: real labelled controls (so the keyboard
// and screen readers work), each with a `set` to follow state that changed
// elsewhere (a pasted link, a new surface's defaults). Sliders move over a
// list of round values; a value from a link that is not on the list is still
// shown exactly.

import { h, uid } from '../../ui/dom.ts';

export interface Field<V> {
  readonly element: HTMLElement;
  set(value: V): void;
}

/** 1, 2, 2.5, 5 × 10^k from min to max (inclusive where they fall on the list). */
export function roundValues(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)) - 1; e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of [1, 2, 2.5, 5]) {
      const v = Number((m * 10 ** e).toPrecision(3));
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(v);
    }
  }
  return out;
}

/** min, min + step, …, max. */
export function linearValues(min: number, max: number, step: number): number[] {
  const n = Math.round((max - min) / step);
  return Array.from({ length: n + 1 }, (_, k) => Number((min + k * step).toPrecision(6)));
}

function nearestIndex(values: readonly number[], v: number, log: boolean): number {
  let best = 0;
  let bestD = Infinity;
  values.forEach((c, i) => {
    const d = log && c > 0 && v > 0 ? Math.abs(Math.log(c) - Math.log(v)) : Math.abs(c - v);
    if (d < bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

/** Up to 4 significant digits, no float noise. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

function labelled(label: string, control: HTMLElement, output?: HTMLElement, hint?: string): HTMLElement {
  // Bound by id: a label wrapping an <output> before the control would label the output (the
  // first labelable element inside it), leaving a slider with no name for screen readers.
  control.id ||= uid('field');
  return h(
    'label',
    { class: 'field', for: control.id, title: hint },
    h('span', { class: 'field-row' }, h('span', {}, label), output),
    control,
  );
}

export function sliderField(o: {
  label: string;
  name: string;
  values: readonly number[];
  value: number;
  log?: boolean;
  format?: (v: number) => string;
  hint?: string;
  onChange: (v: number) => void;
}): Field<number> {
  const format = o.format ?? formatNumber;
  const input = h('input', { type: 'range', name: o.name, min: 0, max: o.values.length - 1, step: 1 });
  const output = h('output', { 'aria-hidden': 'true' });
  let current = o.value;
  const show = (v: number): void => {
    current = v;
    input.value = String(nearestIndex(o.values, v, o.log ?? false));
    output.textContent = format(v);
    input.setAttribute('aria-valuetext', format(v));
  };
  show(o.value);
  input.addEventListener('input', () => {
    const v = o.values[Number(input.value)] ?? current;
    output.textContent = format(v);
    input.setAttribute('aria-valuetext', format(v));
  });
  input.addEventListener('change', () => {
    const v = o.values[Number(input.value)];
    if (v !== undefined && v !== current) {
      current = v;
      o.onChange(v);
    }
  });
  return { element: labelled(o.label, input, output, o.hint), set: show };
}

export function numberField(o: {
  label: string;
  name: string;
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  hint?: string;
  onChange: (v: number) => void;
}): Field<number> {
  const input = h('input', {
    type: 'number',
    name: o.name,
    min: o.min,
    max: o.max,
    step: o.integer ? 1 : 'any',
    inputmode: o.integer ? 'numeric' : 'decimal',
  });
  // Outside the label, so the field's name stays its label.
  const error = h('p', { class: 'field-error', id: uid(`field-${o.name}`), hidden: true });
  input.setAttribute('aria-describedby', error.id);
  const showError = (text: string | null): void => {
    error.hidden = text === null;
    error.textContent = text ?? '';
    if (text === null) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  };
  const set = (v: number): void => {
    input.value = String(v);
    showError(null);
  };
  set(o.value);
  input.addEventListener('change', () => {
    const v = input.value.trim() === '' ? NaN : Number(input.value);
    const ok = Number.isFinite(v) && v >= o.min && v <= o.max && (!o.integer || Number.isInteger(v));
    // A refused entry stays, to be corrected; the setting keeps its last good value.
    if (!ok) showError(`${o.integer ? 'An integer' : 'A number'} from ${o.min} to ${o.max}.`);
    else {
      showError(null);
      o.onChange(v);
    }
  });
  return { element: h('div', { class: 'number-field' }, labelled(o.label, input, undefined, o.hint), error), set };
}

export function selectField<V extends string>(o: {
  label: string;
  name: string;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange: (v: V) => void;
}): Field<V> {
  const select = h('select', { name: o.name });
  for (const opt of o.options) select.append(h('option', { value: opt.value }, opt.label));
  const set = (v: V): void => {
    select.value = v;
  };
  set(o.value);
  select.addEventListener('change', () => {
    const found = o.options.find((opt) => opt.value === select.value);
    if (found) o.onChange(found.value);
  });
  return { element: labelled(o.label, select), set };
}

/** A select over numbers (sizes, spans), kept as numbers in the state. */
export function numberChoiceField(o: {
  label: string;
  name: string;
  options: readonly { value: number; label: string }[];
  value: number;
  onChange: (v: number) => void;
}): Field<number> {
  const f = selectField({
    label: o.label,
    name: o.name,
    options: o.options.map((opt) => ({ value: String(opt.value), label: opt.label })),
    value: String(o.value),
    onChange: (v) => o.onChange(Number(v)),
  });
  const select = f.element.querySelector('select');
  return {
    element: f.element,
    set(v) {
      // A value from a link that is not among the options is added, so it shows as it is.
      if (select && !o.options.some((opt) => opt.value === v)) {
        if (!select.querySelector(`option[value="${v}"]`)) select.append(h('option', { value: String(v) }, String(v)));
      }
      f.set(String(v));
    },
  };
}

export function checkField(o: { label: string; name: string; value: boolean; onChange: (v: boolean) => void }): Field<boolean> {
  const id = uid(`lab-${o.name}`);
  const input = h('input', { type: 'checkbox', name: o.name, id });
  const set = (v: boolean): void => {
    input.checked = v;
  };
  set(o.value);
  input.addEventListener('change', () => o.onChange(input.checked));
  return { element: h('div', { class: 'check-field' }, input, h('label', { for: id }, o.label)), set };
}

/**
 * Fields bound to a settings object: `bind(key, field)` returns the field's
 * element and remembers how to show `key`; `sync(values)` shows them all
 * (a pasted link, a preset).
 */
export function fieldBinder<S>(): {
  bind<K extends keyof S>(key: K, f: Field<S[K]>): HTMLElement;
  sync(values: S): void;
} {
  const syncs: ((s: S) => void)[] = [];
  return {
    bind(key, f) {
      syncs.push((s) => f.set(s[key]));
      return f.element;
    },
    sync(values) {
      for (const s of syncs) s(values);
    },
  };
}
