#include "preprocess.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "errors.hpp"

namespace mlp {
namespace {

// Weights of an area-averaging resample from n source cells onto m target
// cells: target t covers source interval [t·n/m, (t+1)·n/m).
std::vector<std::vector<std::pair<int, float>>> area_weights(int n, int m) {
  std::vector<std::vector<std::pair<int, float>>> w(static_cast<std::size_t>(m));
  const double step = static_cast<double>(n) / m;
  for (int t = 0; t < m; ++t) {
    const double a = t * step, b = (t + 1) * step;
    for (int s = static_cast<int>(std::floor(a)); s < std::min(n, static_cast<int>(std::ceil(b))); ++s) {
      const double overlap = std::min<double>(b, s + 1) - std::max<double>(a, s);
      if (overlap > 0) w[static_cast<std::size_t>(t)].emplace_back(s, static_cast<float>(overlap / step));
    }
  }
  return w;
}

}  // namespace

DigitImage preprocess_digit(std::span<const float> ink, int width, int height, float threshold) {
  require_in_range(width, 1, 4096, {"width", "canvas width"});
  require_in_range(height, 1, 4096, {"height", "canvas height"});
  if (ink.size() != static_cast<std::size_t>(width) * height)
    fail_arg({"ink", "canvas pixels"}, "be width × height = " + std::to_string(width * height), ink.size());
  // NaN compares false with everything: it would leave no bounding box yet
  // mass, and a NaN centre. Refuse it, and infinities, up front.
  for (std::size_t i = 0; i < ink.size(); ++i)
    if (!std::isfinite(ink[i]))
      fail_arg({"ink[" + std::to_string(i) + "]", "ink at pixel " + std::to_string(i)}, "be finite", ink[i]);
  int x0 = width, y0 = height, x1 = 0, y1 = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      if (ink[static_cast<std::size_t>(y) * width + x] > threshold) {
        x0 = std::min(x0, x), x1 = std::max(x1, x + 1);
        y0 = std::min(y0, y), y1 = std::max(y1, y + 1);
      }
  DigitImage out;
  if (x1 <= x0) return out;  // empty canvas
  const int w = x1 - x0, h = y1 - y0;
  const double scale = static_cast<double>(kDigitBox) / std::max(w, h);
  const int tw = std::clamp(static_cast<int>(std::lround(w * scale)), 1, kDigitBox);
  const int th = std::clamp(static_cast<int>(std::lround(h * scale)), 1, kDigitBox);

  // Separable area resample of the crop: rows first (h × tw), then columns.
  const auto wx = area_weights(w, tw), wy = area_weights(h, th);
  std::vector<float> rows(static_cast<std::size_t>(h) * tw, 0.0f);
  for (int y = 0; y < h; ++y)
    for (int t = 0; t < tw; ++t) {
      float s = 0.0f;
      for (const auto& [sx, wt] : wx[static_cast<std::size_t>(t)])
        s += wt * std::clamp(ink[static_cast<std::size_t>(y0 + y) * width + x0 + sx], 0.0f, 1.0f);
      rows[static_cast<std::size_t>(y) * tw + t] = s;
    }
  std::vector<float> box(static_cast<std::size_t>(th) * tw, 0.0f);
  float peak = 0.0f;
  for (int t = 0; t < th; ++t)
    for (int x = 0; x < tw; ++x) {
      float s = 0.0f;
      for (const auto& [sy, wt] : wy[static_cast<std::size_t>(t)]) s += wt * rows[static_cast<std::size_t>(sy) * tw + x];
      box[static_cast<std::size_t>(t) * tw + x] = s;
      peak = std::max(peak, s);
    }
  // MNIST strokes are saturated at their centres; a thin drawn stroke is not.
  double mass = 0.0, mx = 0.0, my = 0.0;
  for (int y = 0; y < th; ++y)
    for (int x = 0; x < tw; ++x) {
      float& v = box[static_cast<std::size_t>(y) * tw + x];
      v /= peak;
      mass += v, mx += v * (x + 0.5), my += v * (y + 0.5);
    }
  // Integer shift: keeps strokes sharp and puts the centre within half a pixel.
  const int ox = static_cast<int>(std::lround(kDigitSide / 2.0 - mx / mass));
  const int oy = static_cast<int>(std::lround(kDigitSide / 2.0 - my / mass));
  out.empty = false;
  out.box_x0 = kDigitSide, out.box_y0 = kDigitSide;
  double m2 = 0.0, cx = 0.0, cy = 0.0;
  for (int y = 0; y < th; ++y)
    for (int x = 0; x < tw; ++x) {
      const int X = x + ox, Y = y + oy;
      const float v = box[static_cast<std::size_t>(y) * tw + x];
      if (X < 0 || Y < 0 || X >= kDigitSide || Y >= kDigitSide || v <= 0.0f) continue;
      out.pixels[static_cast<std::size_t>(Y) * kDigitSide + X] = v;
      m2 += v, cx += v * (X + 0.5), cy += v * (Y + 0.5);
      out.box_x0 = std::min(out.box_x0, X), out.box_x1 = std::max(out.box_x1, X + 1);
      out.box_y0 = std::min(out.box_y0, Y), out.box_y1 = std::max(out.box_y1, Y + 1);
    }
  out.centre_x = static_cast<float>(cx / m2);
  out.centre_y = static_cast<float>(cy / m2);
  return out;
}

}  // namespace mlp
