#pragma once
// A drawn digit kept as vectors (pen strokes), rasterised for the network the
// way MNIST's digits were made: MNIST's writers used one pen on paper and the
// digits were then scaled with their strokes to a 20-pixel box, so a stroke is
// about 1/7 of the digit's size whatever size it was written at. A fixed pen
// on the pad cannot do that: a small digit drawn in a corner, scaled up to 20
// pixels, gets strokes as fat as the digit (a blob). Here the pen's width is a
// fraction of the strokes' own extent, and the digit fills the raster, so the
// ink handed to preprocess_digit looks the same at any size or position.
#include <span>
#include <vector>

namespace mlp {

// Pen width as a fraction of the larger side of the strokes' bounding box (of
// the pen's centre line). After preprocess_digit that is 20 · 0.15 / 1.15 ≈ 2.6
// pixels of the 28×28 field, MNIST's typical stroke.
inline constexpr float kPenPerDigitSize = 0.15f;
// Side of the raster: the digit's box (with the pen's half width around it)
// spans it less a 2-pixel margin, so preprocess_digit area-averages ~5:1 to 20.
inline constexpr int kStrokeRasterSide = 112;

struct StrokeRasterOptions {
  int side = kStrokeRasterSide;
  float pen_scale = 1.0f;  // × kPenPerDigitSize: the robustness set varies it, the page uses 1
};

// `xy` holds the points of every stroke, x and y interleaved, in any unit (the
// page uses fractions of the pad, y down); `lengths` the number of points of
// each stroke, in order. Points are joined as the pad paints them: quadratic
// curves through the midpoints, round caps and joins; a one-point stroke is a
// dot. Returns side × side ink in [0, 1], anti-aliased; all zero for no points.
std::vector<float> rasterize_strokes(std::span<const float> xy, std::span<const int> lengths,
                                     const StrokeRasterOptions& options = {});

}  // namespace mlp
