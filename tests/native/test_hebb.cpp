// Hebb's rule Δw = η x y beside Rosenblatt's on the same presentations: with
// 0/1 signals Hebb's weights only grow and it never learns AND; the
// perceptron's error-driven rule does.
#include <catch2/catch.hpp>

#include "hebb.hpp"
#include "perceptron.hpp"

using namespace mlp;

namespace {

const float kGateX[] = {0, 0, 0, 1, 1, 0, 1, 1};

}  // namespace

TEST_CASE("hebb_delta is η x̂ y", "[hebb]") {
  const float x_hat[] = {1, 0, 1};
  CHECK(hebb_delta(x_hat, 1, 0.5f) == std::vector<float>{0.5f, 0, 0.5f});
  CHECK(hebb_delta(x_hat, 0, 0.5f) == std::vector<float>{0, 0, 0});  // a silent output learns nothing
}

TEST_CASE("Hebb's weights only grow and never learn AND; the perceptron's rule does", "[hebb][perceptron]") {
  const std::int32_t and_labels[] = {0, 0, 0, 1};
  const int n = 24;  // six epochs
  const HebbVsPerceptron r = hebb_vs_perceptron(ConstMatrixView(kGateX, 4, 2), and_labels, 1.0f, n);
  REQUIRE(r.example.size() == static_cast<std::size_t>(n));
  for (int k = 0; k < n; ++k) {
    CHECK(r.example[k] == k % 4);
    for (int j = 0; j < 3; ++j) {
      const std::size_t at = static_cast<std::size_t>(k) * 3 + j;
      CHECK(r.hebb_delta[at] >= 0);
      CHECK(r.hebb_weights[at] == (k == 0 ? 0 : r.hebb_weights[at - 3]) + r.hebb_delta[at]);
    }
  }
  // Only (1, 1) has y = 1: after six epochs Hebb holds 6 · (1, 1, 1) and fires on every row.
  CHECK(std::vector<float>(r.hebb_weights.end() - 3, r.hebb_weights.end()) == std::vector<float>{6, 6, 6});
  CHECK(r.hebb_correct.back() == 1);
  CHECK(r.perceptron_correct.back() == 4);
  // The perceptron's last weights are train_perceptron's.
  std::vector<std::int32_t> y(and_labels, and_labels + 4);
  const PerceptronResult p = train_perceptron(ConstMatrixView(kGateX, 4, 2), y, 1.0f, 100);
  REQUIRE(p.converged);
  CHECK(std::vector<float>(r.perceptron_weights.end() - 3, r.perceptron_weights.end()) == p.weights);
}

TEST_CASE("hebb_vs_perceptron checks its arguments", "[hebb][errors]") {
  const std::int32_t labels[] = {0, 0, 0, 1};
  CHECK_THROWS_WITH(hebb_vs_perceptron(ConstMatrixView(kGateX, 4, 2), labels, 1.0f, 0),
                    "presentations must be between 1 and 10000, got 0");
  CHECK_THROWS_WITH(hebb_vs_perceptron(ConstMatrixView(kGateX, 4, 2), labels, 0.0f, 4),
                    "learning_rate must be finite and > 0, got 0");
}
