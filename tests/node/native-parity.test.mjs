// Both WASM builds reproduce the native core: the same RNG stream bit for bit,
// the same initial weights, and the seed MLP's first 20 training losses on
// generated data within 1e-4 relative (summation order differs with SIMD width).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { loadModule, flavours, cliPath } from './load-module.mjs';

const native = (...args) => JSON.parse(execFileSync(cliPath, args, { encoding: 'utf8' }));

const SEED_NET = {
  inputs: 784,
  layers: [{ units: 300, activation: 'relu' }, { units: 100, activation: 'relu' }, { units: 10 }],
  loss: 'softmax_cross_entropy',
  init: 'truncated_normal',
  seed: 42,
};

for (const flavour of flavours) {
  test(`${flavour}: RNG stream is bit-identical to native`, async () => {
    const M = await loadModule(flavour);
    for (const seed of [0, 1, 123456789, 2 ** 52 + 1]) {
      const want = native('rng', '--seed', String(seed), '--count', '500');
      const rng = new M.Rng(seed);
      const u32 = Array.from({ length: 500 }, () => rng.nextU32());
      const normal = Array.from({ length: 500 }, () => rng.normal());
      rng.delete();
      assert.deepEqual(u32, want.u32, `u32 stream for seed ${seed}`);
      assert.deepEqual(normal, want.normal, `normal stream for seed ${seed}`);
    }
  });

  test(`${flavour}: seed MLP initial weights and 20 SGD losses match native`, async () => {
    const M = await loadModule(flavour);
    const want = native('seed-run', '--examples', '1000', '--data-seed', '3', '--steps', '20',
      '--optimizer', 'sgd', '--lr', '0.01', '--batch', '50', '--init-seed', '42', '--shuffle-seed', '1');
    const data = M.Dataset.gaussianBlobs(1000, 784, 10, 1.0, 3);
    const trainer = new M.Trainer(SEED_NET, { batchSize: 50, optimizer: 'sgd', learningRate: 0.01, shuffleSeed: 1 }, data);
    data.delete();
    let sum = 0;
    for (const p of trainer.parameters()) sum += p;
    assert.equal(sum, want.initial_sum, 'initial weights differ');
    const losses = [];
    for (let i = 0; i < 20; i++) losses.push(trainer.trainBatches(1).losses[0]);
    trainer.delete();
    assert.equal(losses.length, want.losses.length);
    losses.forEach((got, i) => {
      const rel = Math.abs(got - want.losses[i]) / Math.abs(want.losses[i]);
      assert.ok(rel <= 1e-4, `step ${i + 1}: wasm ${got} vs native ${want.losses[i]} (rel ${rel.toExponential(2)})`);
    });
    assert.ok(losses[19] < losses[0] / 4, 'the seed MLP should learn the blobs');
  });
}
