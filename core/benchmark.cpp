#include "benchmark.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

#include "errors.hpp"
#include "kernels/gemm.hpp"
#include "synthetic.hpp"
#include "trainer.hpp"

namespace mlp {
namespace {

double now() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

double median_call_seconds(const std::function<void()>& run, double min_seconds) {
  run();  // warm-up: touches memory, fills workspaces
  double t0 = now();
  int reps = 0;
  do run(), ++reps;
  while (now() - t0 < 0.01);
  std::vector<double> samples;
  const double start = now();
  do {
    t0 = now();
    for (int r = 0; r < reps; ++r) run();
    samples.push_back((now() - t0) / reps);
  } while (samples.size() < 3 || now() - start < min_seconds);
  return median(samples);
}

GemmBench bench_gemm(const std::string& kernel, int m, int n, int k, bool trans_a, bool trans_b,
                     double min_seconds) {
  require_in_range(m, 1, 4096, "m");
  require_in_range(n, 1, 4096, "n");
  require_in_range(k, 1, 4096, "k");
  // The timing loop runs until min_seconds have passed: NaN or 1e9 would never end.
  require(std::isfinite(min_seconds) && min_seconds >= 0 && min_seconds <= 60, "min_seconds", "be in [0, 60]",
          min_seconds);
  const Trans ta = trans_a ? Trans::yes : Trans::no, tb = trans_b ? Trans::yes : Trans::no;
  Matrix a(trans_a ? k : m, trans_a ? m : k), b(trans_b ? n : k, trans_b ? k : n), c(m, n);
  Rng rng(1);
  for (int i = 0; i < a.rows(); ++i)
    for (int j = 0; j < a.cols(); ++j) a(i, j) = static_cast<float>(rng.uniform(-1, 1));
  for (int i = 0; i < b.rows(); ++i)
    for (int j = 0; j < b.cols(); ++j) b(i, j) = static_cast<float>(rng.uniform(-1, 1));
  GemmWorkspace ws;
  auto run = [&] {
    if (kernel == "packed") gemm(ta, tb, a, b, c, {}, ws);
    else if (kernel == "packed_scalar") gemm_packed_scalar(ta, tb, a, b, c, {}, ws);
    else if (kernel == "reference") gemm_ref(ta, tb, a, b, c, {});
    else fail_arg("kernel", "be packed, packed_scalar or reference", kernel);
  };
  GemmBench out;
  out.seconds = median_call_seconds(run, min_seconds);
  out.gflops = 2.0 * m * n * k / out.seconds * 1e-9;
  return out;
}

TrainBench bench_seed_mlp(const std::string& optimizer, int batches, int infer_examples,
                          std::shared_ptr<const Dataset> data) {
  require_in_range(batches, 1, 1000000, "batches");
  require_in_range(infer_examples, 1, 1000000, "infer_examples");
  const int n_train = std::min(batches * 50, 10000);
  if (!data) data = std::make_shared<const Dataset>(gaussian_blobs(std::max(n_train, infer_examples), 784, 10, 1.0f, 7));
  if (data->size() < infer_examples) fail_arg("infer_examples", "be at most the data size", infer_examples);
  Mlp net(seed_mlp_spec());
  TrainConfig tc;
  tc.batch_size = 50;
  tc.optimizer.kind = optimizer_from_name(optimizer);
  tc.optimizer.learning_rate = tc.optimizer.kind == OptimizerKind::adam ? 0.001f : 0.01f;
  Trainer trainer(std::move(net), data, tc);
  trainer.train_batches(5);  // warm-up
  TrainBench out;
  double t0 = now();
  int done = 0;
  while (done < batches) {
    const TrainReport r = trainer.train_batches(std::min(100, batches - done));
    done += static_cast<int>(r.losses.size());
    if (!r.losses.empty()) out.final_loss = r.losses.back();
  }
  out.train_examples_per_second = 50.0 * batches / (now() - t0);
  const Dataset infer = data->slice(0, infer_examples);
  trainer.predict_labels(infer);  // warm-up
  t0 = now();
  trainer.predict_labels(infer);
  out.infer_examples_per_second = infer_examples / (now() - t0);
  return out;
}

}  // namespace mlp
