// WASM benchmarks under Node: both flavours (SIMD and scalar) run the GEMM
// shapes of tests/bench/bench_native.cpp and the seed MLP through the shared
// timing routines of core/benchmark.cpp (benchGemm / benchSeedMlp), on two
// workloads, repetitions interleaved:
//   generated  dense Gaussian blobs (benchSeedMlp's own data: no zeros to skip)
//   mnist      the first 55,000 MNIST training images (benchSeedMlp on that set);
//              inference on the 10,000 test images with the same trained weights
//              (a Trainer built and trained exactly as benchSeedMlp does)
// Prints one JSON object on stdout: {"builds":[{build:"wasm-simd",...},{build:"wasm-scalar",...}]};
// each build's "train" holds one entry per optimizer and workload.
//
//   node tests/bench/bench_wasm.mjs [--flavours simd,scalar] [--reps 3]
//        [--batches 300] [--scalar-batches 150] [--infer 10000] [--gemm-seconds 0.15]
import {
  GEMM_SHAPES, MNIST_INFER, arg, loadMlp, loadMnistDatasets, median, timePredict, trainedSeedMlp,
} from './common.mjs';

const flavours = String(arg('flavours', 'simd,scalar')).split(',');
const REPS = arg('reps', 3);
const BATCHES = arg('batches', 300);
const SCALAR_BATCHES = arg('scalar-batches', 150);
const INFER = arg('infer', 10000);
const GEMM_SECONDS = arg('gemm-seconds', 0.15);

const summary = (workload, optimizer, batches, runs, extra = {}) => ({
  workload,
  optimizer,
  batches,
  train_per_s: median(runs.map((r) => r.trainPerSecond)),
  infer_per_s: median(runs.map((r) => r.inferPerSecond)),
  train_runs: runs.map((r) => Math.round(r.trainPerSecond)),
  infer_runs: runs.map((r) => Math.round(r.inferPerSecond)),
  final_loss: runs[runs.length - 1].finalLoss,
  ...extra,
});

const builds = [];
for (const flavour of flavours) {
  const M = await loadMlp(flavour);
  const info = M.buildInfo();
  // In the scalar build 'packed' already is the scalar packed kernel.
  const kernels = flavour === 'simd' ? ['packed', 'packed_scalar', 'reference'] : ['packed', 'reference'];
  const gemm = [];
  for (const s of GEMM_SHAPES)
    for (const kernel of kernels) {
      if (kernel === 'reference' && !s.reference) continue;
      const r = M.benchGemm(kernel, s.m, s.n, s.k, s.ta, s.tb, GEMM_SECONDS);
      gemm.push({ shape: s.name, kernel, gflops: r.gflops, seconds: r.seconds });
    }
  const mnist = loadMnistDatasets(M);
  const batches = flavour === 'simd' ? BATCHES : SCALAR_BATCHES;
  const generated = [], real = [];
  for (const opt of ['sgd', 'adam']) {
    const gen = [], mn = [];
    for (let r = 0; r < REPS; ++r) {
      gen.push(M.benchSeedMlp(opt, batches, INFER));
      mn.push(M.benchSeedMlp(opt, batches, MNIST_INFER, mnist.train));
    }
    generated.push(summary('generated', opt, batches, gen));
    // Inference on the test set, with the weights the timed runs ended with.
    const { trainer, finalLoss } = trainedSeedMlp(M, opt, batches, mnist.train);
    const test = [];
    for (let r = 0; r < REPS; ++r) test.push(timePredict(trainer, mnist.test));
    const accuracy = trainer.evaluate(mnist.test).accuracy;
    trainer.delete();
    const s = summary('mnist', opt, batches, mn);
    real.push({
      ...s,
      infer_per_s: median(test),
      infer_runs: test.map(Math.round),
      infer_set: `MNIST test, ${mnist.test.size()} images`,
      // benchSeedMlp's own inference pass (over the first 10,000 training images): a cross-check
      infer_train_slice_per_s: s.infer_per_s,
      test_accuracy: accuracy,
      same_weights: finalLoss === s.final_loss,  // the Trainer replayed benchSeedMlp's run exactly
    });
  }
  mnist.train.delete();
  mnist.test.delete();
  builds.push({ build: `wasm-${flavour}`, kernel: info.kernel, simd: info.simd, gemm, train: [...generated, ...real], reps: REPS });
}
console.log(JSON.stringify({ node: process.versions.node, builds }));
