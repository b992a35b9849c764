// The digit reader (bindings/reader/reader.cpp): the small module a page that
// opens on Draw starts with. It must read exactly as the full module does
// (same core, same kernels), hold nothing but the digit path, and refuse a
// bad model file the same way, keeping the model that reads.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { DIGITS } from '../browser/digit-strokes.mjs';
import { fakeHost } from './fake-host.mjs';
import { loadModule, root } from './load-module.mjs';
import { importTs } from './ts-import.mjs';

const MODEL = new Uint8Array(fs.readFileSync(path.join(root, 'public/models/mnist-mlp.mlpl')));
const wasmSize = (name) => fs.statSync(path.join(root, 'web/generated', `mlp-${name}.wasm`)).size;

describe('the digit reader', () => {
  let digits;
  let strokes;
  let reader;
  let full;

  before(async () => {
    [digits, strokes] = await importTs('web/src/worker/digits.ts', 'web/src/widgets/draw/strokes.ts');
    [reader, full] = await Promise.all([loadModule('reader'), loadModule('simd')]);
  });

  test('holds the digit path only, in a third of the full module or less', () => {
    for (const name of ['Network', 'loadModel', 'preprocessDigit', 'rasterizeStrokes', 'buildInfo', 'vocabulary']) assert.ok(reader[name], `${name} is missing`);
    for (const name of ['Trainer', 'Dataset', 'parseMnist', 'Int8Network', 'saveModel']) assert.equal(reader[name], undefined, `${name} is in the reader`);
    assert.deepEqual(reader.vocabulary(), full.vocabulary());
    assert.equal(reader.buildInfo().kernel, full.buildInfo().kernel);
    assert.ok(wasmSize('reader') * 3 <= wasmSize('simd'), `reader ${wasmSize('reader')} B, simd ${wasmSize('simd')} B`);
  });

  test('reads every digit exactly as the full module does', async () => {
    const services = [reader, full].map((M) => new digits.DigitService(M, () => Promise.resolve(MODEL)));
    await Promise.all(services.map((s) => s.loadPretrained()));
    for (let d = 0; d <= 9; d++) {
      for (const pen of [0.8, 1, 1.3]) {
        const [a, b] = services.map((s) => s.predictStrokes(strokes.packStrokes(DIGITS[d]), pen));
        assert.deepEqual(a.pixels, b.pixels, `digit ${d}, pen ${pen}: the 28×28 image`);
        assert.deepEqual(a.probabilities, b.probabilities, `digit ${d}, pen ${pen}: the probabilities`);
      }
    }
    for (const s of services) s.dispose();
  });

  // The worker warms the reader up on a zero network of SHIPPED_SPEC while the file downloads.
  test('warms up on the shipped model’s architecture, and the model then reads as without', async () => {
    const [shipped] = await importTs('web/src/worker/shipped-model.ts');
    const { spec } = reader.loadModel(MODEL);
    const normal = (layers) => layers.map((l) => ({ units: l.units, activation: l.activation ?? 'identity' }));
    assert.equal(shipped.SHIPPED_SPEC.inputs, spec.inputs);
    assert.deepEqual(normal(shipped.SHIPPED_SPEC.layers), normal(spec.layers));
    assert.equal(shipped.SHIPPED_SPEC.loss, spec.loss);
    const [warm, cold] = [reader, reader].map((M) => new digits.DigitService(M, () => Promise.resolve(MODEL)));
    warm.warmUp();
    await Promise.all([warm.loadPretrained(), cold.loadPretrained()]);
    warm.warmUp(); // a model reads: nothing to do
    const [a, b] = [warm, cold].map((s) => s.predictStrokes(strokes.packStrokes(DIGITS[4])));
    assert.deepEqual(a.probabilities, b.probabilities);
    assert.equal(a.probabilities.indexOf(Math.max(...a.probabilities)), 4);
    for (const s of [warm, cold]) s.dispose();
  });

  test('a bad model file is refused with the core’s reason, and the shipped model keeps reading', async () => {
    const service = new digits.DigitService(reader, () => Promise.resolve(MODEL));
    await service.loadPretrained();
    const host = fakeHost();
    const broken = MODEL.slice();
    broken[broken.length - 1] ^= 0xff;
    service.answer({ type: 'useDigitModel', id: 1, model: { bytes: broken, label: 'broken' } }, host);
    const refusal = host.messages.at(-1);
    assert.equal(refusal.type, 'error');
    assert.match(refusal.message, /checksum|CRC/i);
    service.answer({ type: 'useDigitModel', id: 2, model: { bytes: MODEL.slice(0, 100), label: 'cut' } }, host);
    assert.equal(host.messages.at(-1).type, 'error');
    const seven = service.predictStrokes(strokes.packStrokes(DIGITS[7]));
    assert.equal(seven.model, 'pretrained');
    assert.equal(seven.probabilities.indexOf(Math.max(...seven.probabilities)), 7);
    // A good file becomes the user's model, read by the reader alone.
    service.answer({ type: 'useDigitModel', id: 3, model: { bytes: MODEL, label: 'mine' } }, host);
    assert.deepEqual(host.messages.at(-1), { type: 'result', id: 3, op: 'useDigitModel', value: { label: 'mine' } });
    assert.equal(service.predictStrokes(strokes.packStrokes(DIGITS[3])).model, 'user');
    service.dispose();
  });
});
