#pragma once
// A training set held the compact way: features as float32 or as bytes
// (MNIST pixels, scaled by 1/255 only when a batch is gathered, so 60,000
// images cost 47 MB instead of 188 MB), and either class labels or a matrix
// of targets.
#include <cstdint>
#include <span>
#include <vector>

#include "aligned_buffer.hpp"
#include "matrix.hpp"

namespace mlp {

class Dataset {
 public:
  // Classification sets. Labels must lie in [0, classes).
  static Dataset from_floats(std::span<const float> x, int rows, int cols, std::span<const std::int32_t> labels,
                             int classes);
  static Dataset from_bytes(std::span<const std::uint8_t> x, int rows, int cols,
                            std::span<const std::int32_t> labels, int classes);
  // Regression / binary sets: targets is rows × target_cols.
  static Dataset with_targets(std::span<const float> x, int rows, int cols, std::span<const float> targets,
                              int target_cols);

  int size() const { return rows_; }
  int features() const { return cols_; }
  bool has_labels() const { return classes_ > 0; }
  int classes() const { return classes_; }
  int target_cols() const { return target_cols_; }
  std::span<const std::int32_t> labels() const { return labels_; }

  // Rows `idx` into x (idx.size() × features), their labels or targets alongside.
  void gather(std::span<const std::int32_t> idx, MatrixView x, std::int32_t* labels, MatrixView* targets) const;
  // Rows [first, first+count), copied.
  Dataset slice(int first, int count) const;
  float feature(int row, int col) const;
  // Rows [first, first+count) of features, scaled (bytes / 255), row-major.
  std::vector<float> feature_rows(int first, int count) const;

 private:
  Dataset() = default;
  static constexpr int kGatherMinElements = 16384;  // fewer are gathered on one thread
  void gather_rows(std::span<const std::int32_t> idx, int first, int count, MatrixView x, std::int32_t* labels,
                   MatrixView* targets) const;
  int rows_ = 0, cols_ = 0, classes_ = 0, target_cols_ = 0;
  AlignedBuffer<float> xf_;
  AlignedBuffer<std::uint8_t> xb_;
  std::vector<std::int32_t> labels_;
  std::vector<float> targets_;
};

}  // namespace mlp
