// The pthread build against the single-threaded SIMD build: training the seed
// preset on real MNIST gives the same losses and weights bit for bit, and the
// same predictions, because the core's threads split every product into whole
// rows or columns (core/kernels/gemm_parallel.hpp). Under Node the threads
// build runs on 4 threads (see load-module.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './load-module.mjs';
import { MNIST_TRAIN, readMnistFiles, SEED_NET, seedTrainConfig } from '../bench/common.mjs';

const sameBits = (a, b) => Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength),
  Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

// 300 batches (3 slices) of the preset, then test-set predictions.
function run(M, optimizer) {
  const tr = readMnistFiles('train'), te = readMnistFiles('t10k');
  const all = M.parseMnist(tr.images, tr.labels);
  const train = all.slice(0, MNIST_TRAIN);
  const testSet = M.parseMnist(te.images, te.labels);
  const trainer = new M.Trainer(SEED_NET, seedTrainConfig(optimizer), train);
  const losses = [];
  for (let slice = 0; slice < 3; slice++) losses.push(...trainer.trainBatches(100).losses);
  const out = {
    losses: Float32Array.from(losses),
    params: trainer.parameters(),
    labels: trainer.predictLabels(testSet),
    probs: trainer.predict(testSet.featureRows(0, 1000), 1000),
  };
  for (const h of [trainer, train, all, testSet]) h.delete();
  return out;
}

for (const optimizer of ['sgd', 'adam']) {
  test(`threads build: the seed preset (${optimizer}) on MNIST is bit-identical to the SIMD build`, async () => {
    const [simd, threads] = await Promise.all([loadModule('simd'), loadModule('threads')]);
    assert.equal(simd.buildInfo().threads, 1);
    assert.ok(threads.buildInfo().threads >= 2, `threads build runs on ${threads.buildInfo().threads} threads`);
    assert.match(threads.buildInfo().kernel, /, \d+ threads$/);
    const one = run(simd, optimizer), many = run(threads, optimizer);
    assert.equal(one.losses.length, 300);
    assert.ok(sameBits(many.losses, one.losses), 'training losses differ');
    assert.ok(sameBits(many.params, one.params), 'weights after 300 batches differ');
    assert.ok(sameBits(many.labels, one.labels), 'test-set predictions differ');
    assert.ok(sameBits(many.probs, one.probs), 'probabilities differ');
  });
}
