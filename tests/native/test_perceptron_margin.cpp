// Generated separable sets keep their margin, and the convergence theorem
// holds on them: updates until convergence never exceed (R/γ)², and wider
// margins need fewer.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "perceptron_margin.hpp"

using namespace mlp;

TEST_CASE("separable_points: both classes, every point on its side and outside the margin", "[perceptron][margin]") {
  for (const float margin : {0.0f, 0.05f, 0.3f}) {
    DYNAMIC_SECTION("margin " << margin) {
      const SeparableSet s = separable_points(40, margin, 7);
      REQUIRE(s.labels.size() == 40);
      CHECK(std::hypot(s.normal[0], s.normal[1]) == Approx(1.0).epsilon(1e-6));
      int ones = 0;
      for (std::size_t i = 0; i < 40; ++i) {
        const double x = s.x[2 * i], y = s.x[2 * i + 1];
        CHECK((x >= 0 && x < 1 && y >= 0 && y < 1));
        const double d = s.normal[0] * x + s.normal[1] * y + s.offset;
        CHECK((d > 0) == (s.labels[i] == 1));
        CHECK(std::abs(d) >= margin);
        CHECK(std::abs(d) >= s.margin);
        ones += s.labels[i];
      }
      CHECK(ones == 20);
      CHECK(s.margin >= margin);
    }
  }
  // A seed is a set: the same numbers again.
  CHECK(separable_points(10, 0.1f, 3).x == separable_points(10, 0.1f, 3).x);
  CHECK(separable_points(10, 0.1f, 3).x != separable_points(10, 0.1f, 4).x);
  CHECK_THROWS_WITH(separable_points(10, 0.5f, 3), "margin must be in [0, 0.3], got 0.5");
  CHECK_THROWS_WITH(separable_points(1, 0.1f, 3), "points must be between 2 and 10000, got 1");
}

TEST_CASE("updates until convergence stay under (R/γ)² and fall as the margin widens", "[perceptron][margin]") {
  const float margins[] = {0.01f, 0.05f, 0.2f};
  const MarginStudy st = perceptron_margin_study(margins, 12, 40, 11, 1.0f, 10000);
  REQUIRE(st.updates.size() == 3 * 12);
  double mean[3] = {0, 0, 0};
  for (int m = 0; m < 3; ++m)
    for (int k = 0; k < 12; ++k) {
      const std::size_t at = static_cast<std::size_t>(m) * 12 + k;
      INFO("margin " << margins[m] << " set " << k);
      REQUIRE(st.updates[at] > 0);  // converged (−1 would mean it ran out of epochs)
      CHECK(st.updates[at] <= st.bounds[at]);
      mean[m] += st.updates[at] / 12.0;
    }
  CHECK(mean[0] > mean[1]);
  CHECK(mean[1] > mean[2]);
  // The theorem does not depend on η (from zero weights).
  const MarginStudy slow = perceptron_margin_study(margins, 12, 40, 11, 0.1f, 10000);
  for (std::size_t k = 0; k < slow.updates.size(); ++k) {
    CHECK(slow.updates[k] > 0);
    CHECK(slow.updates[k] <= slow.bounds[k]);
  }
}
