#pragma once
// The seed's `shuffle_batch`: every epoch draws a fresh permutation of the n
// examples and splits it into n // batch_size nearly equal batches, exactly as
// np.array_split does (the first n % n_batches batches get one extra example).
// batch_size 1 is SGD; batch_size n is batch gradient descent.
#include <cstdint>
#include <span>
#include <vector>

#include "rng.hpp"

namespace mlp {

class BatchSchedule {
 public:
  BatchSchedule(int n_examples, int batch_size, std::uint64_t seed);

  int batches_per_epoch() const { return n_batches_; }
  int max_batch_size() const { return base_ + (extra_ > 0 ? 1 : 0); }
  // Draws the next epoch's permutation.
  void shuffle();
  // Example indices of batch b (0 ≤ b < batches_per_epoch) of the current permutation.
  std::span<const std::int32_t> batch(int b) const;
  std::span<const std::int32_t> order() const { return order_; }

 private:
  int n_batches_, base_, extra_;
  std::vector<std::int32_t> order_;
  Rng rng_;
};

}  // namespace mlp
