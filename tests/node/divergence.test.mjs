// Divergence without NaN (issue 12): at learning rates 10 and 1000, across
// activations × optimizers, on real MNIST (a 2,000-image slice) and two
// moons, every run either reports `diverged` (weights restored, a plain
// message), or trains (accuracy clearly above chance), or at least has not
// exploded (its loss within 100 × and its weights within 1000 × of their
// start). Before the core watched for explosions, 74 of 108 such runs sat at
// chance with losses up to 3e19 and weights up to 1.6e29, and said nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, root } from './load-module.mjs';

async function inflate(file) {
  const packed = path.join(root, 'public/data/mnist', `${file}.gz`);
  const stream = new Blob([fs.readFileSync(packed)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const ACTIVATIONS = ['relu', 'leaky_relu', 'elu', 'tanh', 'sigmoid'];
const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];
const rms = (p) => Math.sqrt(p.reduce((s, v) => s + v * v, 0) / p.length);

// One run in slices of 20 batches, as the worker drives it.
function run(M, set, activation, optimizer, learningRate) {
  const net = { inputs: set.inputs, layers: [{ units: set.units, activation }, { units: set.classes }], seed: 1 };
  const t = new M.Trainer(net, { batchSize: set.batch, optimizer, learningRate }, set.train);
  const w0 = rms(t.parameters());
  let first = null;
  let r;
  let epochs = 0;
  while (epochs < set.epochs) {
    r = t.trainBatches(20);
    if (r.diverged) break;
    first ??= r.losses[0];
    if (r.epochEnded) epochs++;
  }
  const params = t.parameters();
  const evaluation = t.evaluate(set.test);
  t.delete();
  return { r, first, weightGrowth: rms(params) / w0, params, ...evaluation };
}

test('at learning rates 10 and 1000 no run sits at chance with an exploded loss or weights', async () => {
  const M = await loadModule('simd');
  const all = M.parseMnist(await inflate('train-images-idx3-ubyte'), await inflate('train-labels-idx1-ubyte'));
  const sets = [
    { name: 'MNIST', train: all.slice(0, 2000), test: all.slice(50000, 1000), inputs: 784, units: 32, classes: 10, batch: 50, epochs: 2, chance: 0.1 },
    { name: 'two moons', train: M.Dataset.twoMoons(512, 0.1, 3), test: M.Dataset.twoMoons(512, 0.1, 4), inputs: 2, units: 16, classes: 2, batch: 32, epochs: 20, chance: 0.5 },
  ];
  all.delete();
  const tally = { diverged: 0, trained: 0, 'at chance, bounded': 0 };
  for (const set of sets) {
    const uniform = Math.log(set.classes);
    for (const learningRate of [10, 1000]) {
      for (const activation of ACTIVATIONS) {
        for (const optimizer of OPTIMIZERS) {
          const { r, first, weightGrowth, params, loss, accuracy } = run(M, set, activation, optimizer, learningRate);
          const name = `${set.name}, ${activation}, ${optimizer}, lr ${learningRate}`;
          if (r.diverged) {
            tally.diverged++;
            assert.match(r.message, /^(the loss became (NaN|-?Infinity)|the loss exploded|the weights exploded|a weight became NaN or infinite).*; weights restored to their last good values\. Try a smaller learning rate\.$/, name);
            assert.doesNotMatch(r.message, /nan|inf\b/, name);
            assert.ok(params.every(Number.isFinite), `${name}: restored weights are finite`);
          } else if (accuracy >= set.chance + 0.1) {
            tally.trained++;
          } else {
            tally['at chance, bounded']++;
            const reference = Math.max(first, uniform);
            assert.ok(loss < 100 * reference, `${name}: at chance (${accuracy}) with loss ${loss}, ${loss / reference} × its start, and no report`);
            assert.ok(weightGrowth < 1000, `${name}: at chance (${accuracy}) with weights ${weightGrowth} × their start, and no report`);
          }
        }
      }
    }
    set.train.delete();
    set.test.delete();
  }
  console.log(`120 runs at learning rates 10 and 1000: ${JSON.stringify(tally)}`);
  assert.ok(tally.diverged >= 40, 'explosions are reported, not merely bounded');
});

test('sensible learning rates never report divergence', async () => {
  const M = await loadModule('simd');
  const set = { train: M.Dataset.twoMoons(512, 0.1, 3), test: M.Dataset.twoMoons(512, 0.1, 4), inputs: 2, units: 16, classes: 2, batch: 32, epochs: 20 };
  for (const activation of ACTIVATIONS) {
    for (const [optimizer, learningRate] of [['sgd', 0.1], ['momentum', 0.05], ['nesterov', 0.05], ['adagrad', 0.1], ['rmsprop', 0.01], ['adam', 0.01]]) {
      const { r, accuracy } = run(M, set, activation, optimizer, learningRate);
      assert.equal(r.diverged, false, `${activation}, ${optimizer}, lr ${learningRate}: ${r.message}`);
      assert.ok(accuracy > 0.8, `${activation}, ${optimizer}, lr ${learningRate}: accuracy ${accuracy}`);
    }
  }
  set.train.delete();
  set.test.delete();
});
