// Rosenblatt's rule one step at a time: every reported step obeys
// w ← w + η (y − ŷ) x̂ with ŷ = step(w·x̂); OR ends on the line through (0,1)
// and (1,0); on XOR the weights come back to where they were, forever.
#include <catch2/catch.hpp>

#include "perceptron.hpp"
#include "perceptron_steps.hpp"
#include "synthetic.hpp"

using namespace mlp;

namespace {

const float kGateX[] = {0, 0, 0, 1, 1, 0, 1, 1};
const ConstMatrixView kGate(kGateX, 4, 2);
const std::int32_t kOr[] = {0, 1, 1, 1};
const std::int32_t kAnd[] = {0, 0, 0, 1};
const std::int32_t kXor[] = {0, 1, 1, 0};

}  // namespace

TEST_CASE("each step reports the rule with its numbers", "[perceptron][steps]") {
  for (const float lr : {1.0f, 0.25f, 0.1f}) {
    DYNAMIC_SECTION("eta " << lr) {
      const auto steps = perceptron_walk(kGate, kOr, lr, 50);
      REQUIRE(!steps.empty());
      std::vector<float> w = {0, 0, 0};
      for (std::size_t k = 0; k < steps.size(); ++k) {
        const PerceptronStep& s = steps[k];
        INFO("step " << k);
        CHECK(s.example == static_cast<int>(k % 4));
        CHECK(s.epoch == static_cast<int>(k / 4));
        CHECK(s.x_hat == std::vector<float>{1, kGateX[2 * s.example], kGateX[2 * s.example + 1]});
        CHECK(s.before == w);
        CHECK(s.z == w[0] + w[1] * s.x_hat[1] + w[2] * s.x_hat[2]);
        CHECK(s.predicted == (s.z >= 0 ? 1 : 0));  // step(0) = 1
        CHECK(s.target == kOr[s.example]);
        CHECK(s.error == s.target - s.predicted);
        for (int j = 0; j < 3; ++j) {
          CHECK(s.delta[j] == lr * s.error * s.x_hat[j]);
          CHECK(s.after[j] == w[j] + s.delta[j]);
        }
        CHECK(s.epoch_end == (k % 4 == 3));
        w = s.after;
      }
      CHECK(steps.back().converged);
      CHECK(steps.back().epoch_end);
      // The same rule as train_perceptron, which runs on the stepper.
      const PerceptronResult r = train_perceptron(kGate, std::vector<std::int32_t>(kOr, kOr + 4), lr, 50);
      CHECK(r.weights == w);
      CHECK(r.epochs == steps.back().epoch + 1);
    }
  }
}

TEST_CASE("OR with η = 1 ends at w = (−1, 1, 1): its line passes through (0,1) and (1,0)", "[perceptron][steps]") {
  const auto steps = perceptron_walk(kGate, kOr, 1.0f, 50);
  CHECK(steps.back().after == std::vector<float>{-1, 1, 1});
  CHECK(steps.size() == 16);  // three epochs with updates, then one without
  // On the line w·x̂ = 0, and step(0) = 1 calls both points class 1 — which they are.
  for (int row : {1, 2}) CHECK(perceptron_predict(steps.back().after, kGateX + 2 * row, 2) == 1);
}

TEST_CASE("a stepper starts from given weights and checks them", "[perceptron][steps][errors]") {
  const float w0[] = {-1, 1, 1};
  PerceptronStepper done(kGate, kOr, 1.0f, w0);
  for (int i = 0; i < 4; ++i) CHECK(done.step().error == 0);
  CHECK(done.converged());
  const float short_w[] = {1, 2};
  CHECK_THROWS_WITH(PerceptronStepper(kGate, kOr, 1.0f, short_w), "initial weights length must be 1 + the number of inputs (3), got 2");
  CHECK_THROWS_WITH(perceptron_walk(kGate, kOr, 1.0f, 0), "max_epochs must be between 1 and 100000, got 0");
}

TEST_CASE("on XOR the weights cycle; on AND they settle", "[perceptron][steps][xor]") {
  for (const float lr : {1.0f, 0.1f}) {
    DYNAMIC_SECTION("eta " << lr) {
      const PerceptronCycle c = find_perceptron_cycle(kGate, kXor, lr, 1000);
      CHECK_FALSE(c.converged);
      REQUIRE(c.start >= 0);
      REQUIRE(c.length >= 1);
      CHECK(c.updates_per_cycle > 0);
      REQUIRE(c.cycle_path.size() == static_cast<std::size_t>(c.length * 4 + 1) * 3);
      // The path starts at the recorded weights of epoch `start` and comes back to them.
      for (int j = 0; j < 3; ++j) {
        CHECK(c.cycle_path[j] == c.epoch_weights[static_cast<std::size_t>(c.start) * 3 + j]);
        CHECK(c.cycle_path[c.cycle_path.size() - 3 + j] == Approx(c.cycle_path[j]).margin(1e-4 * lr));
      }
      // Running further only repeats it: the weights a cycle later are those again.
      PerceptronStepper s(kGate, kXor, lr);
      for (int k = 0; k < (c.start + 2 * c.length) * 4; ++k) s.step();
      for (int j = 0; j < 3; ++j) CHECK(s.weights()[j] == Approx(c.cycle_path[j]).margin(1e-3 * lr));
    }
  }
  const PerceptronCycle a = find_perceptron_cycle(kGate, kAnd, 1.0f, 1000);
  CHECK(a.converged);
  CHECK(a.start == -1);
  CHECK(a.epoch_weights.size() == static_cast<std::size_t>(a.epochs + 1) * 3);
}
