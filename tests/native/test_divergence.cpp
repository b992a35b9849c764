// Divergence without NaN (core/divergence.hpp): the monitor's two lines, and
// the trainer stopping and restoring on them exactly as on a NaN.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "divergence.hpp"
#include "helpers.hpp"
#include "synthetic.hpp"
#include "trainer.hpp"

using namespace mlp;

TEST_CASE("the smoothed loss must pass 100 x its start; one spike is not enough", "[divergence]") {
  const std::vector<float> w(10, 0.5f);
  DivergenceMonitor m;
  m.reset(w, 0.0);
  CHECK(m.after_batch(2.0).empty());   // the reference
  CHECK(m.after_batch(800.0).empty()); // 0.1·800 + 0.9·2 = 81.8 < 200: a spike that may recover
  for (int i = 0; i < 30; ++i) CHECK(m.after_batch(2.0).empty());
  std::string why;
  int batches = 0;
  while (why.empty() && batches < 100) why = m.after_batch(300.0), ++batches;  // sustained 150 ×
  CHECK(batches > 1);
  CHECK(batches < 20);
  CHECK_THAT(why, Catch::StartsWith("the loss exploded: averaged over recent batches it reached 2") &&
                      Catch::EndsWith(", over 100 × its start (2)"));
}

TEST_CASE("a single batch 1000 x above the start is an explosion on its own", "[divergence]") {
  const std::vector<float> w(10, 0.5f);
  DivergenceMonitor m;
  m.reset(w, 0.0);
  m.after_batch(1.0);
  CHECK_FALSE(m.after_batch(1.0e4).empty());
}

TEST_CASE("a model that starts near zero loss is judged against a uniform prediction", "[divergence]") {
  const std::vector<float> w(10, 0.5f);
  DivergenceMonitor m;
  m.reset(w, std::log(10.0));  // ln 10: ten classes
  CHECK(m.after_batch(0.01).empty());
  for (int i = 0; i < 100; ++i) CHECK(m.after_batch(5.0).empty());  // 500 × 0.01, but 2 × ln 10
  for (int i = 0; i < 100 && m.after_batch(400.0).empty(); ++i) {
  }
  CHECK_FALSE(m.after_batch(400.0).empty());
}

TEST_CASE("weights 1000 x their starting size have exploded", "[divergence]") {
  std::vector<float> w(100, 0.02f);
  DivergenceMonitor m;
  m.reset(w, 0.0);
  std::fill(w.begin(), w.end(), 19.0f);  // 950 ×
  CHECK(m.check_weights(w).empty());
  std::fill(w.begin(), w.end(), 21.0f);  // 1050 ×
  CHECK(m.check_weights(w) == "the weights exploded: their root mean square reached 21, over 1000 × its start (0.02)");
  w[3] = std::numeric_limits<float>::quiet_NaN();
  CHECK(m.check_weights(w) == "a weight became NaN or infinite");
  // All-zero starts count as an RMS of 0.01.
  std::vector<float> zeros(100, 0.0f);
  m.reset(zeros, 0.0);
  std::fill(zeros.begin(), zeros.end(), 9.0f);
  CHECK(m.check_weights(zeros).empty());
  std::fill(zeros.begin(), zeros.end(), 11.0f);
  CHECK_FALSE(m.check_weights(zeros).empty());
}

TEST_CASE("numbers in messages read as in JavaScript", "[divergence][errors]") {
  CHECK(short_number(-std::numeric_limits<double>::quiet_NaN()) == "NaN");
  CHECK(short_number(std::numeric_limits<double>::infinity()) == "Infinity");
  CHECK(short_number(31234.5) == "3.12e+04");
  CHECK(format_number(-std::numeric_limits<float>::quiet_NaN()) == "NaN");
  CHECK(format_number(0.1f, true) == "0.1");
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(4294967299.0) == "4294967299");
  CHECK(format_number(1e300) == "1e+300");
}

TEST_CASE("a finite explosion stops training and restores the slice's start exactly", "[divergence][trainer]") {
  // Momentum at learning rate 1000 on a ReLU network: the loss and the
  // weights run off without becoming NaN first.
  auto data = std::make_shared<const Dataset>(gaussian_blobs(256, 16, 4, 1.0f, 3));
  TrainConfig tc;
  tc.batch_size = 16;
  tc.optimizer.kind = OptimizerKind::momentum;
  tc.optimizer.learning_rate = 1000.0f;
  Trainer t(Mlp(test::one_hidden_layer(16, 32, Activation::relu, 4, 5)), data, tc);
  TrainReport r;
  std::vector<float> before;
  std::int64_t steps_before = 0;
  for (int i = 0; i < 50 && !r.diverged; ++i) {
    before.assign(t.network().params().begin(), t.network().params().end());
    steps_before = r.steps;
    r = t.train_batches(1);
  }
  REQUIRE(r.diverged);
  INFO(r.message);
  CHECK_THAT(r.message, Catch::Contains("exploded") && Catch::Contains("weights restored to their last good values"));
  CHECK_THAT(r.message, !Catch::Contains("nan") && !Catch::Contains("inf"));
  CHECK(std::equal(before.begin(), before.end(), t.network().params().begin()));
  CHECK(r.steps == steps_before);
  CHECK(r.losses.empty());
}
