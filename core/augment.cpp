#include "augment.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "errors.hpp"

namespace mlp {

void validate_augment(const AugmentConfig& c, int features) {
  if (!c.enabled) return;
  const int side = static_cast<int>(std::lround(std::sqrt(features)));
  if (side * side != features) fail_arg({"augment", "augmented inputs"}, "be a square image", features);
  require(std::isfinite(c.max_rotation_deg) && c.max_rotation_deg >= 0 && c.max_rotation_deg <= 45,
          "max_rotation_deg", "be in [0, 45]", c.max_rotation_deg);
  require(std::isfinite(c.max_scale) && c.max_scale >= 0 && c.max_scale <= 0.5f, "max_scale", "be in [0, 0.5]",
          c.max_scale);
  require(std::isfinite(c.max_shift) && c.max_shift >= 0 && c.max_shift <= side / 4.0f, "max_shift",
          "be in [0, side/4]", c.max_shift);
  require(std::isfinite(c.thickness_prob) && c.thickness_prob >= 0 && c.thickness_prob <= 1, "thickness_prob",
          "be in [0, 1]", c.thickness_prob);
}

namespace {

float sample(const float* img, int side, float x, float y) {  // bilinear, zero outside
  const float fx = std::floor(x), fy = std::floor(y);
  const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
  const float ax = x - fx, ay = y - fy;
  auto at = [&](int xi, int yi) {
    return xi < 0 || yi < 0 || xi >= side || yi >= side ? 0.0f : img[yi * side + xi];
  };
  return (1 - ay) * ((1 - ax) * at(x0, y0) + ax * at(x0 + 1, y0)) + ay * ((1 - ax) * at(x0, y0 + 1) + ax * at(x0 + 1, y0 + 1));
}

void thicken_or_thin(float* img, const float* src, int side, bool thicken) {
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      auto at = [&](int xi, int yi) {
        return xi < 0 || yi < 0 || xi >= side || yi >= side ? 0.0f : src[yi * side + xi];
      };
      const float v = src[y * side + x];
      const float n[4] = {at(x - 1, y), at(x + 1, y), at(x, y - 1), at(x, y + 1)};
      if (thicken) {
        img[y * side + x] = std::max(v, 0.7f * *std::max_element(n, n + 4));
      } else {  // edge pixels (a dark neighbour) fade; stroke interiors stay
        img[y * side + x] = v * (0.4f + 0.6f * *std::min_element(n, n + 4));
      }
    }
}

}  // namespace

void augment_images(MatrixView x, int side, const AugmentConfig& c, Rng& rng, std::span<float> scratch) {
  const float centre = side / 2.0f;
  for (int r = 0; r < x.rows; ++r) {
    float* img = x.row(r);
    std::copy_n(img, side * side, scratch.data());
    const double angle = rng.uniform(-c.max_rotation_deg, c.max_rotation_deg) * 3.14159265358979323846 / 180.0;
    const double scale = rng.uniform(1.0 - c.max_scale, 1.0 + c.max_scale);
    const double dx = rng.uniform(-c.max_shift, c.max_shift), dy = rng.uniform(-c.max_shift, c.max_shift);
    const double thick = rng.uniform();
    // Inverse map: destination pixel centre → source position.
    const float ca = static_cast<float>(std::cos(angle) / scale), sa = static_cast<float>(std::sin(angle) / scale);
    for (int y = 0; y < side; ++y)
      for (int xx = 0; xx < side; ++xx) {
        const float px = xx + 0.5f - centre - static_cast<float>(dx), py = y + 0.5f - centre - static_cast<float>(dy);
        const float sx = ca * px + sa * py + centre - 0.5f, sy = -sa * px + ca * py + centre - 0.5f;
        img[y * side + xx] = std::clamp(sample(scratch.data(), side, sx, sy), 0.0f, 1.0f);
      }
    if (thick < c.thickness_prob) {
      std::copy_n(img, side * side, scratch.data());
      thicken_or_thin(img, scratch.data(), side, thick < c.thickness_prob / 2);
    }
  }
}

}  // namespace mlp
