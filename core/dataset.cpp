#include "dataset.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "errors.hpp"
#include "kernels/partition.hpp"
#include "sizes.hpp"

namespace mlp {
namespace {

// `n` values given for rows × cols, compared in 64 bits (a 32-bit product
// can wrap to the given length and let a later gather overrun the buffer).
void check_shape(std::size_t n, int rows, int cols, const Field& values, const Field& cols_field) {
  require_in_range(rows, 1, 1 << 24, "rows");
  require_in_range(cols, 1, 1 << 16, cols_field);
  const std::uint64_t want = std::uint64_t{static_cast<std::uint32_t>(rows)} * static_cast<std::uint32_t>(cols);
  if (n != want) fail_arg(values, "be rows × " + std::string(cols_field.label) + " = " + std::to_string(want), n);
}

void check_labels(std::span<const std::int32_t> labels, int rows, int classes) {
  require_in_range(classes, 2, 1 << 16, "classes");
  if (labels.size() != static_cast<std::size_t>(rows))
    fail_arg({"labels", "labels length"}, "equal the rows (" + std::to_string(rows) + ")", labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] < 0 || labels[i] >= classes)
      fail_arg({"labels[" + std::to_string(i) + "]", "label " + std::to_string(i)},
               "be in [0, " + std::to_string(classes) + ")", labels[i]);
}

void check_finite(std::span<const float> v, const char* id, const char* label) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!std::isfinite(v[i]))
      fail_arg({std::string(id) + "[" + std::to_string(i) + "]", std::string(label) + " " + std::to_string(i)},
               "be finite", v[i]);
}

const Field kFeatures{"features", "features length"};
const Field kCols{"cols", "cols"};

}  // namespace

Dataset Dataset::from_floats(std::span<const float> x, int rows, int cols, std::span<const std::int32_t> labels,
                             int classes) {
  check_shape(x.size(), rows, cols, kFeatures, kCols);
  check_labels(labels, rows, classes);
  check_finite(x, "features", "feature");
  Dataset d;
  d.rows_ = rows, d.cols_ = cols, d.classes_ = classes;
  d.xf_ = AlignedBuffer<float>(x.size());
  std::copy(x.begin(), x.end(), d.xf_.begin());
  d.labels_.assign(labels.begin(), labels.end());
  return d;
}

Dataset Dataset::from_bytes(std::span<const std::uint8_t> x, int rows, int cols,
                            std::span<const std::int32_t> labels, int classes) {
  check_shape(x.size(), rows, cols, kFeatures, kCols);
  check_labels(labels, rows, classes);
  Dataset d;
  d.rows_ = rows, d.cols_ = cols, d.classes_ = classes;
  d.xb_ = AlignedBuffer<std::uint8_t>(x.size());
  std::copy(x.begin(), x.end(), d.xb_.begin());
  d.labels_.assign(labels.begin(), labels.end());
  return d;
}

Dataset Dataset::with_targets(std::span<const float> x, int rows, int cols, std::span<const float> targets,
                              int target_cols) {
  check_shape(x.size(), rows, cols, kFeatures, kCols);
  check_shape(targets.size(), rows, target_cols, {"targets", "targets length"}, {"target_cols", "target_cols"});
  check_finite(x, "features", "feature");
  check_finite(targets, "targets", "target");
  Dataset d;
  d.rows_ = rows, d.cols_ = cols, d.target_cols_ = target_cols;
  d.xf_ = AlignedBuffer<float>(x.size());
  std::copy(x.begin(), x.end(), d.xf_.begin());
  d.targets_.assign(targets.begin(), targets.end());
  return d;
}

float Dataset::feature(int row, int col) const {
  const std::size_t at = static_cast<std::size_t>(row) * cols_ + col;
  return xb_.empty() ? xf_[at] : xb_[at] * (1.0f / 255.0f);
}

void Dataset::gather(std::span<const std::int32_t> idx, MatrixView x, std::int32_t* labels,
                     MatrixView* targets) const {
  // Rows are independent copies: a batch of images (50 × 784 from 47 MB of
  // pixels, mostly cache misses) is shared among the pool's threads.
  const int rows = static_cast<int>(idx.size());
  parallel_ranges(rows, 1, std::max(2, kGatherMinElements / std::max(cols_, 1)), [&](int first, int count) {
    gather_rows(idx, first, count, x, labels, targets);
  });
}

void Dataset::gather_rows(std::span<const std::int32_t> idx, int first, int count, MatrixView x,
                          std::int32_t* labels, MatrixView* targets) const {
  for (std::size_t r = static_cast<std::size_t>(first); r < static_cast<std::size_t>(first + count); ++r) {
    const std::size_t src = static_cast<std::size_t>(idx[r]) * cols_;
    float* dst = x.row(static_cast<int>(r));
    if (xb_.empty()) {
      std::copy_n(xf_.data() + src, cols_, dst);
    } else {
      const std::uint8_t* s = xb_.data() + src;
      for (int j = 0; j < cols_; ++j) dst[j] = s[j] * (1.0f / 255.0f);
    }
    if (labels && has_labels()) labels[r] = labels_[idx[r]];
    if (targets && target_cols_ > 0)
      std::copy_n(targets_.data() + static_cast<std::size_t>(idx[r]) * target_cols_, target_cols_,
                  targets->row(static_cast<int>(r)));
  }
}

std::vector<float> Dataset::feature_rows(int first, int count) const {
  require_in_range(first, 0, rows_ - 1, {"first", "first row"});
  require_in_range(count, 1, rows_ - first, {"count", "row count"});
  // Floats from a byte set take 4× its memory: checked like any request.
  std::vector<float> out(checked_elements(static_cast<std::uint32_t>(count), static_cast<std::uint32_t>(cols_),
                                          sizeof(float), {"count", "row count"}, "the rows"));
  std::vector<std::int32_t> idx(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) idx[static_cast<std::size_t>(i)] = first + i;
  gather(idx, MatrixView(out.data(), count, cols_), nullptr, nullptr);
  return out;
}

Dataset Dataset::slice(int first, int count) const {
  require_in_range(first, 0, rows_ - 1, {"first", "slice start"});
  require_in_range(count, 1, rows_ - first, {"count", "slice count"});
  Dataset d;
  d.rows_ = count, d.cols_ = cols_, d.classes_ = classes_, d.target_cols_ = target_cols_;
  const std::size_t a = static_cast<std::size_t>(first) * cols_, n = static_cast<std::size_t>(count) * cols_;
  if (xb_.empty()) {
    d.xf_ = AlignedBuffer<float>(n);
    std::copy_n(xf_.data() + a, n, d.xf_.data());
  } else {
    d.xb_ = AlignedBuffer<std::uint8_t>(n);
    std::copy_n(xb_.data() + a, n, d.xb_.data());
  }
  if (has_labels()) d.labels_.assign(labels_.begin() + first, labels_.begin() + first + count);
  if (target_cols_ > 0)
    d.targets_.assign(targets_.begin() + static_cast<std::ptrdiff_t>(first) * target_cols_,
                      targets_.begin() + static_cast<std::ptrdiff_t>(first + count) * target_cols_);
  return d;
}

}  // namespace mlp
