#pragma once
// MLP Lab's model file (all integers little-endian u32):
//   "MLPL" | version | inputs | layer count | per layer: units, activation, alpha (f32)
//   | loss | init | metadata length | metadata (UTF-8, usually JSON)
//   | parameter count | weights | CRC-32 of all before it
// weights, version 1: the parameters as f32, in the Mlp's flat layout.
// weights, version 2: an encoding (u32, 1 = int8 per output unit, quantize.hpp),
//   then per layer: scales (units × f32) | W (fan_in × units × i8, row-major)
//   | biases (units × f32). 4 times smaller than version 1 (the shipped
//   784-300-100-10 model: 263 KB instead of 1.07 MB).
// Loading checks every part before it returns, so a bad file never replaces a
// working model; both versions load into float parameters. The weight seed is
// not stored: the weights are the model, and a loaded spec carries kDefaultSeed
// (files from before MlpSpec had a seed load unchanged, as the format did not change).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mlp.hpp"

namespace mlp {

enum class WeightEncoding : std::uint8_t {
  float32,  // version 1: exact
  int8,     // version 2: int8 per output unit, float32 scales and biases
};

struct ModelFile {
  MlpSpec spec;
  std::vector<float> params;  // int8 files: the dequantized weights
  std::string metadata;
  WeightEncoding encoding = WeightEncoding::float32;
};

std::vector<std::uint8_t> save_model(const MlpSpec& spec, std::span<const float> params,
                                     const std::string& metadata = "",
                                     WeightEncoding encoding = WeightEncoding::float32);
ModelFile load_model(std::span<const std::uint8_t> bytes);

// CRC-32 (IEEE 802.3, as zlib's crc32).
std::uint32_t crc32(std::span<const std::uint8_t> bytes);

}  // namespace mlp
