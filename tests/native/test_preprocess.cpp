// Drawn-digit preprocessing: the MNIST recipe's guarantees.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "preprocess.hpp"

using namespace mlp;

namespace {

// A canvas with an ellipse outline ("0") of the given centre and radii.
std::vector<float> ring(int w, int h, float cx, float cy, float rx, float ry, float stroke) {
  std::vector<float> c(static_cast<std::size_t>(w) * h, 0.0f);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float dx = (x + 0.5f - cx) / rx, dy = (y + 0.5f - cy) / ry;
      const float d = std::abs(std::sqrt(dx * dx + dy * dy) - 1.0f) * std::min(rx, ry);
      c[static_cast<std::size_t>(y) * w + x] = std::clamp(1.0f - (d - stroke / 2), 0.0f, 1.0f);
    }
  return c;
}

}  // namespace

TEST_CASE("a shifted, scaled digit is centred by mass and fits the central 20x20", "[preprocess]") {
  // Off-centre and small on a 280x200 canvas; then large and in the other corner.
  for (const auto& [cx, cy, rx, ry] : {std::array<float, 4>{60, 50, 20, 35}, std::array<float, 4>{200, 120, 60, 70}}) {
    const auto canvas = ring(280, 200, cx, cy, rx, ry, 8);
    const DigitImage d = preprocess_digit(canvas, 280, 200);
    REQUIRE_FALSE(d.empty);
    CHECK(std::abs(d.centre_x - 14.0f) <= 0.5f);
    CHECK(std::abs(d.centre_y - 14.0f) <= 0.5f);
    CHECK(d.box_x0 >= 4);
    CHECK(d.box_y0 >= 4);
    CHECK(d.box_x1 <= 24);
    CHECK(d.box_y1 <= 24);
    CHECK(d.box_y1 - d.box_y0 == 20);  // the taller side fills 20 pixels
    float peak = 0;
    for (float v : d.pixels) peak = std::max(peak, v);
    CHECK(peak == Approx(1.0f));
  }
}

TEST_CASE("aspect ratio is kept", "[preprocess]") {
  const auto canvas = ring(300, 300, 150, 150, 40, 120, 10);  // tall and thin, about 1:3
  const DigitImage d = preprocess_digit(canvas, 300, 300);
  const int w = d.box_x1 - d.box_x0, h = d.box_y1 - d.box_y0;
  CHECK(h == 20);
  CHECK(w == Approx(20.0 * 90 / 250).margin(1.5));
}

TEST_CASE("an empty canvas is reported as empty, not predicted", "[preprocess]") {
  std::vector<float> blank(100 * 80, 0.0f);
  CHECK(preprocess_digit(blank, 100, 80).empty);
  blank[5] = 0.01f;  // faint noise below the threshold
  CHECK(preprocess_digit(blank, 100, 80).empty);
  blank[5] = 1.0f;   // a single dot is ink
  CHECK_FALSE(preprocess_digit(blank, 100, 80).empty);
}

TEST_CASE("preprocessing validates the canvas shape", "[preprocess][errors]") {
  std::vector<float> c(10);
  CHECK_THROWS_WITH(preprocess_digit(c, 4, 4), "canvas pixels must be width × height = 16, got 10");
  CHECK_THROWS_WITH(preprocess_digit(c, 0, 4), "canvas width must be between 1 and 4096, got 0");
}
