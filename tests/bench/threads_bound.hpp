#pragma once
// How much two threads can gain on this machine at best for the work the seed
// preset shares out: layer 1's part of one training step (X·W1, Xᵀ·dZ1 and the
// SGD update of W1: over 80% of the step's flops), timed once on one thread over
// the whole width and once on two threads over private halves of W1's
// columns. Each thread has its own copy of every operand, so the two cores
// share nothing but one barrier per step. The real split shares more (the
// activations, the packed input, the gradient the optimizer then reads), so
// no split of the real step can beat this ratio: it is the machine's ceiling
// for the 2-thread target. time_step_phases shows where the real split loses.
#include <barrier>
#include <chrono>
#include <thread>
#include <vector>

#include "dataset.hpp"
#include "kernels/gemm.hpp"
#include "matrix.hpp"
#include "mlp.hpp"
#include "optimizers.hpp"
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

// Where a step of the seed preset spends its time on `threads` threads, in
// microseconds per batch of 50 real MNIST rows: forward, backward, and the SGD
// update. On one thread the update reads gradients its own core just wrote;
// on two, half of them were written by the other core (and W1's lines sit in
// both caches after the forward pass), so its cost shows what moving data
// between the cores costs here.
struct StepPhases {
  double forward_us = 0, backward_us = 0, update_us = 0;
};

inline StepPhases time_step_phases(const mlp::Dataset& data, int threads, int steps) {
  using clock = std::chrono::steady_clock;
  mlp::set_threads(threads);
  mlp::Mlp net(mlp::seed_mlp_spec());
  mlp::MlpWorkspace ws(net, 50);
  mlp::Optimizer sgd(mlp::OptimizerConfig{}, net.params().size());
  mlp::Matrix x(50, 784);
  std::vector<std::int32_t> labels(50), idx(50);
  const mlp::Targets targets{labels, {}};
  StepPhases sum;
  const auto us = [](clock::time_point a, clock::time_point b) { return std::chrono::duration<double>(b - a).count() * 1e6; };
  for (int s = -20; s < steps; ++s) {
    for (int i = 0; i < 50; ++i) idx[static_cast<std::size_t>(i)] = ((s + 20) * 50 + i) % data.size();
    data.gather(idx, x.view(), labels.data(), nullptr);
    const auto t0 = clock::now();
    mlp::mlp_forward(net, x.view(), ws);
    const auto t1 = clock::now();
    mlp::mlp_backward(net, x.view(), targets, ws);
    const auto t2 = clock::now();
    sgd.step(net.params(), net.grads());
    const auto t3 = clock::now();
    if (s < 0) continue;  // warm-up
    sum.forward_us += us(t0, t1), sum.backward_us += us(t1, t2), sum.update_us += us(t2, t3);
  }
  mlp::set_threads(1);
  return {sum.forward_us / steps, sum.backward_us / steps, sum.update_us / steps};
}

}  // namespace bench
