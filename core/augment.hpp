#pragma once
// Light data augmentation for digit images, so a network trained on MNIST
// also recognises digits people draw: a random small rotation, scaling and
// shift (one affine map, bilinear resampling), and sometimes a thicker or
// thinner stroke.
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
};

// Checks the ranges (naming the field) and that images are square.
void validate_augment(const AugmentConfig& c, int features);

// Each row of x is one side×side image in [0, 1], transformed in place.
// `scratch` holds at least side×side floats.
void augment_images(MatrixView x, int side, const AugmentConfig& c, Rng& rng, std::span<float> scratch);

}  // namespace mlp
