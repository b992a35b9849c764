#pragma once
// Weight initializers. Weights are drawn in row-major order of the fan_in ×
// fan_out kernel from our own Rng, so a seed gives the same network everywhere.
#include <cstdint>
#include <string_view>

#include "matrix.hpp"
#include "rng.hpp"

namespace mlp {

enum class Init : std::uint8_t {
  truncated_normal,  // the seed's: N(0, (2/√fan_in)²) redrawn beyond 2σ (tf.truncated_normal)
  glorot_uniform,    // U(−√(6/(fan_in+fan_out)), +√(6/(fan_in+fan_out)))
  he_normal,         // N(0, 2/fan_in), not truncated (PyTorch's kaiming_normal_)
  zeros,
  standard_normal,   // N(0, 1) whatever the fan-in: the "large" start of the vanishing/exploding lessons
};

inline constexpr Init kInits[] = {Init::truncated_normal, Init::glorot_uniform, Init::he_normal, Init::zeros,
                                  Init::standard_normal};

Init init_from_name(std::string_view name);
const char* init_name(Init i);

void init_weights(Init kind, MatrixView w, Rng& rng);

}  // namespace mlp
