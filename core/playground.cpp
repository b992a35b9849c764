#include "playground.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "enum_names.hpp"
#include "errors.hpp"
#include "rng.hpp"

namespace mlp {

const char* playground_set_name(PlaygroundSet s) {
  switch (s) {
    case PlaygroundSet::circle: return "circle";
    case PlaygroundSet::xor_: return "xor";
    case PlaygroundSet::gauss: return "gauss";
    case PlaygroundSet::spiral: return "spiral";
    case PlaygroundSet::plane: return "plane";
    case PlaygroundSet::multigauss: return "multigauss";
  }
  return "?";
}

PlaygroundSet playground_set_from_name(std::string_view name) {
  return enum_from_name(name, kPlaygroundSets, playground_set_name, "data set");
}

bool is_regression(PlaygroundSet s) { return s == PlaygroundSet::plane || s == PlaygroundSet::multigauss; }
int min_classes(PlaygroundSet s) { return is_regression(s) ? 0 : 2; }
int max_classes(PlaygroundSet s) {
  return is_regression(s) ? 0 : s == PlaygroundSet::xor_ ? 2 : kMaxPlaygroundClasses;
}

const char* feature_name(Feature f) {
  switch (f) {
    case Feature::x1: return "x1";
    case Feature::x2: return "x2";
    case Feature::x1_squared: return "x1sq";
    case Feature::x2_squared: return "x2sq";
    case Feature::x1_times_x2: return "x1x2";
    case Feature::sin_x1: return "sinx1";
    case Feature::sin_x2: return "sinx2";
  }
  return "?";
}

Feature feature_from_name(std::string_view name) { return enum_from_name(name, kFeatures, feature_name, "feature"); }

namespace {

constexpr double kPi = 3.14159265358979323846;

struct Point {
  double x, y;
};

void check_spec(const PlaygroundDataSpec& s) {
  const std::string set = playground_set_name(s.set);
  if (!is_regression(s.set))
    require(s.classes >= min_classes(s.set) && s.classes <= max_classes(s.set), "classes",
            "be between " + std::to_string(min_classes(s.set)) + " and " + std::to_string(max_classes(s.set)) +
                " for " + set,
            s.classes);
  require_in_range(s.points, 0, kMaxPlaygroundPoints, "points");
  require(std::isfinite(s.noise) && s.noise >= 0.0f && s.noise <= kMaxPlaygroundNoise, "noise", "be in [0, 0.5]",
          s.noise);
  require_in_range(s.train_percent, kMinTrainPercent, kMaxTrainPercent, "train_percent");
  if (s.seed > kMaxSeed) fail_arg("seed", "be an integer in [0, 2^53)", s.seed);
  require_in_range(static_cast<long long>(s.drawn.size()), 0, kMaxDrawnPoints, "drawn points");
  for (std::size_t i = 0; i < s.drawn.size(); ++i) {
    const DrawnPoint& p = s.drawn[i];
    const std::string field = "drawn point " + std::to_string(i + 1);
    require(std::isfinite(p.x) && std::abs(p.x) <= kPlaygroundExtent && std::isfinite(p.y) &&
                std::abs(p.y) <= kPlaygroundExtent,
            field, "lie in [-6, 6]²", std::to_string(p.x) + ", " + std::to_string(p.y));
    if (is_regression(s.set))
      require(std::isfinite(p.label) && std::abs(p.label) <= 1.0f, field + " target", "be in [-1, 1]", p.label);
    else
      require(p.label >= 0 && p.label < static_cast<float>(s.classes) && p.label == std::floor(p.label),
              field + " class", "be an integer in [0, " + std::to_string(s.classes) + ")", p.label);
  }
  if (s.points * s.train_percent / 100 + static_cast<int>(s.drawn.size()) == 0)
    throw InvalidArgument("the training set is empty: generate points (points > 0) or draw some");
}

// Class of the point at distance d from the centre among k rings of width 5/k, innermost class k−1.
int ring_class(double d, int k) {
  const int ring = std::min(k - 1, static_cast<int>(d / (5.0 / k)));
  return k - 1 - ring;
}

double multigauss_target(double x, double y) {
  static constexpr double kBumps[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1},
                                          {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  double label = 0.0;
  for (const auto& b : kBumps) {
    const double d = std::sqrt((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1]));
    const double v = b[2] * std::clamp(1.0 - d / 2.0, 0.0, 1.0);
    if (std::abs(v) > std::abs(label)) label = v;
  }
  return label;
}

// Point i of the set, its class (classification) or target (regression).
struct Drawn {
  Point p;
  double value;
};

Drawn draw_point(const PlaygroundDataSpec& s, int i, Rng& rng) {
  const int k = s.classes;
  const double noise = s.noise;
  switch (s.set) {
    case PlaygroundSet::circle: {
      const int c = i % k, ring = k - 1 - c;
      const double w = 5.0 / k;
      const double r = rng.uniform(ring * w + (ring > 0 ? 0.4 * w : 0.0), (ring + 1) * w);
      const double t = rng.uniform(0.0, 2 * kPi);
      const Point p{r * portable_sin(t), r * portable_cos(t)};
      const double nx = rng.uniform(-5.0, 5.0) * noise, ny = rng.uniform(-5.0, 5.0) * noise;
      const double dx = p.x + nx, dy = p.y + ny;
      return {p, static_cast<double>(ring_class(std::sqrt(dx * dx + dy * dy), k))};
    }
    case PlaygroundSet::xor_: {
      auto coordinate = [&] {
        const double v = rng.uniform(-5.0, 5.0);
        return v > 0 ? v + 0.3 : v - 0.3;
      };
      const double x = coordinate(), y = coordinate();
      const double nx = rng.uniform(-5.0, 5.0) * noise, ny = rng.uniform(-5.0, 5.0) * noise;
      return {{x, y}, (x + nx) * (y + ny) >= 0 ? 1.0 : 0.0};
    }
    case PlaygroundSet::gauss: {
      const int c = i % k;
      const double angle = kPi / 4 + 2 * kPi * ((c + 1) % k) / k;
      const double radius = 2 * std::sqrt(2.0);
      const double sd = std::sqrt(0.5 + 7.0 * noise);
      const double x = radius * portable_cos(angle) + sd * rng.normal();
      const double y = radius * portable_sin(angle) + sd * rng.normal();
      return {{x, y}, static_cast<double>(c)};
    }
    case PlaygroundSet::spiral: {
      const int c = i % k;
      const int along = i / k, arm = (s.points - c + k - 1) / k;  // points on this arm
      const double f = static_cast<double>(along) / arm;
      const double r = 5.0 * f, t = 1.75 * 2 * kPi * f + 2 * kPi * ((c + 1) % k) / k;
      const double x = r * portable_sin(t) + rng.uniform(-1.0, 1.0) * noise;
      const double y = r * portable_cos(t) + rng.uniform(-1.0, 1.0) * noise;
      return {{x, y}, static_cast<double>(c)};
    }
    case PlaygroundSet::plane:
    case PlaygroundSet::multigauss: {
      const double e = kPlaygroundExtent;
      const double x = rng.uniform(-e, e), y = rng.uniform(-e, e);
      const double nx = rng.uniform(-e, e) * noise, ny = rng.uniform(-e, e) * noise;
      const double v = s.set == PlaygroundSet::plane ? (x + nx + y + ny) / 10.0 : multigauss_target(x + nx, y + ny);
      return {{x, y}, v};
    }
  }
  return {{0, 0}, 0};
}

}  // namespace

PlaygroundData make_playground_data(const PlaygroundDataSpec& spec) {
  check_spec(spec);
  const bool regression = is_regression(spec.set);
  const int n = spec.points, drawn = static_cast<int>(spec.drawn.size());
  Rng rng(spec.seed);
  std::vector<Drawn> points(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) points[static_cast<std::size_t>(i)] = draw_point(spec, i, rng);
  std::vector<std::int32_t> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  rng.shuffle(order);

  PlaygroundData d;
  d.classes = regression ? 0 : spec.classes;
  const int generated_train = n * spec.train_percent / 100;
  d.train = generated_train + drawn;
  d.test = n - generated_train;
  const int rows = n + drawn;
  d.xy.resize(2 * static_cast<std::size_t>(rows));
  if (regression) d.targets.reserve(static_cast<std::size_t>(rows));
  else d.labels.reserve(static_cast<std::size_t>(rows));
  auto put = [&](int row, double x, double y, double value) {
    d.xy[2 * static_cast<std::size_t>(row)] = static_cast<float>(x);
    d.xy[2 * static_cast<std::size_t>(row) + 1] = static_cast<float>(y);
    if (regression) d.targets.push_back(static_cast<float>(value));
    else d.labels.push_back(static_cast<std::int32_t>(value));
  };
  // Rows: the generated training points, the drawn points, then the test points.
  int row = 0;
  for (int i = 0; i < generated_train; ++i, ++row) {
    const Drawn& p = points[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])];
    put(row, p.p.x, p.p.y, p.value);
  }
  for (const DrawnPoint& p : spec.drawn) put(row++, p.x, p.y, p.label);
  for (int i = generated_train; i < n; ++i, ++row) {
    const Drawn& p = points[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])];
    put(row, p.p.x, p.p.y, p.value);
  }
  return d;
}

namespace {

void check_features(std::span<const Feature> features) {
  require_in_range(static_cast<long long>(features.size()), 1, static_cast<long long>(std::size(kFeatures)),
                   "feature count");
  for (std::size_t i = 0; i < features.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (features[i] == features[j]) fail_arg("features", "not repeat a feature", feature_name(features[i]));
}

float feature_value(Feature f, float x1, float x2) {
  switch (f) {
    case Feature::x1: return x1;
    case Feature::x2: return x2;
    case Feature::x1_squared: return x1 * x1;
    case Feature::x2_squared: return x2 * x2;
    case Feature::x1_times_x2: return x1 * x2;
    case Feature::sin_x1: return static_cast<float>(portable_sin(x1));
    case Feature::sin_x2: return static_cast<float>(portable_sin(x2));
  }
  return 0.0f;
}

}  // namespace

void map_features(ConstMatrixView xy, std::span<const Feature> features, MatrixView out) {
  check_features(features);
  if (xy.cols != 2) fail_arg("points", "have 2 columns (x1, x2)", xy.cols);
  if (out.rows != xy.rows || out.cols != static_cast<int>(features.size()))
    fail_arg("feature output", "be rows × features", std::to_string(out.rows) + "x" + std::to_string(out.cols));
  for (int i = 0; i < xy.rows; ++i) {
    const float x1 = xy(i, 0), x2 = xy(i, 1);
    if (!std::isfinite(x1) || !std::isfinite(x2))
      fail_arg("point " + std::to_string(i + 1), "be finite", std::to_string(x1) + ", " + std::to_string(x2));
    float* row = out.row(i);
    for (std::size_t j = 0; j < features.size(); ++j) row[j] = feature_value(features[j], x1, x2);
  }
}

std::vector<float> map_features(std::span<const float> xy, std::span<const Feature> features) {
  if (xy.size() % 2 != 0) fail_arg("points length", "be even (x1, x2 pairs)", xy.size());
  const int rows = static_cast<int>(xy.size() / 2), cols = static_cast<int>(features.size());
  check_features(features);
  std::vector<float> out(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
  if (rows > 0) map_features(ConstMatrixView(xy.data(), rows, 2), features, MatrixView(out.data(), rows, cols));
  return out;
}

Dataset playground_dataset(const PlaygroundData& data, std::span<const Feature> features, int first, int count) {
  const int rows = data.train + data.test;
  require_in_range(first, 0, rows - 1, "first row");
  require_in_range(count, 1, rows - first, "row count");
  const auto x = map_features(std::span<const float>(data.xy).subspan(2 * static_cast<std::size_t>(first),
                                                                         2 * static_cast<std::size_t>(count)),
                              features);
  const int cols = static_cast<int>(features.size());
  const auto at = static_cast<std::size_t>(first), n = static_cast<std::size_t>(count);
  if (data.classes > 0)
    return Dataset::from_floats(x, count, cols, std::span(data.labels).subspan(at, n), data.classes);
  return Dataset::with_targets(x, count, cols, std::span(data.targets).subspan(at, n), 1);
}

}  // namespace mlp
