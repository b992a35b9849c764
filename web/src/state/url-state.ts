// Settings as a declarative table of typed properties that round-trips through
// the URL hash (in the spirit of TensorFlow Playground's state.ts): each
// property names its type, default and range, so parsing, validation,
// serialisation and the notice for a bad value all come from one place.
//
// A hash looks like `#/route?key=value&key=value`. Only values that differ
// from their default are written, which keeps shared links short; a link
// therefore means the same thing as long as the defaults do.

/** A number in [min, max]; `integer` rejects fractions. */
export interface NumberProp {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /**
   * The default depends on another (earlier, enum) property, e.g. a learning
   * rate per surface: `{ on: 'surface', values: { bowl: 0.1 } }`. Missing
   * entries fall back to `default`. Changing that property resets this one.
   */
  readonly per?: { readonly on: string; readonly values: Readonly<Record<string, number>> };
}

/** One of a fixed list of strings. */
export interface EnumProp<V extends string = string> {
  readonly kind: 'enum';
  readonly default: V;
  readonly values: readonly V[];
}

/** Written as 1 / 0 (true / false are read too). */
export interface BoolProp {
  readonly kind: 'bool';
  readonly default: boolean;
}

/**
 * A list of numbers or names, written joined by '-' (e.g. `units=300-100`),
 * with from minLength to maxLength items each valid for `item`. '-' is one
 * of the few characters a link keeps as it is, so list items must never hold
 * it: names without '-', numbers with min ≥ 1 (never written with an exponent).
 * A list of signed numbers (weights) is joined by '_' instead, the other such
 * character: `separator: '_'` (e.g. `w=0.5_-1.25`).
 */
export interface ListProp<I extends NumberProp | EnumProp = NumberProp | EnumProp> {
  readonly kind: 'list';
  readonly item: I;
  readonly default: readonly ValueOf<I>[];
  readonly minLength: number;
  readonly maxLength: number;
  readonly separator?: ListSeparator;
}

export type ListSeparator = '-' | '_';

export type Prop = NumberProp | EnumProp | BoolProp | ListProp;
export type Table = Readonly<Record<string, Prop>>;

/** The value type each property holds. */
export type ValueOf<P extends Prop> = P extends NumberProp
  ? number
  : P extends EnumProp<infer V>
    ? V
    : P extends BoolProp
      ? boolean
      : P extends ListProp<infer I>
        ? readonly ValueOf<I>[]
        : never;

type Value = number | string | boolean | readonly (number | string)[];

export type Values<T extends Table> = { -readonly [K in keyof T]: ValueOf<T[K]> };

/**
 * A value in the URL that could not be used, and what was used instead. The
 * key '' stands for the link as a whole (too long to read: `raw` holds its
 * length, and every setting keeps its default).
 */
export interface StateProblem {
  readonly key: string;
  readonly raw: string;
  /** What a valid value looks like, e.g. "a number from 0.0001 to 10". */
  readonly expected: string;
  /** The value used instead (as written in a URL), or null for an unknown key. */
  readonly fallback: string | null;
}

// Builders, so a table reads like a list of declarations.
export const num = (
  def: number,
  min: number,
  max: number,
  extra: { integer?: boolean; per?: NumberProp['per'] } = {},
): NumberProp => ({ kind: 'number', default: def, min, max, ...extra });
export const int = (def: number, min: number, max: number): NumberProp => num(def, min, max, { integer: true });
export const choice = <const V extends string>(values: readonly V[], def: NoInfer<V>): EnumProp<V> => ({ kind: 'enum', default: def, values });
export const flag = (def: boolean): BoolProp => ({ kind: 'bool', default: def });
export const list = <I extends NumberProp | EnumProp>(
  item: I,
  def: readonly ValueOf<I>[],
  minLength: number,
  maxLength: number,
  separator: ListSeparator = '-',
): ListProp<I> => ({
  kind: 'list',
  item,
  default: def,
  minLength,
  maxLength,
  separator,
});

const separatorOf = (prop: ListProp): ListSeparator => prop.separator ?? '-';

/** The default of `prop` given the values of the properties before it. */
function defaultOf(prop: Prop, values: Readonly<Record<string, unknown>>): Value {
  if (prop.kind === 'number' && prop.per) {
    const on = values[prop.per.on];
    const v = typeof on === 'string' ? prop.per.values[on] : undefined;
    return v ?? prop.default;
  }
  return prop.default;
}

export function expected(prop: Prop): string {
  switch (prop.kind) {
    case 'number':
      return `${prop.integer ? 'an integer' : 'a number'} from ${prop.min} to ${prop.max}`;
    case 'enum':
      return `one of ${prop.values.join(', ')}`;
    case 'bool':
      return '1 or 0';
    case 'list':
      return `${prop.minLength} to ${prop.maxLength} of ${expected(prop.item)}, joined by ${separatorOf(prop)}`;
  }
}

/**
 * Links longer than this are not read at all, and a value longer than
 * MAX_VALUE_LENGTH (per item, for lists) is not parsed: the lab's own links
 * stay far below both (the longest, the backprop lesson's 17 weights, is
 * under 300 characters), and a crafted one cannot make the page parse megabytes.
 */
export const MAX_QUERY_LENGTH = 4000;
export const MAX_VALUE_LENGTH = 100;

/** The longest value `prop` reads: MAX_VALUE_LENGTH, or that per item (with its separator) for a list. */
export function maxValueLength(prop: Prop): number {
  return prop.kind === 'list' ? (MAX_VALUE_LENGTH + 1) * prop.maxLength : MAX_VALUE_LENGTH;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Whether `text` is a plain decimal numeral — [+-] digits [. digits]
 * [e [+-] digits], with digits on at least one side of the point — in one
 * pass. (A regular expression for this backtracked quadratically: 200,000
 * digits and an 'x' took 30 s.)
 */
export function isNumeral(text: string): boolean {
  let i = 0;
  const sign = (): void => {
    if (text[i] === '+' || text[i] === '-') i++;
  };
  const digits = (): number => {
    const start = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    return i - start;
  };
  sign();
  let mantissa = digits();
  if (text[i] === '.') {
    i++;
    mantissa += digits();
  }
  if (mantissa === 0) return false;
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    sign();
    if (digits() === 0) return false;
  }
  return i === text.length;
}

/** A raw URL value as the property's type, or undefined when it is not valid. */
export function parseValue(prop: Prop, raw: string): Value | undefined {
  switch (prop.kind) {
    case 'number': {
      // Number('') is 0 and Number(' 1') is 1: insist on a plain numeral.
      if (!isNumeral(raw)) return undefined;
      const v = Number(raw);
      if (!Number.isFinite(v) || v < prop.min || v > prop.max) return undefined;
      if (prop.integer && !Number.isInteger(v)) return undefined;
      return v;
    }
    case 'enum':
      return prop.values.includes(raw) ? raw : undefined;
    case 'bool':
      if (raw === '1' || raw === 'true') return true;
      if (raw === '0' || raw === 'false') return false;
      return undefined;
    case 'list': {
      const parts = raw === '' ? [] : raw.split(separatorOf(prop)); // `units=`: the empty list
      if (parts.length < prop.minLength || parts.length > prop.maxLength) return undefined;
      const items: (number | string)[] = [];
      for (const part of parts) {
        const v = parseValue(prop.item, part);
        if (typeof v !== 'number' && typeof v !== 'string') return undefined;
        items.push(v);
      }
      return items;
    }
  }
}

/** A value as its property writes it in a link (a list joined by its separator). */
export function formatValue(value: Value, prop?: Prop): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'object') return value.map((v) => formatValue(v)).join(prop?.kind === 'list' ? separatorOf(prop) : '-');
  // String(number) is the shortest text that reads back as the same double.
  return String(value);
}

/** All defaults, dependent ones resolved in table order. */
export function defaults<T extends Table>(table: T): Values<T> {
  return parseParams(table, new URLSearchParams()).values;
}

/**
 * Values from URL parameters: each valid value is taken, each invalid one is
 * replaced by its default and reported, unknown keys are reported too.
 */
export function parseParams<T extends Table>(
  table: T,
  params: URLSearchParams,
): { values: Values<T>; problems: StateProblem[] } {
  const length = params.toString().length;
  if (length > MAX_QUERY_LENGTH) {
    const problem = { key: '', raw: String(length), expected: `at most ${MAX_QUERY_LENGTH} characters`, fallback: null };
    return { values: defaults(table), problems: [problem] };
  }
  const values: Record<string, unknown> = {};
  const problems: StateProblem[] = [];
  for (const [key, prop] of Object.entries(table)) {
    const def = defaultOf(prop, values);
    const raw = params.get(key);
    if (raw === null) {
      values[key] = def;
      continue;
    }
    const cap = maxValueLength(prop);
    const tooLong = raw.length > cap;
    const v = tooLong ? undefined : parseValue(prop, raw);
    if (v === undefined) {
      const want = tooLong ? `${expected(prop)}, at most ${cap} characters` : expected(prop);
      problems.push({ key, raw: shortened(raw), expected: want, fallback: formatValue(def, prop) });
      values[key] = def;
    } else {
      values[key] = v;
    }
  }
  for (const [key, raw] of params) {
    if (!(key in table)) problems.push({ key: shortened(key), raw: shortened(raw), expected: 'a known setting', fallback: null });
  }
  // Every key of the table was assigned a value of its property's type above.
  return { values: values as Values<T>, problems };
}

/** At most 40 characters of a raw value, for messages. */
function shortened(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
}

/** The parameters that differ from their defaults, in table order. */
export function toParams<T extends Table>(table: T, values: Values<T>): URLSearchParams {
  const params = new URLSearchParams();
  const seen: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(table)) {
    const v = values[key as keyof T] as Value;
    // Lists compare by what they write, not by identity.
    if (formatValue(v, prop) !== formatValue(defaultOf(prop, seen), prop)) params.set(key, formatValue(v, prop));
    seen[key] = v;
  }
  return params;
}

/**
 * Sets one value and resets the properties whose default depends on it (a new
 * surface brings its own learning rates). Returns the new values.
 */
export function withValue<T extends Table, K extends keyof T & string>(
  table: T,
  values: Values<T>,
  key: K,
  value: Values<T>[K],
): Values<T> {
  const next: Record<string, unknown> = { ...values, [key]: value };
  for (const [k, prop] of Object.entries(table)) {
    if (prop.kind === 'number' && prop.per?.on === key) next[k] = defaultOf(prop, next);
  }
  return next as Values<T>;
}

/** The query part of a hash route: `#/route?x=1` → `x=1`. */
export function hashParams(hash: string): URLSearchParams {
  const q = hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
}

/** `#/route` plus the parameters, if any. */
export function hashFor(route: string, params: URLSearchParams): string {
  const q = params.toString();
  return q ? `#/${route}?${q}` : `#/${route}`;
}

/** One sentence per problem, naming the parameter, for a visible notice. */
export function describeProblem(p: StateProblem): string {
  if (p.key === '') return `The link is too long to read (${p.raw} characters, ${p.expected}); every setting keeps its default.`;
  if (p.fallback === null) return `Unknown setting “${p.key}” in the link was ignored.`;
  return `The link’s “${p.key}=${p.raw}” is not valid (expected ${p.expected}); using ${p.fallback}.`;
}
