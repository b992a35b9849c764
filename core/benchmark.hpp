#pragma once
// Timing routines shared by the native benchmark binary and the WASM builds
// (through the bindings), so every build measures exactly the same work.
// Each returns medians over repeated runs, after one warm-up.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "dataset.hpp"

namespace mlp {

// Median seconds of one call of `run`: one warm-up call, then samples of
// ~10 ms each (so clock resolution does not matter), for at least min_seconds.
double median_call_seconds(const std::function<void()>& run, double min_seconds);

struct GemmBench {
  double gflops = 0.0;  // median
  double seconds = 0.0; // median time of one product
};

// kernel: "packed" (the dispatched kernel), "packed_scalar" or "reference".
GemmBench bench_gemm(const std::string& kernel, int m, int n, int k, bool trans_a, bool trans_b,
                     double min_seconds);

struct TrainBench {
  double train_examples_per_second = 0.0;
  double infer_examples_per_second = 0.0;
  double final_loss = 0.0;
};

// The seed MLP (784-300-100-10, ReLU, truncated normal) trained for `batches`
// mini-batches of 50, then run forward over `infer_examples` examples, on
// `data` (e.g. real MNIST, 784 features, 10 classes) or, when null, on
// generated MNIST-shaped data (dense Gaussian blobs: no zeros for the sparse
// kernel to skip). optimizer: "sgd" (lr 0.01) or "adam" (lr 0.001).
TrainBench bench_seed_mlp(const std::string& optimizer, int batches, int infer_examples,
                          std::shared_ptr<const Dataset> data = nullptr);

}  // namespace mlp
