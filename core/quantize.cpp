#include "quantize.hpp"

#include <algorithm>
#include <cmath>

namespace mlp {

Int8Weights quantize_int8_per_unit(ConstMatrixView w) {
  Int8Weights q;
  q.rows = w.rows;
  q.cols = w.cols;
  q.scales.assign(static_cast<std::size_t>(w.cols), 0.0f);
  q.values.assign(w.size(), 0);
  for (int i = 0; i < w.rows; ++i)
    for (int j = 0; j < w.cols; ++j)
      q.scales[static_cast<std::size_t>(j)] = std::max(q.scales[static_cast<std::size_t>(j)], std::abs(w(i, j)));
  for (float& s : q.scales) s /= 127.0f;
  for (int i = 0; i < w.rows; ++i)
    for (int j = 0; j < w.cols; ++j) {
      const float s = q.scales[static_cast<std::size_t>(j)];
      const long r = s > 0.0f ? std::lround(w(i, j) / s) : 0;
      q.values[static_cast<std::size_t>(i) * w.cols + j] = static_cast<std::int8_t>(std::clamp(r, -127L, 127L));
    }
  return q;
}

void dequantize_int8_per_unit(const Int8Weights& q, MatrixView w) {
  for (int i = 0; i < q.rows; ++i)
    for (int j = 0; j < q.cols; ++j)
      w(i, j) = static_cast<float>(q.values[static_cast<std::size_t>(i) * q.cols + j]) *
                q.scales[static_cast<std::size_t>(j)];
}

float round_to_float16(float x) {
  if (!std::isfinite(x) || x == 0.0f) return x;
  const float a = std::abs(x);
  if (a >= 65520.0f) return std::copysign(INFINITY, x);  // beyond the largest half (65504) plus half an ulp
  // The spacing of halfs around a: 2^(e-10) for normals (e >= -14), 2^-24 for subnormals.
  const int e = std::max(std::ilogb(a), -14);
  const float ulp = std::ldexp(1.0f, e - 10);
  return std::copysign(std::nearbyint(a / ulp) * ulp, x);  // nearbyint: ties to even (default rounding)
}

}  // namespace mlp
