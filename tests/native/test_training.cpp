// The epoch/batch schedule, the trainer's slices and its recovery from NaN.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <vector>

#include "synthetic.hpp"
#include "trainer.hpp"

using namespace mlp;

namespace {

MlpSpec small_spec(int inputs, int classes, std::uint64_t seed = kDefaultSeed) {
  MlpSpec s;
  s.inputs = inputs;
  s.layers = {{16, {Activation::relu, 0}}, {classes, {Activation::identity, 0}}};
  s.seed = seed;
  return s;
}

}  // namespace

TEST_CASE("batches split like np.array_split and cover every example once per epoch", "[schedule]") {
  BatchSchedule s(103, 20, 7);  // 5 batches: 21, 21, 21, 20, 20
  CHECK(s.batches_per_epoch() == 5);
  CHECK(s.max_batch_size() == 21);
  for (int epoch = 0; epoch < 3; ++epoch) {
    s.shuffle();
    std::vector<std::int32_t> seen;
    for (int b = 0; b < 5; ++b) {
      CHECK(s.batch(b).size() == (b < 3 ? 21u : 20u));
      seen.insert(seen.end(), s.batch(b).begin(), s.batch(b).end());
    }
    CHECK(std::equal(seen.begin(), seen.end(), s.order().begin()));
    std::sort(seen.begin(), seen.end());
    for (int i = 0; i < 103; ++i) CHECK(seen[i] == i);
  }
}

TEST_CASE("batch size 1 is SGD and batch size n is batch gradient descent", "[schedule]") {
  BatchSchedule sgd(10, 1, 1), full(10, 10, 1);
  CHECK(sgd.batches_per_epoch() == 10);
  CHECK(full.batches_per_epoch() == 1);
  CHECK(full.batch(0).size() == 10u);
  CHECK_THROWS_WITH(BatchSchedule(10, 11, 1), "batch_size must be between 1 and 10, got 11");
  CHECK_THROWS_WITH(BatchSchedule(10, 0, 1), "batch_size must be between 1 and 10, got 0");
}

TEST_CASE("each epoch draws a new permutation", "[schedule]") {
  BatchSchedule s(50, 10, 3);
  s.shuffle();
  std::vector<std::int32_t> first(s.order().begin(), s.order().end());
  s.shuffle();
  CHECK_FALSE(std::equal(first.begin(), first.end(), s.order().begin()));
}

TEST_CASE("a batch size changed mid-epoch re-splits the rest like np.array_split", "[schedule]") {
  BatchSchedule s(103, 20, 7);  // 21, 21, 21, 20, 20
  s.shuffle();
  s.set_batch_size(25, 2);  // 61 left: np.array_split(rest, 61 // 25 = 2) → 31, 30
  CHECK(s.batches_per_epoch() == 4);
  CHECK(s.batches_per_full_epoch() == 4);  // 103 // 25: 26, 26, 26, 25
  CHECK(s.max_batch_size() == 31);
  CHECK(s.batch(2).size() == 31u);
  CHECK(s.batch(3).size() == 30u);
  std::vector<std::int32_t> seen;
  for (int b : {0, 1}) seen.insert(seen.end(), s.order().begin() + 21 * b, s.order().begin() + 21 * (b + 1));
  for (int b : {2, 3}) seen.insert(seen.end(), s.batch(b).begin(), s.batch(b).end());
  CHECK(std::equal(seen.begin(), seen.end(), s.order().begin()));
  CHECK_THROWS_WITH(s.batch(1), "batch index must be between 2 and 3, got 1");  // handed out before the change

  s.set_batch_size(100, 3);  // fewer left than a batch: they form one batch
  CHECK(s.batches_per_epoch() == 4);
  CHECK(s.batch(3).size() == 30u);
  CHECK(s.batch(3).data() == s.order().data() + 73);

  s.shuffle();  // later epochs: the new size throughout
  CHECK(s.batches_per_epoch() == 1);
  CHECK(s.batch(0).size() == 103u);
  s.set_batch_size(50, 0);  // at the start of an epoch the whole epoch is re-split
  CHECK(s.batches_per_epoch() == 2);
  CHECK(s.batch(0).size() == 52u);
  CHECK_THROWS_WITH(s.set_batch_size(104, 1), "batch_size must be between 1 and 103, got 104");
  CHECK_THROWS_WITH(s.set_batch_size(10, 2), "next batch must be between 0 and 1, got 2");
  CHECK(s.batch_size() == 50);
}

TEST_CASE("train_batches stops at epoch ends and reports running metrics", "[trainer]") {
  auto data = std::make_shared<const Dataset>(gaussian_blobs(100, 8, 3, 0.3f, 4));
  Mlp net(small_spec(8, 3, 1));
  TrainConfig tc;
  tc.batch_size = 30;  // 3 batches: 34, 33, 33
  Trainer t(std::move(net), data, tc);
  TrainReport r = t.train_batches(2);
  CHECK(r.losses.size() == 2u);
  CHECK_FALSE(r.epoch_ended);
  CHECK(r.batch == 2);
  CHECK(r.examples_seen == 67);
  r = t.train_batches(10);
  CHECK(r.losses.size() == 1u);  // stopped at the epoch boundary
  CHECK(r.epoch_ended);
  CHECK(r.epoch == 1);
  CHECK(r.batch == 0);
  CHECK(r.examples_seen == 100);
  CHECK(r.steps == 3);
  for (int i = 0; i < 30; ++i) r = t.train_batches(3);
  CHECK(t.evaluate(*data).accuracy > 0.95);
}

TEST_CASE("a diverging learning rate stops training and restores the last finite weights", "[trainer]") {
  auto data = std::make_shared<const Dataset>(gaussian_blobs(64, 4, 2, 1.0f, 9));
  TrainConfig tc;
  tc.batch_size = 8;
  tc.optimizer = optimizer_defaults(OptimizerKind::adam);  // two state buffers to restore
  Trainer t(small_spec(4, 2, 2), data, tc), twin(small_spec(4, 2, 2), data, tc);
  t.train_batches(3), twin.train_batches(3);  // mid-epoch, with non-zero moments
  OptimizerConfig huge = tc.optimizer;
  huge.learning_rate = kMaxLearningRate;
  t.set_optimizer(huge);  // same kind: the moments and step count stay

  const std::vector<float> params(t.network().params().begin(), t.network().params().end());
  const std::vector<float> m(t.optimizer().state1().begin(), t.optimizer().state1().end());
  const std::vector<float> v(t.optimizer().state2().begin(), t.optimizer().state2().end());
  REQUIRE(std::any_of(m.begin(), m.end(), [](float x) { return x != 0.0f; }));
  const TrainReport r = t.train_batches(4);
  REQUIRE(r.diverged);
  CHECK_THAT(r.message, Catch::Contains("weights restored") && Catch::Contains("smaller learning rate"));
  CHECK(r.losses.empty());
  CHECK(std::vector<float>(t.network().params().begin(), t.network().params().end()) == params);
  CHECK(std::vector<float>(t.optimizer().state1().begin(), t.optimizer().state1().end()) == m);
  CHECK(std::vector<float>(t.optimizer().state2().begin(), t.optimizer().state2().end()) == v);
  CHECK(t.optimizer().steps() == 3);
  CHECK(r.steps == 3);
  CHECK(r.epoch == 0);
  CHECK(r.batch == 3);
  CHECK(r.examples_seen == 24);

  // Back to a sane rate it carries on exactly as a run that never diverged.
  t.set_optimizer(tc.optimizer);
  for (int i = 0; i < 3; ++i) CHECK(t.train_batches(2).losses == twin.train_batches(2).losses);
  CHECK(std::vector<float>(t.network().params().begin(), t.network().params().end()) ==
        std::vector<float>(twin.network().params().begin(), twin.network().params().end()));
}

TEST_CASE("trainer refuses mismatched data and bad slices", "[trainer][errors]") {
  auto data = std::make_shared<const Dataset>(gaussian_blobs(20, 5, 2, 1.0f, 1));
  Mlp net(small_spec(4, 2));
  TrainConfig tc;
  tc.batch_size = 5;
  CHECK_THROWS_WITH(Trainer(net, data, tc), "dataset features must equal the network's inputs (4), got 5");
  Mlp net5(small_spec(5, 2));
  tc.batch_size = 21;
  CHECK_THROWS_WITH(Trainer(net5, data, tc), "batch_size must be between 1 and 20, got 21");
  tc.batch_size = 5;
  Trainer t(net5, data, tc);
  CHECK_THROWS_WITH(t.train_batches(0), "batches per call must be between 1 and 1000000, got 0");
  std::vector<float> wrong(3);
  CHECK_THROWS_WITH(t.set_parameters(wrong), Catch::Contains("parameter count must be"));
}

TEST_CASE("datasets validate their inputs", "[dataset][errors]") {
  const float x[4] = {0, 1, 2, 3};
  const std::int32_t y[2] = {0, 5};
  CHECK_THROWS_WITH(Dataset::from_floats(x, 2, 2, y, 3), "label 1 must be in [0, 3), got 5");
  CHECK_THROWS_WITH(Dataset::from_floats(x, 3, 2, y, 3), "features length must be rows × cols = 6, got 4");
  const float bad[2] = {0, std::numeric_limits<float>::quiet_NaN()};
  const std::int32_t y1[1] = {0};
  CHECK_THROWS_WITH(Dataset::from_floats(bad, 1, 2, y1, 2), "feature 1 must be finite, got NaN");
  CHECK_THROWS_WITH(logic_gate("xand"), Catch::Contains("gate must be one of"));
}
