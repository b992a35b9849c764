#include "init.hpp"

#include <cmath>
#include <string>

#include "enum_names.hpp"
#include "errors.hpp"

namespace mlp {

const char* init_name(Init i) {
  switch (i) {
    case Init::truncated_normal: return "truncated_normal";
    case Init::glorot_uniform: return "glorot_uniform";
    case Init::he_normal: return "he_normal";
    case Init::zeros: return "zeros";
    case Init::standard_normal: return "standard_normal";
  }
  return "?";
}

Init init_from_name(std::string_view name) {
  return enum_from_name(name, kInits, init_name, "init");
}

void init_weights(Init kind, MatrixView w, Rng& rng) {
  const double fan_in = w.rows, fan_out = w.cols;
  for (int i = 0; i < w.rows; ++i) {
    for (int j = 0; j < w.cols; ++j) {
      double v = 0.0;
      switch (kind) {
        case Init::truncated_normal: v = rng.truncated_normal(0.0, 2.0 / std::sqrt(fan_in)); break;
        case Init::glorot_uniform: {
          const double limit = std::sqrt(6.0 / (fan_in + fan_out));
          v = rng.uniform(-limit, limit);
          break;
        }
        case Init::he_normal: v = rng.normal(0.0, std::sqrt(2.0 / fan_in)); break;
        case Init::zeros: v = 0.0; break;
        case Init::standard_normal: v = rng.normal(0.0, 1.0); break;
      }
      w(i, j) = static_cast<float>(v);
    }
  }
}

}  // namespace mlp
