#include "batch_schedule.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "errors.hpp"

namespace mlp {

BatchSchedule::BatchSchedule(int n, int batch_size, std::uint64_t seed) : n_(n), batch_size_(batch_size), rng_(seed) {
  require_in_range(n, 1, 1 << 24, {"data", "training set size"});
  require_in_range(batch_size, 1, n, "batch_size");
  split_ = split(0);
  order_.resize(static_cast<std::size_t>(n));
  std::iota(order_.begin(), order_.end(), 0);
}

BatchSchedule::Split BatchSchedule::split(int start) const {
  const int remaining = n_ - start;
  const int count = std::max(1, remaining / batch_size_);
  return {start, count, remaining / count, remaining % count};
}

int BatchSchedule::max_batch_size() const { return std::max(split_.largest(), split(0).largest()); }

void BatchSchedule::shuffle() {
  std::iota(order_.begin(), order_.end(), 0);
  rng_.shuffle(order_);
  first_ = 0;
  split_ = split(0);
}

int BatchSchedule::batch_start(int b) const {
  const int k = b - first_;
  return split_.start + k * split_.base + std::min(k, split_.extra);
}

std::span<const std::int32_t> BatchSchedule::batch(int b) const {
  require_in_range(b, first_, batches_per_epoch() - 1, {"", "batch index"});  // a caller bug: no field
  const int k = b - first_;
  const int size = split_.base + (k < split_.extra ? 1 : 0);
  return std::span<const std::int32_t>(order_).subspan(static_cast<std::size_t>(batch_start(b)),
                                                        static_cast<std::size_t>(size));
}

void BatchSchedule::set_batch_size(int batch_size, int next) {
  require_in_range(batch_size, 1, n_, "batch_size");
  require_in_range(next, next == 0 ? 0 : first_, batches_per_epoch() - 1, {"", "next batch"});  // a caller bug: no field
  const int start = next == 0 ? 0 : batch_start(next);
  batch_size_ = batch_size;
  first_ = next;
  split_ = split(start);
}

}  // namespace mlp
