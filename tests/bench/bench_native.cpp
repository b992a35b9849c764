// Native benchmarks: GEMM GFLOP/s for every product of one training step of the
// seed MLP (batch 50), its inference products (batch 1000) and 256³, then the
// seed MLP's training / inference throughput (medians of --reps runs).
// Prints one JSON object on stdout. The shape list matches tests/bench/common.mjs.
//
//   mlp-bench [--reps 3] [--batches 400] [--infer 10000] [--gemm-seconds 0.15]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "benchmark.hpp"
#include "kernels/gemm.hpp"

namespace {

struct Shape {
  const char* name;
  int m, n, k;
  bool ta, tb;
  bool reference;  // also time the naive kernel (skipped for the big inference shapes)
};

// step: the 8 products of one training step (dX of layer 1 is not needed);
// infer: the forward products of one 1000-row inference chunk.
const Shape kShapes[] = {
    {"fwd 50x784x300", 50, 300, 784, false, false, true},
    {"fwd 50x300x100", 50, 100, 300, false, false, true},
    {"fwd 50x100x10", 50, 10, 100, false, false, true},
    {"dW 784x300 (k=50)", 784, 300, 50, true, false, true},
    {"dW 300x100 (k=50)", 300, 100, 50, true, false, true},
    {"dW 100x10 (k=50)", 100, 10, 50, true, false, true},
    {"dX 50x300 (k=100)", 50, 300, 100, false, true, true},
    {"dX 50x100 (k=10)", 50, 100, 10, false, true, true},
    {"infer 1000x784x300", 1000, 300, 784, false, false, false},
    {"infer 1000x300x100", 1000, 100, 300, false, false, false},
    {"infer 1000x100x10", 1000, 10, 100, false, false, false},
    {"256^3", 256, 256, 256, false, false, true},
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double arg(int argc, char** argv, const char* name, double dflt) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return std::atof(argv[i + 1]);
  return dflt;
}

}  // namespace

int main(int argc, char** argv) {
  const int reps = static_cast<int>(arg(argc, argv, "--reps", 3));
  const int batches = static_cast<int>(arg(argc, argv, "--batches", 400));
  const int infer = static_cast<int>(arg(argc, argv, "--infer", 10000));
  const double gemm_seconds = arg(argc, argv, "--gemm-seconds", 0.15);

  std::printf("{\"build\":\"native\",\"kernel\":\"%s\",\"reps\":%d,\"gemm\":[", mlp::gemm_kernel_name(), reps);
  bool first = true;
  for (const Shape& s : kShapes)
    for (const char* kernel : {"packed", "packed_scalar", "reference"}) {
      if (!s.reference && std::strcmp(kernel, "reference") == 0) continue;
      const mlp::GemmBench b = mlp::bench_gemm(kernel, s.m, s.n, s.k, s.ta, s.tb, gemm_seconds);
      std::printf("%s{\"shape\":\"%s\",\"kernel\":\"%s\",\"gflops\":%.4f,\"seconds\":%.9g}", first ? "" : ",",
                  s.name, kernel, b.gflops, b.seconds);
      first = false;
    }
  std::printf("],\"train\":[");
  first = true;
  for (const char* opt : {"sgd", "adam"}) {
    std::vector<double> tr, in;
    double loss = 0.0;
    for (int r = 0; r < reps; ++r) {
      const mlp::TrainBench t = mlp::bench_seed_mlp(opt, batches, infer);
      tr.push_back(t.train_examples_per_second);
      in.push_back(t.infer_examples_per_second);
      loss = t.final_loss;
    }
    std::printf("%s{\"optimizer\":\"%s\",\"batches\":%d,\"train_per_s\":%.1f,\"infer_per_s\":%.1f,\"final_loss\":%.6g,"
                "\"train_runs\":[",
                first ? "" : ",", opt, batches, median(tr), median(in), loss);
    for (int r = 0; r < reps; ++r) std::printf("%s%.0f", r ? "," : "", tr[static_cast<std::size_t>(r)]);
    std::printf("],\"infer_runs\":[");
    for (int r = 0; r < reps; ++r) std::printf("%s%.0f", r ? "," : "", in[static_cast<std::size_t>(r)]);
    std::printf("]}");
    first = false;
  }
  std::printf("]}\n");
  return 0;
}
