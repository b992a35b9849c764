#include "perceptron_margin.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "errors.hpp"
#include "perceptron_steps.hpp"
#include "rng.hpp"

namespace mlp {

SeparableSet separable_points(int n, float margin, std::uint64_t seed) {
  require_in_range(n, 2, 10000, "points");
  require(margin >= 0.0f && margin <= kMaxSeparableMargin, "margin", "be in [0, 0.3]", margin);
  Rng rng(seed);
  SeparableSet s;
  // A direction from two normals (no trig, so every build draws the same line).
  double gx = 0, gy = 0, len = 0;
  while (len < 1e-3) {
    gx = rng.normal(), gy = rng.normal();
    len = std::sqrt(gx * gx + gy * gy);
  }
  s.normal[0] = static_cast<float>(gx / len);
  s.normal[1] = static_cast<float>(gy / len);
  const double px = rng.uniform(0.35, 0.65), py = rng.uniform(0.35, 0.65);
  s.offset = static_cast<float>(-(s.normal[0] * px + s.normal[1] * py));
  s.margin = std::numeric_limits<double>::infinity();
  // A line through [0.35, 0.65]² leaves square corners at least 0.35 from it
  // on both sides, so with margin ≤ 0.3 either side can always be drawn.
  constexpr int kMaxTries = 100000;
  for (int i = 0; i < n; ++i) {
    const int want = i % 2;
    for (int tries = 0;; ++tries) {
      if (tries == kMaxTries) fail_arg("margin", "leave room for points on both sides", margin);
      const float x = static_cast<float>(rng.uniform()), y = static_cast<float>(rng.uniform());
      const double d = static_cast<double>(s.normal[0]) * x + static_cast<double>(s.normal[1]) * y + s.offset;
      if (std::abs(d) < margin || d == 0.0 || (d > 0) != (want == 1)) continue;
      s.x.push_back(x);
      s.x.push_back(y);
      s.labels.push_back(want);
      s.margin = std::min(s.margin, std::abs(d));
      break;
    }
  }
  return s;
}

double novikoff_bound(const SeparableSet& s) {
  double r2 = 0;
  for (std::size_t i = 0; i < s.labels.size(); ++i) {
    const double x = s.x[2 * i], y = s.x[2 * i + 1];
    r2 = std::max(r2, 1 + x * x + y * y);
  }
  const double norm2 = 1 + static_cast<double>(s.offset) * s.offset;  // ‖normal‖ = 1
  return r2 * norm2 / (s.margin * s.margin);
}

MarginStudy perceptron_margin_study(std::span<const float> margins, int sets, int points, std::uint64_t seed,
                                    float learning_rate, int max_epochs) {
  require_in_range(static_cast<long long>(margins.size()), 1, 64, {"margins", "margins count"});
  require_in_range(sets, 1, 200, {"sets", "sets per margin"});
  require_in_range(max_epochs, 1, 100000, "max_epochs");
  require_positive_finite(learning_rate, "learning_rate");
  MarginStudy study;
  study.margins.assign(margins.begin(), margins.end());
  study.sets = sets;
  Rng seeds(seed);
  for (float m : margins) {
    for (int k = 0; k < sets; ++k) {
      const SeparableSet s = separable_points(points, m, seeds.next_u64() >> 11);
      PerceptronStepper stepper(ConstMatrixView(s.x.data(), points, 2), s.labels, learning_rate);
      int updates = 0;
      bool converged = false;
      while (!converged && stepper.epoch() < max_epochs) {
        const PerceptronStep step = stepper.step();
        updates += step.error != 0;
        converged = step.converged;
      }
      study.updates.push_back(converged ? updates : -1);
      study.bounds.push_back(novikoff_bound(s));
    }
  }
  return study;
}

}  // namespace mlp
