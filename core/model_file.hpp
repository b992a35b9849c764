#pragma once
// MLP Lab's model file, version 1 (all integers little-endian u32):
//   "MLPL" | version | inputs | layer count | per layer: units, activation, alpha (f32)
//   | loss | init | metadata length | metadata (UTF-8, usually JSON)
//   | parameter count | parameters (f32, the Mlp's flat layout) | CRC-32 of all before it
// Loading checks every part before it returns, so a bad file never replaces a
// working model. The weight seed is not stored: the weights are the model, and
// a loaded spec carries kDefaultSeed (files from before MlpSpec had a seed load
// unchanged, as the format did not change).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mlp.hpp"

namespace mlp {

inline constexpr std::uint32_t kModelFileVersion = 1;

struct ModelFile {
  MlpSpec spec;
  std::vector<float> params;
  std::string metadata;
};

std::vector<std::uint8_t> save_model(const MlpSpec& spec, std::span<const float> params,
                                     const std::string& metadata = "");
ModelFile load_model(std::span<const std::uint8_t> bytes);

// CRC-32 (IEEE 802.3, as zlib's crc32).
std::uint32_t crc32(std::span<const std::uint8_t> bytes);

}  // namespace mlp
