#include "augment.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "errors.hpp"
#include "preprocess.hpp"

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
  require(std::isfinite(c.max_shear) && c.max_shear >= 0 && c.max_shear <= 1, "max_shear", "be in [0, 1]",
          c.max_shear);
  require(std::isfinite(c.max_aspect) && c.max_aspect >= 0 && c.max_aspect <= 0.5f, "max_aspect",
          "be in [0, 0.5]", c.max_aspect);
  require(std::isfinite(c.elastic) && c.elastic >= 0 && c.elastic <= side / 4.0f, "elastic", "be in [0, side/4]",
          c.elastic);
  require(std::isfinite(c.double_thickness_prob) && c.double_thickness_prob >= 0 && c.double_thickness_prob <= 1,
          "double_thickness_prob", "be in [0, 1]", c.double_thickness_prob);
  require(std::isfinite(c.renormalize_prob) && c.renormalize_prob >= 0 && c.renormalize_prob <= 1,
          "renormalize_prob", "be in [0, 1]", c.renormalize_prob);
}

AugmentConfig draw_augment() {
  AugmentConfig c;
  c.enabled = true;
  c.max_rotation_deg = 12.0f;
  c.max_scale = 0.12f;
  c.max_shift = 2.0f;
  c.thickness_prob = 0.6f;
  c.max_shear = 0.3f;
  c.max_aspect = 0.15f;
  c.elastic = 1.2f;
  c.double_thickness_prob = 0.25f;
  c.renormalize_prob = 0.5f;
  return c;
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
  constexpr int kGrid = 4;  // elastic control points per axis, spread over the image
  float gx[kGrid * kGrid], gy[kGrid * kGrid];
  for (int r = 0; r < x.rows; ++r) {
    float* img = x.row(r);
    std::copy_n(img, side * side, scratch.data());
    const double angle = rng.uniform(-c.max_rotation_deg, c.max_rotation_deg) * 3.14159265358979323846 / 180.0;
    const double scale = rng.uniform(1.0 - c.max_scale, 1.0 + c.max_scale);
    const double dx = rng.uniform(-c.max_shift, c.max_shift), dy = rng.uniform(-c.max_shift, c.max_shift);
    const double thick = rng.uniform();
    // The Draw profile's extras draw only when on, so the light profile's stream stays as it was.
    const double shear = c.max_shear > 0 ? rng.uniform(-c.max_shear, c.max_shear) : 0.0;
    const double aspect = c.max_aspect > 0 ? rng.uniform(1.0 - c.max_aspect, 1.0 + c.max_aspect) : 1.0;
    if (c.elastic > 0)
      for (int k = 0; k < kGrid * kGrid; ++k)
        gx[k] = static_cast<float>(rng.normal(0.0, c.elastic)), gy[k] = static_cast<float>(rng.normal(0.0, c.elastic));
    const bool twice = c.double_thickness_prob > 0 && rng.uniform() < c.double_thickness_prob;
    const bool renorm = c.renormalize_prob > 0 && rng.uniform() < c.renormalize_prob;
    // Inverse map: destination pixel centre → source position. The forward map
    // is rotate, scale (x also by `aspect`), shear x by y; its inverse is
    // un-shear, then un-scale, then un-rotate.
    const float ca = static_cast<float>(std::cos(angle) / scale), sa = static_cast<float>(std::sin(angle) / scale);
    const float inv_aspect = static_cast<float>(1.0 / aspect), sh = static_cast<float>(shear);
    const float cell = static_cast<float>(side) / (kGrid - 1);
    for (int y = 0; y < side; ++y)
      for (int xx = 0; xx < side; ++xx) {
        float px = xx + 0.5f - centre - static_cast<float>(dx), py = y + 0.5f - centre - static_cast<float>(dy);
        if (c.elastic > 0) {  // bilinear in the control grid: a smooth displacement
          const float u = std::min((xx + 0.5f) / cell, kGrid - 1.001f), v = std::min((y + 0.5f) / cell, kGrid - 1.001f);
          const int i = static_cast<int>(u), j = static_cast<int>(v);
          const float fu = u - i, fv = v - j;
          auto lerp2 = [&](const float* g) {
            return (1 - fv) * ((1 - fu) * g[j * kGrid + i] + fu * g[j * kGrid + i + 1]) +
                   fv * ((1 - fu) * g[(j + 1) * kGrid + i] + fu * g[(j + 1) * kGrid + i + 1]);
          };
          px += lerp2(gx), py += lerp2(gy);
        }
        if (sh != 0.0f || inv_aspect != 1.0f) px = (px - sh * py) * inv_aspect;
        const float sx = ca * px + sa * py + centre - 0.5f, sy = -sa * px + ca * py + centre - 0.5f;
        img[y * side + xx] = std::clamp(sample(scratch.data(), side, sx, sy), 0.0f, 1.0f);
      }
    if (thick < c.thickness_prob) {
      const bool thicken = thick < c.thickness_prob / 2;
      for (int pass = 0; pass < (twice ? 2 : 1); ++pass) {
        std::copy_n(img, side * side, scratch.data());
        thicken_or_thin(img, scratch.data(), side, thicken);
      }
    }
    if (renorm) {  // as the Draw view prepares ink: box to 20 px, centre of mass to the middle
      const DigitImage d = preprocess_digit(std::span<const float>(img, static_cast<std::size_t>(side) * side), side, side);
      if (!d.empty && side == kDigitSide) std::copy(d.pixels.begin(), d.pixels.end(), img);
    }
  }
}

}  // namespace mlp
