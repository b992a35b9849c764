// Sizes that wrapped around in 32-bit WebAssembly (issue 12): each of these
// once trapped, was accepted and overwrote the heap, or overflowed. Each is
// now a named error, and the module keeps working.
import { test } from 'node:test';
import { loadModule, flavours } from './load-module.mjs';
import { assertRefused, assertUsable } from './refusal.mjs';

for (const flavour of flavours) {
  test(`${flavour}: dimensions whose product wraps in 32 bits are refused by name`, async () => {
    const M = await loadModule(flavour);

    // 2^20 × 4096 floats = 16 GiB: trapped, and every later call failed.
    assertRefused(M, () => M.Dataset.gaussianBlobs(1 << 20, 4096, 2, 1, 1), 'n',
      /^examples × dimensions must keep the features within 1 GiB of memory \(268435456 values of 4 bytes\), got 4294967296 values$/);
    assertUsable(M);

    // (2^20 + 1) × 4096 wrapped to 4096, matched the array, and featureRows overwrote the heap.
    const rows = (1 << 20) + 1;
    assertRefused(M, () => M.Dataset.fromFloats(new Float32Array(4096), rows, 4096, new Int32Array(rows), 2), 'features',
      /^features length must be rows × cols = 4294971392, got 4096$/);
    assertUsable(M);

    // A batch of 2^20 two-moons rows through 1024 units: 8 GiB of activations.
    const moons = M.Dataset.twoMoons(1 << 20, 0.1, 1);
    const wide = { inputs: 2, layers: [{ units: 1024, activation: 'relu' }, { units: 2 }] };
    assertRefused(M, () => new M.Trainer(wide, { batchSize: 1 << 20 }, moons), 'batch_size',
      /^batch_size must keep the batch's activations within 1 GiB of memory/);
    moons.delete();
    assertUsable(M);

    // 2^20 rows × 4096 inputs wrapped to 0 = the empty array's length, then trapped.
    const params = new Float32Array((4096 + 1) * 2);
    const net = new M.Network({ inputs: 4096, layers: [{ units: 2 }] }, params);
    assertRefused(M, () => net.predict(new Float32Array(0), 1 << 20), 'features',
      /^features length must be rows × inputs = 4294967296, got 0$/);
    net.delete();
    assertUsable(M);
  });
}
