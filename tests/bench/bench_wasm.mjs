// WASM benchmarks under Node: both flavours (SIMD and scalar) run the GEMM
// shapes of tests/bench/bench_native.cpp and the seed MLP through the shared
// timing routines of core/benchmark.cpp (benchGemm / benchSeedMlp).
// Prints one JSON object on stdout: {"builds":[{build:"wasm-simd",...},{build:"wasm-scalar",...}]}.
//
//   node tests/bench/bench_wasm.mjs [--flavours simd,scalar] [--reps 3]
//        [--batches 300] [--scalar-batches 150] [--infer 10000] [--gemm-seconds 0.15]
import { GEMM_SHAPES, arg, loadMlp, median } from './common.mjs';

const flavours = String(arg('flavours', 'simd,scalar')).split(',');
const REPS = arg('reps', 3);
const BATCHES = arg('batches', 300);
const SCALAR_BATCHES = arg('scalar-batches', 150);
const INFER = arg('infer', 10000);
const GEMM_SECONDS = arg('gemm-seconds', 0.15);

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
  const batches = flavour === 'simd' ? BATCHES : SCALAR_BATCHES;
  const train = [];
  for (const opt of ['sgd', 'adam']) {
    const runs = [];
    for (let r = 0; r < REPS; ++r) runs.push(M.benchSeedMlp(opt, batches, INFER));
    train.push({
      optimizer: opt,
      batches,
      train_per_s: median(runs.map((r) => r.trainPerSecond)),
      infer_per_s: median(runs.map((r) => r.inferPerSecond)),
      train_runs: runs.map((r) => Math.round(r.trainPerSecond)),
      infer_runs: runs.map((r) => Math.round(r.inferPerSecond)),
      final_loss: runs[runs.length - 1].finalLoss,
    });
  }
  builds.push({ build: `wasm-${flavour}`, kernel: info.kernel, simd: info.simd, gemm, train, reps: REPS });
}
console.log(JSON.stringify({ node: process.versions.node, builds }));
