#pragma once
// Weight quantization for model files (model_file.hpp, version 2).
//
// int8 per output unit: for column j of W (fan_in × units, one column per
// unit), scale_j = max_i |W_ij| / 127 and q_ij = round(W_ij / scale_j) in
// [-127, 127]; loading gives W_ij ≈ q_ij · scale_j, off by at most scale_j / 2.
// One scale per unit rather than per layer, because units' weight ranges
// differ several-fold: each unit keeps 8 bits of its own range.
//
// float16 is only measured (round_to_float16), not stored: the shipped model
// at 2 bytes a weight is 533 KB, over the 300 KB budget, while int8 fits.
#include <cstdint>
#include <vector>

#include "matrix.hpp"

namespace mlp {

struct Int8Weights {
  int rows = 0, cols = 0;
  std::vector<float> scales;         // cols: one per output unit, >= 0
  std::vector<std::int8_t> values;   // rows × cols, row-major like W
};

Int8Weights quantize_int8_per_unit(ConstMatrixView w);
// w (rows × cols) = values · scales, column by column.
void dequantize_int8_per_unit(const Int8Weights& q, MatrixView w);

// The float16 nearest to x (ties to even; overflow to ±inf), as a float.
float round_to_float16(float x);

}  // namespace mlp
