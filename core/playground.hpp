#pragma once
// The decision-boundary playground's data (after TensorFlow Playground's
// dataset.ts): six generated sets on the square [−6, 6]², each drawn from our
// Rng so a seed gives the same points natively and in every browser build,
// plus points a person drew; and the input features the network may read.
//
// Classification sets (labels 0 … classes−1; TF Playground's +1 is class 1,
// its −1 class 0, and its sets are the two-class case of ours):
//   circle   class c fills ring k−1−c of k rings of width 5/k around 0 (the
//            innermost is class k−1); a gap of 0.4·5/k separates the rings.
//            Noise moves where the label is read, not the point: the label is
//            the ring of p + noise·U(−5, 5)², so noise flips labels near edges.
//   xor      x, y ~ U(−5, 5) pushed 0.3 away from the axes; class 1 where
//            x·y >= 0 (again read at the noisy point). Two classes only.
//   gauss    class c around the centre at angle 45° + 360°·(c+1)/k, radius
//            2√2 (TF's (2, 2) and (−2, −2)); standard deviation √(0.5 + 7·noise).
//   spiral   class c on the arm r = 5i/m, t = 3.5π·i/m + 2π(c+1)/k, m points
//            per arm, each coordinate jittered by noise·U(−1, 1).
// Regression sets (a target in [−1, 1] per point, read at the noisy point
// p + noise·U(−6, 6)²; points uniform on the square):
//   plane       (x + y) / 10
//   multigauss  the strongest of six signed bumps ±max(0, 1 − d/2) at
//               (±4 or 0, ±2.5), TF Playground's "multi Gaussian".
// The generated points are shuffled and split: the first
// ⌊points · train_percent / 100⌋ train, the rest test. Drawn points are
// always training points, after the generated ones.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "dataset.hpp"
#include "matrix.hpp"

namespace mlp {

enum class PlaygroundSet : std::uint8_t { circle, xor_, gauss, spiral, plane, multigauss };
inline constexpr PlaygroundSet kPlaygroundSets[] = {PlaygroundSet::circle, PlaygroundSet::xor_,
                                                    PlaygroundSet::gauss,  PlaygroundSet::spiral,
                                                    PlaygroundSet::plane,  PlaygroundSet::multigauss};
PlaygroundSet playground_set_from_name(std::string_view name);
const char* playground_set_name(PlaygroundSet s);
bool is_regression(PlaygroundSet s);
// Classes a set accepts: 2 to kMaxPlaygroundClasses (xor: 2 only); regression sets: 0.
int min_classes(PlaygroundSet s);
int max_classes(PlaygroundSet s);

// The inputs the network may read, computed from each point (x1, x2).
enum class Feature : std::uint8_t { x1, x2, x1_squared, x2_squared, x1_times_x2, sin_x1, sin_x2 };
inline constexpr Feature kFeatures[] = {Feature::x1,          Feature::x2,     Feature::x1_squared, Feature::x2_squared,
                                        Feature::x1_times_x2, Feature::sin_x1, Feature::sin_x2};
// "x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2".
Feature feature_from_name(std::string_view name);
const char* feature_name(Feature f);

inline constexpr float kPlaygroundExtent = 6.0f;  // points and drawn points lie in [−6, 6]²
inline constexpr int kMaxPlaygroundClasses = 6;
inline constexpr int kMaxPlaygroundPoints = 2000;  // generated
inline constexpr int kMaxDrawnPoints = 500;
inline constexpr float kMaxPlaygroundNoise = 0.5f;
inline constexpr int kMinTrainPercent = 10, kMaxTrainPercent = 90;  // TF Playground's slider

struct DrawnPoint {
  float x = 0.0f, y = 0.0f;
  float label = 0.0f;  // a class index (classification sets) or a target in [−1, 1] (regression sets)
};

struct PlaygroundDataSpec {
  PlaygroundSet set = PlaygroundSet::circle;
  int classes = 2;  // ignored by the regression sets
  int points = 500;
  float noise = 0.0f;
  int train_percent = 50;
  std::uint64_t seed = 1;
  std::vector<DrawnPoint> drawn;
};

struct PlaygroundData {
  int classes = 0;  // 0 for a regression set
  int train = 0;    // rows [0, train) train (drawn points last), rows [train, train + test) test
  int test = 0;
  std::vector<float> xy;             // (train + test) × 2, row-major
  std::vector<std::int32_t> labels;  // classification sets
  std::vector<float> targets;        // regression sets
};

// Checks every field (naming the first bad one), then draws the set.
PlaygroundData make_playground_data(const PlaygroundDataSpec& spec);

// Each row of xy (rows × 2) mapped to the chosen features, in the order given:
// out is rows × features.size(). At least one feature, none twice.
void map_features(ConstMatrixView xy, std::span<const Feature> features, MatrixView out);
std::vector<float> map_features(std::span<const float> xy, std::span<const Feature> features);

// Rows [first, first + count) of the data, mapped to the features, as a
// training set: class labels, or one target column for regression.
Dataset playground_dataset(const PlaygroundData& data, std::span<const Feature> features, int first, int count);

}  // namespace mlp
