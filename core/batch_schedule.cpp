#include "batch_schedule.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "errors.hpp"

namespace mlp {

BatchSchedule::BatchSchedule(int n, int batch_size, std::uint64_t seed) : rng_(seed) {
  require_in_range(n, 1, 1 << 24, "training set size");
  require_in_range(batch_size, 1, n, "batch_size");
  n_batches_ = n / batch_size;
  base_ = n / n_batches_;
  extra_ = n % n_batches_;
  order_.resize(static_cast<std::size_t>(n));
  std::iota(order_.begin(), order_.end(), 0);
}

void BatchSchedule::shuffle() {
  std::iota(order_.begin(), order_.end(), 0);
  rng_.shuffle(order_);
}

std::span<const std::int32_t> BatchSchedule::batch(int b) const {
  const int start = b * base_ + std::min(b, extra_);
  const int size = base_ + (b < extra_ ? 1 : 0);
  return std::span<const std::int32_t>(order_).subspan(static_cast<std::size_t>(start),
                                                        static_cast<std::size_t>(size));
}

}  // namespace mlp
