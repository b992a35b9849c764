#pragma once
// A drawn digit prepared the way MNIST's digits were made (LeCun et al.):
// crop to the ink's bounding box, scale to fit 20×20 keeping the aspect ratio
// (area-averaged, so the result is anti-aliased), then place it in a 28×28
// field so that its centre of mass sits at the centre, (14, 14).
#include <array>
#include <span>

namespace mlp {

inline constexpr int kDigitSide = 28;
inline constexpr int kDigitBox = 20;

struct DigitImage {
  std::array<float, kDigitSide * kDigitSide> pixels{};  // row-major, 0 = paper, 1 = ink
  bool empty = true;          // no ink at all: nothing to predict
  float centre_x = 0.0f;      // centre of mass in the 28×28 field, pixel
  float centre_y = 0.0f;      // centres at i + 0.5 (so the middle is 14, 14)
  int box_x0 = 0, box_y0 = 0, box_x1 = 0, box_y1 = 0;  // where the ink landed, [x0, x1) × [y0, y1)
};

// `ink` is width × height, row-major, values in [0, 1] (e.g. a canvas' alpha).
// Pixels at or below `threshold` count as paper when finding the bounding box.
DigitImage preprocess_digit(std::span<const float> ink, int width, int height, float threshold = 0.05f);

}  // namespace mlp
