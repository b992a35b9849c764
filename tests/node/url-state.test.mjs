// web/src/state/url-state.ts under random links (fast-check): any hash parses
// without throwing, in bounded time, into values every property accepts; any
// values round-trip through a link exactly; and the link that once froze the
// tab (a 200,000-digit learning rate ending in 'x': 30 s of regex
// backtracking) is a prompt, named problem.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadModule } from './load-module.mjs';
import { importTs } from './ts-import.mjs';

let S;
let TABLE;
let LAB;
let TABLES; // every widget's own table, and one of each kind of property
let BACKPROP;

before(async () => {
  let lab, train, xor, neuron, perceptron, backprop;
  [S, lab, train, xor, neuron, perceptron, backprop] = await importTs('web/src/state/url-state.ts', 'web/src/widgets/optimizers/state.ts',
    'web/src/widgets/train/settings.ts', 'web/src/widgets/xor/settings.ts', 'web/src/widgets/neuron/settings.ts',
    'web/src/widgets/perceptron/settings.ts', 'web/src/widgets/backprop/settings.ts');
  LAB = lab.LAB_STATE;
  const M = await loadModule('simd');
  TABLE = {
    surface: S.choice(['bowl', 'rosenbrock', 'saddle'], 'bowl'),
    lr: S.num(0.01, 1e-6, 10, { per: { on: 'surface', values: { rosenbrock: 0.002 } } }),
    x: S.num(-1.5, -1000, 1000),
    steps: S.int(100, 1, 100000),
    seed: S.int(42, 0, 2 ** 31 - 1),
    noisy: S.flag(false),
    units: S.list(S.int(1, 1, 1024), [128, 64], 1, 8),
    acts: S.list(S.choice(['relu', 'tanh'], 'relu'), ['relu'], 1, 8),
  };
  TABLES = [TABLE, LAB, train.trainTable(M.vocabulary()), xor.XOR_STATE, neuron.NEURON_STATE, perceptron.PERCEPTRON_STATE, backprop.BACKPROP_STATE];
  BACKPROP = backprop.BACKPROP_STATE;
});

// A value each property accepts; zero without a sign, as a link writes it.
function arbitraryValue(prop) {
  switch (prop.kind) {
    case 'number':
      return prop.integer
        ? fc.integer({ min: prop.min, max: prop.max })
        : fc.double({ min: prop.min, max: prop.max, noNaN: true }).map((v) => (v === 0 ? 0 : v));
    case 'enum':
      return fc.constantFrom(...prop.values);
    case 'bool':
      return fc.boolean();
    case 'list':
      return fc.array(arbitraryValue(prop.item), { minLength: prop.minLength, maxLength: prop.maxLength });
  }
}

const arbitraryValues = (table) =>
  fc.record(Object.fromEntries(Object.entries(table).map(([k, p]) => [k, arbitraryValue(p)])));

function assertValidValue(prop, v, key) {
  if (prop.kind === 'number') {
    assert.ok(typeof v === 'number' && v >= prop.min && v <= prop.max, `${key}=${v}`);
    if (prop.integer) assert.ok(Number.isInteger(v), `${key}=${v}`);
  } else if (prop.kind === 'enum') {
    assert.ok(prop.values.includes(v), `${key}=${v}`);
  } else if (prop.kind === 'list') {
    assert.ok(Array.isArray(v) && v.length >= prop.minLength && v.length <= prop.maxLength, `${key}=${v}`);
    for (const item of v) assertValidValue(prop.item, item, key);
  } else {
    assert.equal(typeof v, 'boolean');
  }
}

function assertValid(table, values) {
  for (const [key, prop] of Object.entries(table)) assertValidValue(prop, values[key], key);
}

// Random links: keys from the table (and others), values from numerals,
// near-numerals and arbitrary text, sometimes very long.
const numeralish = fc.stringMatching(/^[-+]?\d{0,30}(\.\d{0,30})?([eE][-+]?\d{0,4})?[x.e+-]?$/);
const longRun = fc.tuple(fc.constantFrom('1', '9', '0', '.', 'e', '-', '%'), fc.integer({ min: 0, max: 60_000 }), fc.string({ maxLength: 3 }))
  .map(([c, n, tail]) => c.repeat(n) + tail);
const anyValue = fc.oneof(numeralish, fc.string({ unit: 'binary', maxLength: 50 }), longRun);
const anyKey = (table) => fc.oneof(fc.constantFrom(...Object.keys(table)), fc.string({ maxLength: 10 }));
const anyHash = (table) =>
  fc.tuple(fc.constantFrom('#/optimizers?', '#/x?', '#', '?', ''), fc.array(fc.tuple(anyKey(table), anyValue, fc.boolean()), { maxLength: 12 }))
    .map(([prefix, pairs]) => prefix + pairs.map(([k, v, raw]) => `${encodeURIComponent(k)}=${raw ? v : encodeURIComponent(v)}`).join('&'));

test('every set of values round-trips through a link', () => {
  for (const table of TABLES) {
    fc.assert(
      fc.property(arbitraryValues(table), (values) => {
        // A value equal to a dependent default is only the default after the
        // property it depends on is set: build the values the way the page does.
        let v = S.defaults(table);
        for (const key of Object.keys(table)) v = S.withValue(table, v, key, values[key]);
        const hash = S.hashFor('optimizers', S.toParams(table, v));
        const parsed = S.parseParams(table, S.hashParams(hash));
        assert.deepEqual(parsed.problems, []);
        assert.deepEqual(parsed.values, v);
      }),
      { numRuns: 500 },
    );
  }
});

test('any hash parses without throwing, quickly, into valid values and short notices', () => {
  for (const table of TABLES) {
    fc.assert(
      fc.property(anyHash(table), (hash) => {
        const t0 = performance.now();
        const { values, problems } = S.parseParams(table, S.hashParams(hash));
        const ms = performance.now() - t0;
        // Linear parsing takes milliseconds; the old regex needed seconds for
        // the longest of these (up to 60,000 characters), so 1 s leaves room
        // for a loaded machine without hiding a quadratic parse.
        assert.ok(ms < 1000, `${ms} ms for a ${hash.length}-character hash`);
        assertValid(table, values);
        for (const p of problems) assert.ok(S.describeProblem(p).length < 400, S.describeProblem(p));
      }),
      { numRuns: 400 },
    );
  }
});

test('the numeral check agrees with Number() on plain numerals and refuses the rest', () => {
  fc.assert(
    fc.property(numeralish, (text) => {
      const plain = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text); // the old rule, on short input only
      assert.equal(S.isNumeral(text), plain, JSON.stringify(text));
      if (plain) assert.ok(!Number.isNaN(Number(text)));
    }),
    { numRuns: 2000 },
  );
  for (const t of ['', '.', '+', '-.', 'e5', '.e5', '1e', '1e+', ' 1', '1 ', '0x10', 'Infinity', '1_000']) assert.equal(S.isNumeral(t), false, t);
  for (const t of ['1', '-1.', '+.5', '1.5e-3', '2E+10', '007']) assert.equal(S.isNumeral(t), true, t);
});

test('the link that froze the tab is a prompt, named problem', () => {
  const hash = `#/optimizers?gd.lr=${'1'.repeat(200_000)}x`;
  const t0 = performance.now();
  const { values, problems } = S.parseParams(LAB, S.hashParams(hash));
  const ms = performance.now() - t0;
  assert.ok(ms < 500, `${ms} ms (the regex took ~30 s)`);
  assert.equal(values['gd.lr'], S.defaults(LAB)['gd.lr']);
  assert.equal(problems.length, 1);
  assert.match(S.describeProblem(problems[0]), /^The link is too long to read \(200\d+ characters, at most 4000 characters\); every setting keeps its default\.$/);
  // Below the link cap, a long value is a problem of its own setting.
  const one = S.parseParams(LAB, S.hashParams(`#/optimizers?gd.lr=${'1'.repeat(3000)}x&gd.m=200`));
  assert.equal(one.values['gd.m'], 200);
  assert.equal(one.problems.length, 1);
  assert.equal(one.problems[0].key, 'gd.lr');
  assert.match(S.describeProblem(one.problems[0]), /^The link’s “gd\.lr=1{40}…” is not valid \(expected a number from 0\.0001 to 1, at most 100 characters\); using 0\.1\.$/);
});

test('a list’s cap grows with its length: the backprop lesson’s 17 trained weights survive a link', () => {
  // With one 100-character cap for every value, a link to trained weights
  // (17 float32 numbers, ~190 characters) reopened on the seed's weights.
  const w = [0.46716368, 0.109853394, 0.1516299, -0.20639539, -0.029891258, 0.059794106, 0.39846468, -0.9481306, 0.05, -1.0507203, -0.2910375, 0.8993362, 0.001, 1.2345678e-7, -999.99994, 12.5, -0.33333334];
  const link = S.toParams(BACKPROP, { ...S.defaults(BACKPROP), w });
  assert.ok(link.get('w').length > 100, link.get('w'));
  const back = S.parseParams(BACKPROP, link);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.values.w, w);
  // Still capped: 18 × 101 characters is refused by name, without parsing.
  const long = S.parseParams(BACKPROP, new URLSearchParams(`w=${'1'.repeat(18 * 101)}`));
  assert.equal(long.problems.length, 1);
  assert.match(long.problems[0].expected, /, at most 1717 characters$/);
});
