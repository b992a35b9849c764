#pragma once
// Reading the four MNIST IDX files from a folder (the CLI's only file I/O).
#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "idx.hpp"

namespace mlp::cli {

inline std::vector<std::uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

// prefix "train" or "t10k", as in the original file names.
inline Dataset load_mnist(const std::string& dir, const std::string& prefix) {
  const IdxImages im = parse_idx_images(read_file(dir + "/" + prefix + "-images-idx3-ubyte"));
  const IdxLabels lb = parse_idx_labels(read_file(dir + "/" + prefix + "-labels-idx1-ubyte"));
  check_idx_pair(im, lb);
  return Dataset::from_bytes(im.pixels, im.count, im.rows * im.cols, lb.labels, 10);
}

}  // namespace mlp::cli
