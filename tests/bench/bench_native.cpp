// Native benchmarks: GEMM GFLOP/s for the seed MLP's shapes and 256³, and the
// seed MLP's training / inference throughput. Prints JSON on stdout.
#include <cstdio>

#include "benchmark.hpp"
#include "kernels/gemm.hpp"

int main() {
  struct Shape {
    const char* name;
    int m, n, k;
    bool ta, tb;
  };
  const Shape shapes[] = {
      {"fwd 50x784x300", 50, 300, 784, false, false}, {"fwd 50x300x100", 50, 100, 300, false, false},
      {"dW 784x300 (k=50)", 784, 300, 50, true, false}, {"dX 50x300 (k=100)", 50, 300, 100, false, true},
      {"256^3", 256, 256, 256, false, false},
  };
  std::printf("{\"build\":\"native\",\"kernel\":\"%s\",\"gemm\":[", mlp::gemm_kernel_name());
  bool first = true;
  for (const Shape& s : shapes)
    for (const char* kernel : {"packed", "packed_scalar", "reference"}) {
      const mlp::GemmBench b = mlp::bench_gemm(kernel, s.m, s.n, s.k, s.ta, s.tb, 0.2);
      std::printf("%s{\"shape\":\"%s\",\"kernel\":\"%s\",\"gflops\":%.3f}", first ? "" : ",", s.name, kernel, b.gflops);
      first = false;
    }
  std::printf("],\"train\":[");
  first = true;
  for (const char* opt : {"sgd", "adam"}) {
    const mlp::TrainBench t = mlp::bench_seed_mlp(opt, 400, 10000);
    std::printf("%s{\"optimizer\":\"%s\",\"train_per_s\":%.1f,\"infer_per_s\":%.1f}", first ? "" : ",", opt,
                t.train_examples_per_second, t.infer_examples_per_second);
    first = false;
  }
  std::printf("]}\n");
  return 0;
}
