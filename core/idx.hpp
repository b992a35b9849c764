#pragma once
// The IDX format MNIST ships in (LeCun): a big-endian header — magic number,
// then one 32-bit size per dimension — followed by unsigned bytes.
//   images: magic 2051 (0x00000803), count, rows, cols, then count·rows·cols pixels
//   labels: magic 2049 (0x00000801), count, then count labels
// Everything is checked before anything is returned, and a bad file says what
// is wrong with it.
#include <cstdint>
#include <span>
#include <vector>

namespace mlp {

struct IdxImages {
  int count = 0, rows = 0, cols = 0;
  std::vector<std::uint8_t> pixels;  // count × rows × cols, row-major
};

struct IdxLabels {
  std::vector<std::int32_t> labels;
};

IdxImages parse_idx_images(std::span<const std::uint8_t> bytes);
// Labels must lie in [0, classes).
IdxLabels parse_idx_labels(std::span<const std::uint8_t> bytes, int classes = 10);
// Images and labels must describe the same number of examples.
void check_idx_pair(const IdxImages& images, const IdxLabels& labels);

// Writers, for tests and tools.
std::vector<std::uint8_t> write_idx_images(const IdxImages& images);
std::vector<std::uint8_t> write_idx_labels(const IdxLabels& labels);

}  // namespace mlp
