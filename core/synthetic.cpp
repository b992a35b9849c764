#include "synthetic.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "errors.hpp"
#include "sizes.hpp"
#include "rng.hpp"

namespace mlp {

Dataset logic_gate(std::string_view gate) {
  const float x[8] = {0, 0, 0, 1, 1, 0, 1, 1};
  std::int32_t y[4];
  for (int i = 0; i < 4; ++i) {
    const bool a = x[2 * i] > 0.5f, b = x[2 * i + 1] > 0.5f;
    bool v;
    if (gate == "and") v = a && b;
    else if (gate == "or") v = a || b;
    else if (gate == "nand") v = !(a && b);
    else if (gate == "nor") v = !(a || b);
    else if (gate == "xor") v = a != b;
    else if (gate == "xnor") v = a == b;
    else fail_arg("gate", "be one of and, or, nand, nor, xor, xnor", "'" + std::string(gate) + "'");
    y[i] = v ? 1 : 0;
  }
  return Dataset::from_floats(x, 4, 2, y, 2);
}

Dataset gaussian_blobs(int n, int dim, int classes, float spread, std::uint64_t seed) {
  require_in_range(n, 1, 1 << 22, {"n", "examples"});
  require_in_range(dim, 1, 1 << 12, {"dim", "dimensions"});
  require_in_range(classes, 2, 1024, "classes");
  require(std::isfinite(spread) && spread >= 0.0f, "spread", "be finite and >= 0", spread);
  // 2^22 examples × 2^12 dimensions is 2^34 floats: checked in 64 bits.
  const std::size_t values = checked_elements(static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(dim),
                                              sizeof(float), {"n", "examples × dimensions"}, "the features");
  Rng rng(seed);
  std::vector<float> centres(static_cast<std::size_t>(classes) * dim);
  for (float& c : centres) c = static_cast<float>(rng.normal());
  std::vector<float> x(values);
  std::vector<std::int32_t> y(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    y[static_cast<std::size_t>(i)] = i % classes;
    const float* c = centres.data() + static_cast<std::size_t>(i % classes) * dim;
    for (int j = 0; j < dim; ++j)
      x[static_cast<std::size_t>(i) * dim + j] = c[j] + spread * static_cast<float>(rng.normal());
  }
  return Dataset::from_floats(x, n, dim, y, classes);
}

namespace {

// n points alternating between classes 0 and 1; `point(class, rng)` draws a
// noiseless point of that class, then Gaussian noise is added to both axes.
template <class PointFn>
Dataset toy_2d(int n, float noise, std::uint64_t seed, PointFn point) {
  require_in_range(n, 2, 1 << 20, {"n", "examples"});
  require(std::isfinite(noise) && noise >= 0.0f && noise <= 10.0f, "noise", "be in [0, 10]", noise);
  Rng rng(seed);
  std::vector<float> x(static_cast<std::size_t>(n) * 2);
  std::vector<std::int32_t> y(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const int c = i % 2;
    const auto [px, py] = point(c, rng);
    x[2 * static_cast<std::size_t>(i)] = static_cast<float>(px + noise * rng.normal());
    x[2 * static_cast<std::size_t>(i) + 1] = static_cast<float>(py + noise * rng.normal());
    y[static_cast<std::size_t>(i)] = c;
  }
  return Dataset::from_floats(x, n, 2, y, 2);
}

constexpr double kPi = 3.14159265358979323846;

}  // namespace

Dataset two_moons(int n, float noise, std::uint64_t seed) {
  return toy_2d(n, noise, seed, [](int c, Rng& rng) {
    const double t = kPi * rng.uniform();
    return c == 0 ? std::pair(std::cos(t), std::sin(t)) : std::pair(1.0 - std::cos(t), 0.5 - std::sin(t));
  });
}

Dataset circles(int n, float noise, std::uint64_t seed) {
  return toy_2d(n, noise, seed, [](int c, Rng& rng) {
    const double t = 2 * kPi * rng.uniform();
    const double r = c == 0 ? 0.5 * std::sqrt(rng.uniform()) : 0.8 + 0.2 * rng.uniform();
    return std::pair(r * std::cos(t), r * std::sin(t));
  });
}

}  // namespace mlp
