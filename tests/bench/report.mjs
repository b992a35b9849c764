// Merges the three benchmark outputs into one table and artifacts/bench.json.
//
//   node tests/bench/report.mjs native.json wasm.json tfjs.json out.json
import fs from 'node:fs';
import os from 'node:os';
import { GEMM_SHAPES, median } from './common.mjs';

const [nativePath, wasmPath, tfjsPath, outPath] = process.argv.slice(2);
const read = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const native = read(nativePath);
const wasm = read(wasmPath);
const tfjs = read(tfjsPath);
const simd = wasm.builds.find((b) => b.build === 'wasm-simd');
const scalar = wasm.builds.find((b) => b.build === 'wasm-scalar');
const builds = [native, simd, scalar];

// Reference figures quoted in the issue (not measured here).
const OPENBLAS_EX_PER_S = 140000;  // "OpenBLAS needs about 1/140,000 s per example for the same GEMMs natively"
const ISSUE_TFJS_SGD = 3600;       // "TF.js-wasm trains this model at about 3,600 examples/s (SGD)"

const WORKLOADS = ['generated', 'mnist'];
const WL_LABEL = { generated: 'generated', mnist: 'MNIST' };
const gemmOf = (b, shape, kernel = 'packed') => b.gemm.find((g) => g.shape === shape && g.kernel === kernel);
// Entries without "workload" (older outputs) are the generated workload.
const entries = (b, wl) => b.train.filter((t) => (t.workload ?? 'generated') === wl);
const trainOf = (b, opt, wl = 'generated') => entries(b, wl).find((t) => t.optimizer === opt);
// Inference is measured after each training run: pool the SGD and Adam runs.
const inferOf = (b, wl = 'generated') => {
  const runs = entries(b, wl).flatMap((t) => t.infer_runs ?? [t.infer_per_s]);
  return runs.length ? median(runs) : NaN;
};

// Time of the GEMMs of one training step (batch 50) and of one 1000-row
// inference chunk, from the per-shape medians: the throughput these products
// alone would allow. `override` replaces some shapes' times (MNIST, native:
// the first layer's products measured on real rows through the sparse route).
function gemmBound(b, override = {}) {
  const secs = (x) => override[x.name] ?? gemmOf(b, x.name).seconds;
  const sum = (pred) => GEMM_SHAPES.filter(pred).reduce((s, x) => s + secs(x), 0);
  const step = sum((s) => s.step), infer = sum((s) => s.infer);
  return { step_seconds: step, train_per_s: 50 / step, infer_chunk_seconds: infer, infer_per_s: 1000 / infer };
}
const bounds = Object.fromEntries(builds.map((b) => [b.build, gemmBound(b)]));
const mnistGemm = native.mnist_gemm ?? [];
const mnistGemmOf = (shape, kernel) => mnistGemm.find((g) => g.shape === shape && g.kernel === kernel);
const nativeMnistBound = mnistGemm.length ?
  gemmBound(native, Object.fromEntries(mnistGemm.filter((g) => g.kernel === 'dispatch').map((g) => [g.shape, g.seconds]))) :
  null;

const sp = tfjs.same_process;
const ratio = (a, b) => a / b;
const targets = [];
function target(name, workload, value, min, detail) {
  targets.push({ name, workload, value, target: min, met: value >= min, detail });
}
const tfTrain = (opt, wl) => trainOf(tfjs, opt, wl).train_per_s;
const simdOver = (ours, wl) => ({
  sgd: ratio(trainOf(ours, 'sgd', wl).train_per_s, tfTrain('sgd', wl)),
  adam: ratio(trainOf(ours, 'adam', wl).train_per_s, tfTrain('adam', wl)),
  infer: ratio(inferOf(ours, wl), inferOf(tfjs, wl)),
});
const cross = Object.fromEntries(WORKLOADS.map((wl) => [wl, simdOver(simd, wl)]));
const same = sp ? Object.fromEntries(WORKLOADS.map((wl) => [wl, simdOver(sp, wl)])) : null;
const primary = same ?? cross;
const src = same ? 'same Node process, runs alternated with TF.js' : 'separate processes, same bench run';
for (const wl of WORKLOADS) {
  target('WASM SIMD / TF.js-wasm training, SGD', wl, primary[wl].sgd, 2.5, src);
  target('WASM SIMD / TF.js-wasm training, Adam', wl, primary[wl].adam, 2.5, src);
  target('WASM SIMD / TF.js-wasm inference', wl, primary[wl].infer, 2, src);
}
if (sp) {
  for (const wl of WORKLOADS) {
    const int8 = median(entries(sp, wl).map((t) => t.int8_infer_per_s).filter(Boolean));
    if (Number.isFinite(int8))
      target('WASM SIMD int8 inference / TF.js-wasm inference', wl, ratio(int8, inferOf(tfjs, wl)), 2,
        'same Node process, runs alternated with TF.js; Int8Network on the timed run\'s weights');
  }
}
target('WASM SIMD / WASM scalar, GEMM 256^3', 'random', ratio(gemmOf(simd, '256^3').gflops, gemmOf(scalar, '256^3').gflops), 3,
  'packed kernels, random dense matrices');
for (const wl of WORKLOADS) {
  target('WASM SIMD / WASM scalar, training SGD', wl,
    ratio(trainOf(simd, 'sgd', wl).train_per_s, trainOf(scalar, 'sgd', wl).train_per_s), 3, 'separate runs, same process');
  target('WASM SIMD / WASM scalar, training Adam', wl,
    ratio(trainOf(simd, 'adam', wl).train_per_s, trainOf(scalar, 'adam', wl).train_per_s), 3, 'separate runs, same process');
  target('WASM SIMD / WASM scalar, inference', wl, ratio(inferOf(simd, wl), inferOf(scalar, wl)), 3,
    'separate runs, same process');
}
// Native threads (the seed preset, SGD, on 1/2/4 threads in the same run).
const threadRuns = native.threads ?? [];
const oneThread = threadRuns.find((t) => t.threads === 1);
const twoThreads = threadRuns.find((t) => t.threads === 2);
if (oneThread && twoThreads) {
  target('native 2 threads / 1 thread, training SGD', 'generated', ratio(twoThreads.generated_train_per_s, oneThread.generated_train_per_s),
    1.7, 'same run, repetitions interleaved');
  target('native 2 threads / 1 thread, training SGD', 'mnist', ratio(twoThreads.train_per_s, oneThread.train_per_s), 1.7,
    'same run, repetitions interleaved');
}
// How much faster each build runs real MNIST than the generated data.
const mnistOverGenerated = Object.fromEntries([...builds, tfjs, ...(sp ? [{ ...sp, build: 'wasm-simd same-process' }] : [])]
  .map((b) => [b.build, {
    sgd: ratio(trainOf(b, 'sgd', 'mnist').train_per_s, trainOf(b, 'sgd').train_per_s),
    adam: ratio(trainOf(b, 'adam', 'mnist').train_per_s, trainOf(b, 'adam').train_per_s),
    infer: ratio(inferOf(b, 'mnist'), inferOf(b)),
  }]));

// ---- the table -------------------------------------------------------------
const f = (x, d = 1) => (x == null || !Number.isFinite(x) ? '-' : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const lines = [];
const row = (cells, widths) => lines.push(cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '));
const cpu = os.cpus()[0]?.model ?? '?';
lines.push(`MLP Lab benchmark  ${new Date().toISOString()}  ${cpu}, ${os.cpus().length} cores, node ${process.versions.node}`);
lines.push(`kernels: native "${native.kernel}", WASM SIMD "${simd.kernel}", WASM scalar "${scalar.kernel}"; single-threaded ` +
  'but for the threads table, medians');
lines.push('');
lines.push('GEMM GFLOP/s (packed = our kernel, ref = naive triple loop in the same build; TF.js = tf.matMul/XNNPACK)');
const gw = [20, 8, 7, 9, 7, 11, 7, 8];
row(['shape', 'native', 'ref', 'wasm-simd', 'ref', 'wasm-scalar', 'ref', 'TF.js'], gw);
for (const s of GEMM_SHAPES) {
  const t = tfjs.gemm?.find((g) => g.shape === s.name);
  row([s.name, f(gemmOf(native, s.name).gflops), f(gemmOf(native, s.name, 'reference')?.gflops),
    f(gemmOf(simd, s.name).gflops), f(gemmOf(simd, s.name, 'reference')?.gflops),
    f(gemmOf(scalar, s.name).gflops), f(gemmOf(scalar, s.name, 'reference')?.gflops), f(t?.gflops)], gw);
}
lines.push('');
const mn = tfjs.mnist;
lines.push('Seed MLP 784-300-100-10 ReLU, batch 50: examples/s. generated = dense Gaussian blobs; MNIST = the first');
lines.push(`55,000 training images (batches of 50), inference on the 10,000 test images${sp ? '; simd same-proc = our WASM SIMD run alternated with TF.js in its process' : ''}`);
const tw = [40, 10, 10, 11, 10, 14];
const cols = (fn, d = 0) => [fn(native), fn(simd), fn(scalar), fn(tfjs), sp ? fn(sp) : ''].map((v) => (v === '' ? '' : f(v, d)));
row(['', 'native', 'wasm-simd', 'wasm-scalar', 'TF.js-wasm', sp ? 'simd same-proc' : ''], tw);
for (const [opt, label] of [['sgd', 'SGD lr 0.01'], ['adam', 'Adam lr 0.001']])
  for (const wl of WORKLOADS)
    row([`training, ${label} (${WL_LABEL[wl]})`, ...cols((b) => trainOf(b, opt, wl).train_per_s)], tw);
row(['inference, 10,000 (generated)', ...cols((b) => inferOf(b))], tw);
row(['inference, 10,000 test images (MNIST)', ...cols((b) => inferOf(b, 'mnist'))], tw);
if (sp) {
  const int8Of = (wl) => median(entries(sp, wl).map((t) => t.int8_infer_per_s).filter(Boolean));
  row(['int8 inference, 10,000 (generated)', '', '', '', '', f(int8Of('generated'), 0)], tw);
  row(['int8 inference, 10,000 test images (MNIST)', '', '', '', '', f(int8Of('mnist'), 0)], tw);
}
const x = (v) => `${f(v, 2)}x`;
const mog = (key) => [native, simd, scalar, tfjs, ...(sp ? [{ build: 'wasm-simd same-process' }] : [])]
  .map((b) => x(mnistOverGenerated[b.build][key]));
row(['MNIST / generated, training SGD', ...mog('sgd'), ...(sp ? [] : [''])], tw);
row(['MNIST / generated, training Adam', ...mog('adam'), ...(sp ? [] : [''])], tw);
row(['MNIST / generated, inference', ...mog('infer'), ...(sp ? [] : [''])], tw);
row(['GEMM-only bound, training (generated)', f(bounds.native.train_per_s, 0), f(bounds['wasm-simd'].train_per_s, 0),
  f(bounds['wasm-scalar'].train_per_s, 0), '', ''], tw);
row(['GEMM-only bound, inference (generated)', f(bounds.native.infer_per_s, 0), f(bounds['wasm-simd'].infer_per_s, 0),
  f(bounds['wasm-scalar'].infer_per_s, 0), '', ''], tw);
row(['GEMM share of SGD step (generated)', `${f(100 * trainOf(native, 'sgd').train_per_s / bounds.native.train_per_s, 0)}%`,
  `${f(100 * trainOf(simd, 'sgd').train_per_s / bounds['wasm-simd'].train_per_s, 0)}%`,
  `${f(100 * trainOf(scalar, 'sgd').train_per_s / bounds['wasm-scalar'].train_per_s, 0)}%`, '', ''], tw);
if (nativeMnistBound) {
  row(['GEMM-only bound, training (MNIST)', f(nativeMnistBound.train_per_s, 0), '', '', '', ''], tw);
  row(['GEMM-only bound, inference (MNIST)', f(nativeMnistBound.infer_per_s, 0), '', '', '', ''], tw);
}
lines.push(`TF.js ${tfjs.tfjs} on tfjs-backend-wasm, binary ${tfjs.wasmBinary.join(', ')}, threads ${tfjs.threads}` +
  ` (single-threaded on purpose: our core is single-threaded), SIMD ${tfjs.simd}; ${tfjs.variant} model.`);
lines.push('GEMM-only bound = the time of the 8 products of one training step (3 of one 1000-row inference chunk) ' +
  'from the GEMM table (random dense matrices).');
lines.push('');
lines.push('Sparse route (MNIST)');
lines.push(`  MNIST batches are ${f(100 * mn.train_zero_fraction, 0)}% zeros (the first 55,000 training images ` +
  `${f(100 * mn.train_zero_fraction, 1)}%, test images ${f(100 * mn.test_zero_fraction, 1)}%, the batches TF.js drew ` +
  `${f(100 * mn.drawn_batches_zero_fraction, 1)}%); the core skips them (sparse route), TF.js does not.`);
lines.push('  The core lists A\'s nonzeros and multiplies only those in X·W and Xᵀ·dZ whenever A (the input batch) is ' +
  '<= 30% nonzeros; TF.js\'s matMul (XNNPACK) multiplies every zero. The generated data is dense: no route taken.');
if (mnistGemm.length) {
  const one = (shape) => {
    const sp_ = mnistGemmOf(shape, 'dispatch'), de = mnistGemmOf(shape, 'dense');
    return `${shape} ${f(sp_.gflops)} (dense kernel on the same rows ${f(de.gflops)}, ${x(de.seconds / sp_.seconds)})`;
  };
  lines.push('  Native, first-layer products on real MNIST rows (A ' +
    `${f(100 * (1 - mnistGemmOf('fwd 50x784x300', 'dispatch').a_density), 0)}% zeros), dense-equivalent GFLOP/s ` +
    `(2mnk / time): ${['fwd 50x784x300', 'dW 784x300 (k=50)', 'infer 1000x784x300'].map(one).join('; ')}.`);
  lines.push(`  GEMM-only bound on MNIST (native; those 3 products on real rows, the others dense): training ` +
    `${f(nativeMnistBound.train_per_s, 0)} ex/s (generated ${f(bounds.native.train_per_s, 0)}), inference ` +
    `${f(nativeMnistBound.infer_per_s, 0)} ex/s (generated ${f(bounds.native.infer_per_s, 0)}). The WASM builds ` +
    'expose no GEMM on given data, so there is no WASM MNIST bound: the end-to-end rows above are the measure.');
}
const accs = (b) => `SGD ${f(100 * trainOf(b, 'sgd', 'mnist').test_accuracy, 1)}%, Adam ${f(100 * trainOf(b, 'adam', 'mnist').test_accuracy, 1)}%`;
lines.push(`  Test accuracy after the timed MNIST training (a check that real data was learned): native ${accs(native)}; ` +
  `WASM SIMD ${accs(simd)} (${trainOf(simd, 'sgd', 'mnist').batches} batches); ` +
  `TF.js ${accs(tfjs)} (${tfjs.method.match(/then (\d+) timed/)?.[1] ?? '?'} batches + 20 warm-up).`);
lines.push('');
if (oneThread) {
  lines.push(`Threads, native (the seed preset, SGD 0.01, batch 50, ${oneThread.batches} batches; same run, repetitions ` +
    `interleaved; ${os.cpus().length} cores, shared: ratios matter, not the absolute figures)`);
  const thw = [12, 16, 7, 20, 7, 18, 7, 14];
  row(['threads', 'MNIST train/s', 'vs 1', 'generated train/s', 'vs 1', 'MNIST inference/s', 'vs 1', 'same losses'], thw);
  for (const t of threadRuns)
    row([t.threads, f(t.train_per_s, 0), x(t.train_per_s / oneThread.train_per_s), f(t.generated_train_per_s, 0),
      x(t.generated_train_per_s / oneThread.generated_train_per_s), f(t.infer_per_s, 0),
      x(t.infer_per_s / oneThread.infer_per_s), t.same_losses_as_first ? 'yes' : 'NO'], thw);
  const bound = native.threads_bound;
  if (bound)
    lines.push(`ceiling here: layer 1's step (X·W1, Xᵀ·dZ1, SGD on W1) on private halves, nothing shared between the cores ` +
      `(tests/bench/threads_bound.hpp): 1 thread ${f(bound.one_thread_us, 0)} µs, 2 threads ${f(bound.two_threads_us, 0)} µs ` +
      `per step = ${x(bound.one_thread_us / bound.two_threads_us)}`);
  for (const p of native.step_phases ?? [])
    lines.push(`  ${p.threads} thread${p.threads > 1 ? 's' : ' '}: one MNIST step = forward ${f(p.forward_us, 0)} µs + backward ` +
      `${f(p.backward_us, 0)} µs + SGD update ${f(p.update_us, 0)} µs`);
  if (native.step_phases)
    lines.push('  (on 2+ threads the update writes weights both cores read in the forward pass, from gradients half written by the ' +
      'other core: its cost is what moving data between the cores costs here)');
  lines.push('');
}
lines.push('Ratios and targets');
const rw = [40, 8, 16, 16];
row(['', 'target', 'generated', 'MNIST'], rw);
const cell = (t) => (t ? `${x(t.value)} ${t.met ? 'MET' : 'NOT MET'}` : '-');
for (const name of [...new Set(targets.map((t) => t.name))]) {
  const of = (wl) => targets.find((t) => t.name === name && t.workload === wl);
  const t0 = targets.find((t) => t.name === name);
  row([name, `>= ${t0.target}x`, cell(of('generated') ?? of('random')), of('random') ? '(random data)' : cell(of('mnist'))], rw);
}
lines.push(`  SIMD vs TF.js ratios: ${src}.`);
if (same) {
  for (const wl of WORKLOADS)
    lines.push(`  (cross-process ratios, same run, ${WL_LABEL[wl]}: train SGD ${x(cross[wl].sgd)}, Adam ${x(cross[wl].adam)}, ` +
      `inference ${x(cross[wl].infer)})`);
}
const nativeVsBlas = bounds.native.train_per_s / OPENBLAS_EX_PER_S;
// The issue does not say which GEMMs; if it meant the forward ones only (batch 50):
const fwdOnly = 50 / GEMM_SHAPES.filter((x) => x.step && x.name.startsWith('fwd'))
  .reduce((t, x) => t + gemmOf(native, x.name).seconds, 0);
lines.push(`Native vs OpenBLAS (${OPENBLAS_EX_PER_S.toLocaleString('en-US')} ex/s: a reference figure quoted in the ` +
  `issue, NOT measured here): our 8 training-step GEMMs allow ${f(bounds.native.train_per_s, 0)} ex/s = ` +
  `${f(nativeVsBlas, 2)}x; if the figure means the 3 forward GEMMs only, ours allow ${f(fwdOnly, 0)} ex/s = ` +
  `${f(fwdOnly / OPENBLAS_EX_PER_S, 2)}x. Full native SGD step: ${f(trainOf(native, 'sgd').train_per_s, 0)} ex/s.`);
lines.push(`TF.js SGD here: ${f(tfTrain('sgd', 'generated'), 0)} ex/s generated, ${f(tfTrain('sgd', 'mnist'), 0)} ex/s MNIST ` +
  `(issue's figure: ~${ISSUE_TFJS_SGD.toLocaleString('en-US')} ex/s).`);
const warnings = [];
if (!tfjs.wasmBinary.includes('tfjs-backend-wasm-simd.wasm') || tfjs.wasmBinary.length !== 1)
  warnings.push(`TF.js loaded ${tfjs.wasmBinary.join(', ') || 'no binary seen'}, not only tfjs-backend-wasm-simd.wasm`);
if (tfjs.threads !== 1) warnings.push(`TF.js ran with ${tfjs.threads} threads`);
if (tfjs.train.some((t) => t.leaked_tensors > 0) || tfjs.tensors_left > 0)
  warnings.push(`TF.js tensors leaked (per run ${tfjs.train.map((t) => t.leaked_tensors)}, left ${tfjs.tensors_left})`);
if (threadRuns.some((t) => !t.same_losses_as_first)) warnings.push('native: the final losses differ between thread counts');
for (const b of [native, simd, scalar])
  if (entries(b, 'mnist').some((t) => t.same_weights === false))
    warnings.push(`${b.build}: the MNIST test-set inference did not replay the timed run's weights`);
for (const w of warnings) lines.push(`WARNING: ${w}`);
const table = lines.join('\n');
console.log(table);

fs.writeFileSync(outPath, JSON.stringify({
  date: new Date().toISOString(),
  machine: { cpu, cores: os.cpus().length, node: process.versions.node },
  reference_figures: {
    openblas_gemm_examples_per_s: OPENBLAS_EX_PER_S, tfjs_sgd_examples_per_s: ISSUE_TFJS_SGD,
    note: 'quoted in the issue, not measured',
  },
  workloads: {
    generated: 'dense MNIST-shaped Gaussian blobs (10 classes, 784 features): the core\'s gaussian_blobs; TF.js: the same recipe from a seeded PRNG',
    mnist: 'real MNIST: training on the first 55,000 training images (batch 50, pixels / 255), inference on the 10,000 test images',
  },
  mnist: { ...mn, sparse_route: 'the core skips A\'s zeros in X·W and Xᵀ·dZ when A is <= 30% nonzeros; TF.js does not' },
  native, wasm: wasm.builds, tfjs,
  gemm_bounds: bounds,
  gemm_bounds_mnist_native: nativeMnistBound,
  ratios: { simd_over_tfjs_same_process: same ?? null, simd_over_tfjs_cross_process: cross,
    mnist_over_generated: mnistOverGenerated,
    native_step_gemm_over_openblas_reference: nativeVsBlas,
    native_forward_gemm_over_openblas_reference: fwdOnly / OPENBLAS_EX_PER_S },
  targets,
  warnings,
  table,
}, null, 1) + '\n');
