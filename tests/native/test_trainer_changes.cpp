// Changing the optimizer, the batch size and augmentation on a live trainer:
// each next step checked against a step computed by hand from an independently
// computed gradient, the batch-size change replayed batch by batch, and a
// refused change shown to leave the trainer exactly as it was.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

#include "synthetic.hpp"
#include "trainer.hpp"

using namespace mlp;

namespace {

MlpSpec tanh_spec(int inputs, int hidden, int classes) {
  MlpSpec s;
  s.inputs = inputs;
  s.layers = {{hidden, {Activation::tanh, 0}}, {classes, {Activation::identity, 0}}};
  s.seed = 3;
  return s;
}

std::shared_ptr<const Dataset> blobs(int n, int dim, int classes) {
  return std::make_shared<const Dataset>(gaussian_blobs(n, dim, classes, 0.8f, 11));
}

std::vector<float> copy(std::span<const float> s) { return {s.begin(), s.end()}; }

// The gradient of the trainer's next batch at its current weights, computed
// apart from it. With batch gradient descent the next batch is the whole set,
// in the order of the next epoch's shuffle; summed in that same order the
// gradient is bit for bit the one the trainer will use.
std::vector<float> full_gradient(const Trainer& t, const Dataset& d) {
  REQUIRE(t.config().batch_size == d.size());
  REQUIRE(t.batch() == 0);
  BatchSchedule s(d.size(), d.size(), t.config().shuffle_seed);
  for (int e = 0; e <= t.epoch(); ++e) s.shuffle();
  const auto idx = s.batch(0);
  Mlp net(t.network().spec(), t.network().params());
  MlpWorkspace ws(net, d.size());
  Matrix x(d.size(), d.features()), y(d.size(), net.outputs());
  std::vector<std::int32_t> labels(idx.size());
  MatrixView yv = y;
  d.gather(idx, x, labels.data(), &yv);
  const Targets targets{labels, y};
  mlp_forward(net, x, ws);
  mlp_backward(net, x, targets, ws);
  return copy(net.grads());
}

void check_close(std::span<const float> got, const std::vector<float>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO("parameter " << i);
    CHECK(got[i] == Approx(want[i]).epsilon(1e-6).margin(1e-8));
  }
}

OptimizerConfig config(OptimizerKind kind, float lr) {
  OptimizerConfig c = optimizer_defaults(kind);
  c.learning_rate = lr;
  return c;
}

TrainConfig batch_size(int n) {
  TrainConfig c;
  c.batch_size = n;
  return c;
}

// Batch gradient descent on 40 blobs, so every step's batch is the whole set.
struct FullBatch {
  std::shared_ptr<const Dataset> data = blobs(40, 5, 3);
  Trainer trainer;
  explicit FullBatch(const OptimizerConfig& c)
      : trainer(tanh_spec(5, 8, 3), data, TrainConfig{.batch_size = 40, .optimizer = c, .shuffle_seed = 1, .augment = {}}) {}
};

}  // namespace

TEST_CASE("set_optimizer: a new learning rate applies from the next step", "[trainer][live]") {
  FullBatch f(config(OptimizerKind::sgd, 0.05f));
  f.trainer.train_batches(1);
  f.trainer.train_batches(1);
  f.trainer.set_optimizer(config(OptimizerKind::sgd, 0.2f));
  CHECK(f.trainer.config().optimizer.learning_rate == 0.2f);
  const std::vector<float> p = copy(f.trainer.network().params()), g = full_gradient(f.trainer, *f.data);
  const TrainReport r = f.trainer.train_batches(1);
  std::vector<float> want(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) want[i] = p[i] - 0.2f * g[i];
  check_close(f.trainer.network().params(), want);
  CHECK(r.steps == 3);
  CHECK(r.epoch == 3);
}

TEST_CASE("set_optimizer: the same kind keeps its momentum buffer", "[trainer][live]") {
  FullBatch f(config(OptimizerKind::momentum, 0.05f));
  for (int i = 0; i < 3; ++i) f.trainer.train_batches(1);
  const std::vector<float> v = copy(f.trainer.optimizer().state1().span());
  REQUIRE(std::any_of(v.begin(), v.end(), [](float x) { return x != 0.0f; }));
  OptimizerConfig c = config(OptimizerKind::momentum, 0.1f);
  c.momentum = 0.5f;
  f.trainer.set_optimizer(c);
  CHECK(f.trainer.optimizer().steps() == 3);
  const std::vector<float> p = copy(f.trainer.network().params()), g = full_gradient(f.trainer, *f.data);
  f.trainer.train_batches(1);
  std::vector<float> want(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) want[i] = p[i] - 0.1f * (0.5f * v[i] + g[i]);  // v' = μv + g; p −= lr v'
  check_close(f.trainer.network().params(), want);
}

TEST_CASE("set_optimizer: Adam keeps its moments and its step count for bias correction", "[trainer][live]") {
  FullBatch f(config(OptimizerKind::adam, 0.01f));
  for (int i = 0; i < 3; ++i) f.trainer.train_batches(1);
  const std::vector<float> m = copy(f.trainer.optimizer().state1().span()), v = copy(f.trainer.optimizer().state2().span());
  f.trainer.set_optimizer(config(OptimizerKind::adam, 0.02f));
  const std::vector<float> p = copy(f.trainer.network().params()), g = full_gradient(f.trainer, *f.data);
  f.trainer.train_batches(1);
  const double b1 = 0.9f, b2 = 0.999f, bc1 = 1 - std::pow(b1, 4), bc2 = 1 - std::pow(b2, 4);  // t = 4; float β as the core has them
  std::vector<float> want(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double mi = b1 * m[i] + (1 - b1) * g[i], vi = b2 * v[i] + (1 - b2) * g[i] * g[i];
    want[i] = static_cast<float>(p[i] - 0.02 / bc1 * mi / (std::sqrt(vi) / std::sqrt(bc2) + 1e-8));
  }
  check_close(f.trainer.network().params(), want);
  CHECK(f.trainer.optimizer().steps() == 4);
}

TEST_CASE("set_optimizer: another kind starts fresh; weights, epoch and step count carry on", "[trainer][live]") {
  FullBatch f(config(OptimizerKind::adam, 0.01f));
  for (int i = 0; i < 3; ++i) f.trainer.train_batches(1);
  f.trainer.set_optimizer(config(OptimizerKind::momentum, 0.1f));
  CHECK(f.trainer.optimizer().steps() == 0);
  CHECK(f.trainer.config().optimizer.kind == OptimizerKind::momentum);
  std::vector<float> p = copy(f.trainer.network().params()), g = full_gradient(f.trainer, *f.data);
  TrainReport r = f.trainer.train_batches(1);
  std::vector<float> want(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) want[i] = p[i] - 0.1f * g[i];  // v starts at 0, so v' = g
  check_close(f.trainer.network().params(), want);
  CHECK(r.steps == 4);
  CHECK(r.epoch == 4);

  // Back to Adam: a fresh Adam, whose first step is lr·g/(|g| + ε) (t = 1).
  f.trainer.set_optimizer(config(OptimizerKind::adam, 0.01f));
  p = copy(f.trainer.network().params()), g = full_gradient(f.trainer, *f.data);
  r = f.trainer.train_batches(1);
  for (std::size_t i = 0; i < p.size(); ++i) want[i] = p[i] - 0.01f * g[i] / (std::abs(g[i]) + 1e-8f);
  check_close(f.trainer.network().params(), want);
  CHECK(f.trainer.optimizer().steps() == 1);
  CHECK(r.steps == 5);
}

TEST_CASE("set_batch_size mid-epoch: the rest of the epoch re-split, every example once, then the new size",
          "[trainer][live]") {
  const auto data = blobs(50, 4, 2);
  const MlpSpec spec = tanh_spec(4, 6, 2);
  const TrainConfig tc{.batch_size = 8, .optimizer = config(OptimizerKind::sgd, 0.1f), .shuffle_seed = 5, .augment = {}};
  Trainer t(spec, data, tc);
  std::vector<float> losses;
  for (int i = 0; i < 2; ++i) losses.push_back(t.train_batches(1).losses.at(0));  // 9 + 9 examples
  t.set_batch_size(15);  // 32 left: 2 batches of 16
  CHECK(t.config().batch_size == 15);
  CHECK(t.batches_per_epoch() == 4);
  TrainReport r = t.train_batches(10);
  CHECK(r.losses.size() == 2u);
  CHECK(r.epoch_ended);
  CHECK(r.examples_seen == 50);
  CHECK(r.batches_per_epoch == 3);  // the next epoch: 17, 17, 16
  losses.insert(losses.end(), r.losses.begin(), r.losses.end());
  r = t.train_batches(10);
  CHECK(r.losses.size() == 3u);
  CHECK(r.examples_seen == 100);
  losses.insert(losses.end(), r.losses.begin(), r.losses.end());

  // The same run by hand from the schedule: the batches, each example once per
  // epoch, and the very same losses and weights.
  BatchSchedule s(50, 8, 5);
  Mlp net(spec);
  Optimizer opt(tc.optimizer, net.params().size());
  MlpWorkspace ws(net, 17);
  std::vector<float> replayed;
  auto run = [&](std::span<const std::int32_t> idx) {
    const int rows = static_cast<int>(idx.size());
    Matrix x(rows, 4), y(rows, 2);
    std::vector<std::int32_t> labels(idx.size());
    MatrixView yv = y;
    data->gather(idx, x, labels.data(), &yv);
    mlp_forward(net, x, ws);
    replayed.push_back(static_cast<float>(mlp_backward(net, x, {labels, y}, ws)));
    opt.step(net.params(), net.grads());
  };
  s.shuffle();
  std::vector<std::int32_t> seen;
  for (int b = 0; b < 2; ++b) run(s.batch(b)), seen.insert(seen.end(), s.batch(b).begin(), s.batch(b).end());
  s.set_batch_size(15, 2);
  REQUIRE(s.batches_per_epoch() == 4);
  for (int b = 2; b < 4; ++b) {
    CHECK(s.batch(b).size() == 16u);
    run(s.batch(b)), seen.insert(seen.end(), s.batch(b).begin(), s.batch(b).end());
  }
  std::sort(seen.begin(), seen.end());
  std::vector<std::int32_t> all(50);
  std::iota(all.begin(), all.end(), 0);
  CHECK(seen == all);
  s.shuffle();
  REQUIRE(s.batches_per_epoch() == 3);
  for (int b = 0; b < 3; ++b) run(s.batch(b));
  CHECK(replayed == losses);
  CHECK(copy(net.params()) == copy(t.network().params()));
}

TEST_CASE("set_batch_size to a larger batch than the workspace holds grows it", "[trainer][live]") {
  const auto data = blobs(50, 4, 2);
  Trainer t(tanh_spec(4, 6, 2), data, batch_size(5));
  t.train_batches(3);
  t.set_batch_size(50);  // 35 left: one batch of 35, then batch gradient descent
  TrainReport r = t.train_batches(5);
  CHECK(r.losses.size() == 1u);
  CHECK(r.examples_seen == 50);
  r = t.train_batches(5);
  CHECK(r.losses.size() == 1u);
  CHECK(r.examples_seen == 100);
}

TEST_CASE("set_augment turns augmentation on and off for square images", "[trainer][live]") {
  const auto data = std::make_shared<const Dataset>(gaussian_blobs(20, 64, 2, 0.1f, 2));  // 8×8 "images"
  Trainer t(tanh_spec(64, 8, 2), data, batch_size(10));
  t.set_augment(true);
  CHECK(t.config().augment.enabled);
  CHECK(t.train_batches(2).losses.size() == 2u);
  t.set_augment(false);
  CHECK_FALSE(t.config().augment.enabled);
}

TEST_CASE("a refused change leaves the trainer exactly as it was", "[trainer][live][errors]") {
  const auto data = blobs(30, 5, 2);
  TrainConfig tc = batch_size(6);
  tc.optimizer = config(OptimizerKind::adam, 0.01f);
  Trainer t(tanh_spec(5, 6, 2), data, tc), twin(tanh_spec(5, 6, 2), data, tc);
  t.train_batches(2), twin.train_batches(2);
  OptimizerConfig bad = config(OptimizerKind::momentum, 0.1f);
  bad.momentum = 1.0f;
  CHECK_THROWS_WITH(t.set_optimizer(bad), "momentum must be in [0, 1), got 1");
  bad = config(OptimizerKind::adam, -1.0f);
  CHECK_THROWS_WITH(t.set_optimizer(bad), "learning_rate must be finite and > 0, got -1");
  CHECK_THROWS_WITH(t.set_batch_size(0), "batch_size must be between 1 and 30, got 0");
  CHECK_THROWS_WITH(t.set_batch_size(31), "batch_size must be between 1 and 30, got 31");
  CHECK_THROWS_WITH(t.set_augment(true), "augmented inputs must be a square image, got 5");
  CHECK(t.config().optimizer.kind == OptimizerKind::adam);
  CHECK(t.config().optimizer.learning_rate == 0.01f);
  CHECK(t.config().batch_size == 6);
  CHECK_FALSE(t.config().augment.enabled);
  CHECK(t.optimizer().steps() == 2);
  CHECK(t.batches_per_epoch() == 5);
  for (int i = 0; i < 6; ++i) {
    const TrainReport a = t.train_batches(1), b = twin.train_batches(1);
    CHECK(a.losses == b.losses);
    CHECK(a.epoch == b.epoch);
    CHECK(a.batch == b.batch);
  }
  CHECK(copy(t.network().params()) == copy(twin.network().params()));
}
