// Strokes rasterised with a pen proportional to the digit's size: the same
// drawing at any size or position gives the same ink, and so the same 28×28
// image after preprocess_digit.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "errors.hpp"
#include "preprocess.hpp"
#include "strokes.hpp"

using namespace mlp;

namespace {
// A "7": a bar and a diagonal, one stroke, in a box of `size` at (x, y).
std::vector<float> seven(float x, float y, float size) {
  std::vector<float> xy;
  for (int i = 0; i <= 10; ++i) xy.insert(xy.end(), {x + size * 0.6f * i / 10, y});
  for (int i = 1; i <= 20; ++i) xy.insert(xy.end(), {x + size * (0.6f - 0.3f * i / 20), y + size * i / 20});
  return xy;
}
}  // namespace

TEST_CASE("strokes rasterise the same at any size and position (pen ∝ the digit's size)", "[strokes]") {
  const auto big = seven(0.2f, 0.2f, 0.6f), small = seven(0.85f, 0.02f, 0.1f);
  const std::vector<int> len{31};
  const auto a = rasterize_strokes(big, len), b = rasterize_strokes(small, len);
  REQUIRE(a.size() == static_cast<std::size_t>(kStrokeRasterSide * kStrokeRasterSide));
  double diff = 0, mass = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff += std::abs(a[i] - b[i]), mass += a[i];
  CHECK(diff / mass < 0.02);  // float rounding of the scaled coordinates only
  const DigitImage d = preprocess_digit(a, kStrokeRasterSide, kStrokeRasterSide);
  REQUIRE_FALSE(d.empty);
  CHECK(std::max(d.box_x1 - d.box_x0, d.box_y1 - d.box_y0) == 20);
  // The stroke of the bar (rows near the top of the box) is 2–4 px thick, as in MNIST.
  const int col = (d.box_x0 + d.box_x1) / 2;
  float thick = 0;
  for (int y = d.box_y0; y < d.box_y0 + 6; ++y) thick += d.pixels[static_cast<std::size_t>(y) * 28 + col];
  CHECK(thick > 1.8f);
  CHECK(thick < 4.0f);
}

TEST_CASE("pen scale, dots, empty and malformed strokes", "[strokes][errors]") {
  const auto xy = seven(0, 0, 1);
  const std::vector<int> len{31};
  const auto thin = rasterize_strokes(xy, len, {.side = 112, .pen_scale = 0.5f});
  const auto thick = rasterize_strokes(xy, len, {.side = 112, .pen_scale = 2.0f});
  CHECK(std::accumulate(thick.begin(), thick.end(), 0.0) > 2.5 * std::accumulate(thin.begin(), thin.end(), 0.0));
  const std::vector<float> dot{0.5f, 0.5f};
  const auto d = rasterize_strokes(dot, std::vector<int>{1});
  CHECK(std::accumulate(d.begin(), d.end(), 0.0) > 100);  // a dot fills the raster as a disc
  const auto none = rasterize_strokes({}, {});
  CHECK(std::accumulate(none.begin(), none.end(), 0.0) == 0);
  CHECK_THROWS_WITH(rasterize_strokes(xy, std::vector<int>{30}), "stroke points must be 2 × the sum of the stroke lengths = 60, got 62");
  CHECK_THROWS_WITH(rasterize_strokes(xy, len, {.side = 112, .pen_scale = 0}), "pen_scale must be in (0, 4], got 0");
}
