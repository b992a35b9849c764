#pragma once
// Data augmentation for digit images, so a network trained on MNIST also
// recognises digits people draw: a random small rotation, scaling and shift
// (one affine map, bilinear resampling), and sometimes a thicker or thinner
// stroke. The Draw profile (`draw_augment()`, the shipped model's) adds slant
// (a horizontal shear), a squashed or stretched aspect, an elastic distortion
// (a smooth random displacement field, as Simard et al. 2003) and strokes
// thickened or thinned twice, and re-prepares part of the images the way
// drawn digits are (preprocess_digit: 20-pixel box, centre of mass at the
// centre). The extra settings are off by default, and while off they draw
// nothing from the generator, so the light profile's stream is unchanged.
#include <span>

#include "matrix.hpp"
#include "rng.hpp"

namespace mlp {

struct AugmentConfig {
  bool enabled = false;
  float max_rotation_deg = 12.0f;
  float max_scale = 0.12f;      // scale drawn from [1 − s, 1 + s]
  float max_shift = 2.0f;       // pixels, each axis
  float thickness_prob = 0.4f;  // half of it thickens, half thins
  // Off by default (the Train view's light augmentation):
  float max_shear = 0.0f;        // x += shear · (y − centre), shear from [−s, s] (0.3 ≈ ±17° of slant)
  float max_aspect = 0.0f;       // x scaled by an extra factor from [1 − a, 1 + a]
  float elastic = 0.0f;          // displacement amplitude in pixels (a 4×4 grid of normal offsets, interpolated)
  float double_thickness_prob = 0.0f;  // chance the thickness step runs a second time
  float renormalize_prob = 0.0f;  // chance the result is re-prepared by preprocess_digit
};

// The shipped Draw model's augmentation (mlp-cli train-mnist --augment 2).
AugmentConfig draw_augment();

// Checks the ranges (naming the field) and that images are square.
void validate_augment(const AugmentConfig& c, int features);

// Each row of x is one side×side image in [0, 1], transformed in place.
// `scratch` holds at least side×side floats.
void augment_images(MatrixView x, int side, const AugmentConfig& c, Rng& rng, std::span<float> scratch);

}  // namespace mlp
