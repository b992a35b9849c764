#pragma once
// The perceptron convergence theorem (Novikoff 1962), made measurable: on
// data that a line separates with margin γ, Rosenblatt's rule from zero
// weights makes at most (R/γ)² updates, R = max ‖x̂ᵢ‖, γ measured in the
// augmented space x̂ = (1, x) for a unit-length separator. Wider margins, fewer
// updates; no margin (XOR), no end.
#include <cstdint>
#include <span>
#include <vector>

namespace mlp {

inline constexpr float kMaxSeparableMargin = 0.3f;

// n points in the unit square, labelled by the side of a random line through
// its middle, none closer to the line than `margin`; labels alternate 0, 1, …
// so both classes are there. Drawn from our Rng (no libm): the same set
// natively and in every build.
struct SeparableSet {
  std::vector<float> x;                // n × 2, row-major
  std::vector<std::int32_t> labels;    // 1 where normal·x + offset > 0
  float normal[2] = {1, 0};            // unit length
  float offset = 0;
  double margin = 0;                   // realised: the smallest |normal·xᵢ + offset|
};

SeparableSet separable_points(int n, float margin, std::uint64_t seed);

// (R/γ)² for a set and the separator that made it: γ = margin / ‖(offset, normal)‖.
double novikoff_bound(const SeparableSet& set);

struct MarginStudy {
  std::vector<float> margins;
  int sets = 0;
  // margins × sets, row-major: weight updates until an epoch without one
  // (−1 when max_epochs ran out first), and each set's (R/γ)².
  std::vector<std::int32_t> updates;
  std::vector<double> bounds;
};

// `sets` generated sets of `points` points for each margin, seeds drawn from `seed`.
MarginStudy perceptron_margin_study(std::span<const float> margins, int sets, int points, std::uint64_t seed,
                                    float learning_rate, int max_epochs);

}  // namespace mlp
