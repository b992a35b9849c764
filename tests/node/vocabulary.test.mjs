// Module.vocabulary() says what the bindings accept: at every limit the ends
// are accepted and the values just outside are refused with an Error naming
// the field; every listed name and default is what a Trainer takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, flavours } from './load-module.mjs';

const f32 = Math.fround;
const nextBelow = (x) => x / (1 + 2 ** -20); // a float32 boundary's neighbour that stays outside after rounding

/** inputs → `hidden` layers of `units` → 2 outputs; parameters counted as the core lays them out. */
function net(inputs, hidden, units, extra = {}) {
  const layers = [...Array.from({ length: hidden }, () => ({ units, activation: 'relu' })), { units: 2 }];
  let count = 0;
  let fanIn = inputs;
  for (const l of layers) count += (fanIn + 1) * l.units, fanIn = l.units;
  return { spec: { inputs, layers, ...extra }, count };
}

for (const flavour of flavours) {
  test(`${flavour}: the network limits are what the bindings accept`, async () => {
    const M = await loadModule(flavour);
    const { limits } = M.vocabulary();
    const accepts = ({ spec, count }) => new M.Network(spec, new Float32Array(count)).delete();
    const refuses = ({ spec, count }, pattern) => assert.throws(() => new M.Network(spec, new Float32Array(count)), pattern);

    accepts(net(limits.inputs.max, 1, 3));
    accepts(net(limits.inputs.min, 1, 3));
    refuses(net(limits.inputs.max + 1, 1, 3), /^MlpError: inputs must be between 1 and 4096, got 4097$/);
    refuses(net(limits.inputs.min - 1, 1, 3), /inputs must be between 1 and 4096, got 0/);
    accepts(net(5, limits.hiddenLayers.max, 3));
    accepts(net(5, limits.hiddenLayers.min, 3));
    refuses(net(5, limits.hiddenLayers.max + 1, 3), /layers must hold 1 to 11 entries \(hidden \+ output\), got 12/);
    accepts(net(5, 1, limits.units.max));
    accepts(net(5, 1, limits.units.min));
    refuses(net(5, 1, limits.units.max + 1), /units of hidden layer 1 must be between 1 and 1024, got 1025/);
    refuses(net(5, 1, limits.units.min - 1), /units of hidden layer 1 must be between 1 and 1024, got 0/);

    // The parameter range: the smallest and largest networks the limits allow.
    const largest = net(limits.inputs.max, limits.hiddenLayers.max, limits.units.max);
    largest.spec.layers.at(-1).units = limits.units.max;
    largest.count = limits.parameters.max;
    accepts(largest);
    refuses({ ...largest, count: limits.parameters.max - 1 }, /parameter count must be 14691328/);
    accepts({ spec: { inputs: 1, layers: [{ units: 1 }], loss: 'mse' }, count: limits.parameters.min });

    // Seeds: the network's and the shuffle's.
    const { spec, count } = net(3, 1, 4);
    accepts({ spec: { ...spec, seed: limits.seed.max }, count });
    accepts({ spec: { ...spec, seed: limits.seed.min }, count });
    refuses({ spec: { ...spec, seed: limits.seed.max + 1 }, count }, /seed must be an integer in \[0, 2\^53\)/);
    refuses({ spec: { ...spec, seed: -1 }, count }, /seed must be an integer in \[0, 2\^53\), got -1/);
    refuses({ spec: { ...spec, seed: 1.5 }, count }, /seed must be an integer in \[0, 2\^53\), got 1.5/);

    // alpha: 0 selects the default; up to the largest float32.
    const alpha = (a) => net(3, 1, 4).spec.layers.map((l, i) => (i === 0 ? { ...l, activation: 'leaky_relu', alpha: a } : l));
    const withAlpha = (a) => ({ spec: { inputs: 3, layers: alpha(a) }, count });
    const n = new M.Network(withAlpha(limits.alpha.max).spec, new Float32Array(count));
    assert.equal(n.networkSpec().layers[0].alpha, f32(limits.alpha.max));
    n.delete();
    accepts(withAlpha(limits.alpha.min));
    refuses(withAlpha(limits.alpha.max * 2), /alpha of hidden layer 1 must be finite and >= 0, got Infinity/);
    refuses(withAlpha(-1e-30), /alpha of hidden layer 1 must be finite and >= 0, got -1e-30/);
  });

  test(`${flavour}: training limits (learning rate, batch size, seeds, batches per call) are what a Trainer accepts`, async () => {
    const M = await loadModule(flavour);
    const { limits } = M.vocabulary();
    const NET = { inputs: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 2 }] };
    const xor = M.Dataset.logicGate('xor');
    const accepts = (config, data = xor) => new M.Trainer(NET, config, data).delete();
    const refuses = (config, pattern, data = xor) => assert.throws(() => new M.Trainer(NET, config, data), pattern);

    accepts({ batchSize: 4, learningRate: limits.learningRate.min });
    assert.ok(limits.learningRate.min > 0 && f32(limits.learningRate.min) > 0);
    refuses({ batchSize: 4, learningRate: 0 }, /learning_rate must be finite and > 0, got 0/);
    refuses({ batchSize: 4, learningRate: nextBelow(limits.learningRate.min) / 2 }, /learning_rate must be finite and > 0, got 0/);
    accepts({ batchSize: 4, learningRate: limits.learningRate.max });
    refuses({ batchSize: 4, learningRate: limits.learningRate.max * 2 }, /learning_rate must be finite and > 0, got Infinity/);

    accepts({ batchSize: 4, shuffleSeed: limits.seed.max });
    refuses({ batchSize: 4, shuffleSeed: limits.seed.max + 1 }, /shuffleSeed must be an integer in \[0, 2\^53\)/);

    const t = new M.Trainer(NET, { batchSize: 4 }, xor);
    assert.equal(t.trainBatches(limits.trainBatches.max).losses.length, 1); // stops at the end of the one-batch epoch
    assert.equal(t.trainBatches(limits.trainBatches.min).losses.length, 1);
    assert.throws(() => t.trainBatches(limits.trainBatches.max + 1), /batches per call must be between 1 and 1000000, got 1000001/);
    assert.throws(() => t.trainBatches(0), /batches per call must be between 1 and 1000000, got 0/);
    t.delete();

    // The batch-size cap needs a training set larger than it.
    const big = limits.batchSize.max + 1;
    const data = M.Dataset.fromFloats(new Float32Array(big * 2), big, 2, new Int32Array(big), 2);
    refuses({ batchSize: limits.batchSize.max + 1 }, /batch_size must be between 1 and 1048576, got 1048577/, data);
    const capped = data.slice(0, limits.batchSize.max);
    const full = new M.Trainer(NET, { batchSize: limits.batchSize.max }, capped);
    assert.equal(full.batchesPerEpoch(), 1);
    full.delete();
    refuses({ batchSize: limits.batchSize.min - 1 }, /batch_size must be between 1 and 4, got 0/);
    accepts({ batchSize: limits.batchSize.min });
    refuses({ batchSize: 5 }, /batch_size must be between 1 and 4, got 5/); // capped by the data too
    capped.delete();
    data.delete();
    xor.delete();
  });

  test(`${flavour}: names and defaults are what the bindings take`, async () => {
    const M = await loadModule(flavour);
    const v = M.vocabulary();
    const xor = M.Dataset.logicGate('xor');
    const NET = { inputs: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 2 }] };

    assert.deepEqual(v.optimizers.map((o) => o.name), ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']);
    assert.deepEqual(v.optimizers.map((o) => o.learningRate), [0.01, 0.01, 0.01, 0.01, 0.001, 0.001]);
    for (const o of v.optimizers) {
      const t = new M.Trainer(NET, { batchSize: 4, optimizer: o.name }, xor);
      const c = t.trainConfig();
      assert.equal(c.optimizer, o.name);
      assert.equal(c.learningRate, o.learningRate, `${o.name} default learning rate`);
      for (const p of o.params) {
        assert.equal(c[p.name], p.default, `${o.name}.${p.name} default`);
        const at = (value) => () => new M.Trainer(NET, { batchSize: 4, optimizer: o.name, [p.name]: value }, xor).delete();
        at(p.min)();
        assert.throws(at(p.min === 0 ? -1e-30 : nextBelow(p.min)), new RegExp(`^MlpError: ${p.name} must`));
        if (p.maxExclusive) {
          assert.throws(at(p.max), new RegExp(`^MlpError: ${p.name} must be in \\[0, 1\\), got 1$`));
          at(nextBelow(p.max))();
        } else {
          at(p.max)();
          assert.throws(at(p.max * 2), new RegExp(`^MlpError: ${p.name} must`));
        }
      }
      t.delete();
    }
    assert.deepEqual(v.optimizers.find((o) => o.name === 'adam').params.map((p) => [p.name, p.default]),
      [['beta1', 0.9], ['beta2', 0.999], ['epsilon', 1e-8]]);
    assert.deepEqual(v.optimizers.find((o) => o.name === 'momentum').params.map((p) => [p.name, p.default]), [['momentum', 0.9]]);

    assert.deepEqual(v.losses, ['softmax_cross_entropy', 'mse', 'binary_cross_entropy']);
    assert.deepEqual(v.initializers, ['truncated_normal', 'glorot_uniform', 'he_normal', 'zeros', 'standard_normal']);
    const count = 3 * 3 + 4 * 2;
    for (const init of v.initializers) new M.Network({ ...NET, init }, new Float32Array(count)).delete();
    assert.throws(() => new M.Network({ ...NET, init: 'orthogonal' }, new Float32Array(count)), /init must be one of/);
    for (const a of v.activations) {
      const hidden = { inputs: 2, layers: [{ units: 3, activation: a.name }, { units: 2 }] };
      if (a.hidden) new M.Network(hidden, new Float32Array(count)).delete();
      else assert.throws(() => new M.Network(hidden, new Float32Array(count)));
      const n = new M.Network(hidden, new Float32Array(count));
      assert.equal(n.networkSpec().layers[0].alpha, f32(a.alpha ?? 0));
      n.delete();
      assert.equal(a.output, a.outputLosses.length > 0);
      for (const loss of v.losses) {
        const out = { inputs: 2, layers: [{ units: 3 }, { units: 2, activation: a.name }], loss };
        if (a.outputLosses.includes(loss)) new M.Network(out, new Float32Array(count)).delete();
        else assert.throws(() => new M.Network(out, new Float32Array(count)), /output activation must be identity/);
      }
    }
    assert.deepEqual(v.activations.filter((a) => a.alpha !== null).map((a) => [a.name, a.alpha]), [['leaky_relu', 0.01], ['elu', 1]]);
    xor.delete();
  });
}
