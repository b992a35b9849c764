#pragma once
// How much two threads can gain on this machine at best for the work the seed
// preset shares out: layer 1's part of one training step (X·W1, Xᵀ·dZ1 and the
// SGD update of W1: 85% of the step's flops), timed once on one thread over
// the whole width and once on two threads over private halves of W1's
// columns. Each thread has its own copy of every operand, so the two cores
// share nothing but one barrier per step. The real split shares more (the
// activations, the packed input, the gradient the optimizer then reads), so
// no split of the real step can beat this ratio: it is the machine's ceiling
// for the 2-thread target.
#include <barrier>
#include <chrono>
#include <thread>
#include <vector>

#include "kernels/gemm.hpp"
#include "matrix.hpp"
#include "rng.hpp"
#include "thread_pool.hpp"

namespace bench {

struct LayerOneStep {
  mlp::Matrix x, w, z, dz, dw;
  mlp::GemmWorkspace ws;
  explicit LayerOneStep(int units) : x(50, 784), w(784, units), z(50, units), dz(50, units), dw(784, units) {
    mlp::Rng r(static_cast<std::uint64_t>(units));
    for (int i = 0; i < 50; ++i)
      for (int j = 0; j < 784; ++j) x(i, j) = static_cast<float>(r.uniform());  // dense: the generated workload
    for (int i = 0; i < 784; ++i)
      for (int j = 0; j < units; ++j) w(i, j) = static_cast<float>(r.uniform(-0.05, 0.05));
    for (int i = 0; i < 50; ++i)
      for (int j = 0; j < units; ++j) dz(i, j) = static_cast<float>(r.uniform(-0.01, 0.01));
  }
  void run() {
    mlp::gemm_dense(mlp::Trans::no, mlp::Trans::no, x.view(), w.view(), z.view(), {}, ws);
    mlp::gemm_dense(mlp::Trans::yes, mlp::Trans::no, x.view(), dz.view(), dw.view(), {}, ws);
    float* p = w.view().row(0);
    const float* g = dw.view().row(0);
    const std::size_t n = static_cast<std::size_t>(784) * static_cast<std::size_t>(w.view().cols);
    for (std::size_t i = 0; i < n; ++i) p[i] -= 0.01f * g[i];
  }
};

// Microseconds per step: one thread on 300 units, then two threads on 150 each.
inline std::pair<double, double> time_layer_one(int steps) {
  using clock = std::chrono::steady_clock;
  const auto per_step = [&](clock::time_point t0) {
    return std::chrono::duration<double>(clock::now() - t0).count() / steps * 1e6;
  };
  mlp::set_threads(1);  // each thread runs its own GEMMs inline
  LayerOneStep whole(300);
  for (int i = 0; i < 20; ++i) whole.run();
  const auto t0 = clock::now();
  for (int i = 0; i < steps; ++i) whole.run();
  const double one = per_step(t0);

  std::barrier sync(2);
  double two = 0.0;
  const auto half = [&](bool report) {
    LayerOneStep mine(150);
    for (int i = 0; i < 20; ++i) mine.run();
    sync.arrive_and_wait();
    const auto start = clock::now();
    for (int i = 0; i < steps; ++i) {
      mine.run();
      sync.arrive_and_wait();
    }
    if (report) two = per_step(start);
  };
  std::thread other(half, false);
  half(true);
  other.join();
  return {one, two};
}

}  // namespace bench
