#include "strokes.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "errors.hpp"

namespace mlp {
namespace {

struct Pt {
  float x, y;
};

// Max-combines a round-capped segment a→b of radius r into the raster: a
// pixel's cover is how far its centre lies inside the pen, over a one-pixel ramp.
void capsule(std::vector<float>& ink, int side, Pt a, Pt b, float r) {
  const float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  const int x0 = std::max(0, static_cast<int>(std::floor(std::min(a.x, b.x) - r - 1)));
  const int x1 = std::min(side - 1, static_cast<int>(std::ceil(std::max(a.x, b.x) + r + 1)));
  const int y0 = std::max(0, static_cast<int>(std::floor(std::min(a.y, b.y) - r - 1)));
  const int y1 = std::min(side - 1, static_cast<int>(std::ceil(std::max(a.y, b.y) + r + 1)));
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      const float px = x + 0.5f - a.x, py = y + 0.5f - a.y;
      const float t = len2 > 0 ? std::clamp((px * dx + py * dy) / len2, 0.0f, 1.0f) : 0.0f;
      const float cover = std::clamp(r - std::hypot(px - t * dx, py - t * dy) + 0.5f, 0.0f, 1.0f);
      float& v = ink[static_cast<std::size_t>(y) * side + x];
      v = std::max(v, cover);
    }
}

}  // namespace

std::vector<float> rasterize_strokes(std::span<const float> xy, std::span<const int> lengths,
                                     const StrokeRasterOptions& o) {
  require_in_range(o.side, 8, 1024, "raster side");
  require(std::isfinite(o.pen_scale) && o.pen_scale > 0.0f && o.pen_scale <= 4.0f, "pen_scale", "be in (0, 4]",
          o.pen_scale);
  if (xy.size() % 2 != 0) fail_arg("stroke points", "hold x, y pairs", xy.size());
  std::size_t total = 0;
  for (const int n : lengths) {
    if (n < 0) fail_arg("stroke lengths", "be ≥ 0", n);
    total += static_cast<std::size_t>(n);
  }
  if (total * 2 != xy.size())
    fail_arg("stroke points", "be 2 × the sum of the stroke lengths = " + std::to_string(total * 2), xy.size());
  std::vector<float> ink(static_cast<std::size_t>(o.side) * o.side, 0.0f);
  if (total == 0) return ink;

  float bx0 = xy[0], by0 = xy[1], bx1 = xy[0], by1 = xy[1];
  for (std::size_t i = 0; i < total; ++i) {
    const float x = xy[2 * i], y = xy[2 * i + 1];
    if (!std::isfinite(x) || !std::isfinite(y)) fail_arg("stroke points", "be finite", i);
    bx0 = std::min(bx0, x), bx1 = std::max(bx1, x), by0 = std::min(by0, y), by1 = std::max(by1, y);
  }
  // A tap or a tiny scribble still gets a pen: its size counts as at least 1e-3 of the unit.
  const float size = std::max({bx1 - bx0, by1 - by0, 1e-3f});
  const float pen = kPenPerDigitSize * o.pen_scale * size;
  const float margin = 2.0f;
  const float k = (o.side - 2 * margin) / (size + pen);  // raster pixels per unit
  const float cx = (bx0 + bx1) / 2, cy = (by0 + by1) / 2, mid = o.side / 2.0f;
  const auto at = [&](std::size_t i) { return Pt{mid + (xy[2 * i] - cx) * k, mid + (xy[2 * i + 1] - cy) * k}; };
  const float r = pen * k / 2;

  std::size_t first = 0;
  for (const int n : lengths) {
    const std::size_t begin = first;
    first += static_cast<std::size_t>(n);
    if (n == 0) continue;
    if (n == 1) {
      capsule(ink, o.side, at(begin), at(begin), r);
      continue;
    }
    // As the pad paints: moveTo p0, quadratic curves with control p_i ending at
    // the midpoint of p_i and p_(i+1), lineTo the last point.
    Pt cur = at(begin);
    for (std::size_t i = begin + 1; i + 1 < first; ++i) {
      const Pt c = at(i), q = at(i + 1), end{(c.x + q.x) / 2, (c.y + q.y) / 2};
      const float span = std::hypot(c.x - cur.x, c.y - cur.y) + std::hypot(end.x - c.x, end.y - c.y);
      const int pieces = std::clamp(static_cast<int>(span / 2.0f), 1, 16);  // ~2 px chords
      for (int s = 1; s <= pieces; ++s) {
        const float t = static_cast<float>(s) / pieces, u = 1 - t;
        const Pt p{u * u * cur.x + 2 * u * t * c.x + t * t * end.x, u * u * cur.y + 2 * u * t * c.y + t * t * end.y};
        capsule(ink, o.side, cur, p, r);
        cur = p;
      }
    }
    capsule(ink, o.side, cur, at(first - 1), r);
  }
  return ink;
}

}  // namespace mlp
