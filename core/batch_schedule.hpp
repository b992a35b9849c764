#pragma once
// The seed's `shuffle_batch`: every epoch draws a fresh permutation of the n
// examples and splits it into n // batch_size nearly equal batches, exactly as
// np.array_split does (the first n % n_batches batches get one extra example).
// batch_size 1 is SGD; batch_size n is batch gradient descent.
//
// The batch size may change mid-epoch: the examples of the permutation not
// yet handed out are split np.array_split-style into max(1, remaining //
// batch_size) batches, and every later epoch uses the new size. So each epoch
// still visits every example exactly once, and the result depends only on the
// seed and on where the change happened.
#include <cstdint>
#include <span>
#include <vector>

#include "rng.hpp"

namespace mlp {

class BatchSchedule {
 public:
  BatchSchedule(int n_examples, int batch_size, std::uint64_t seed);

  int batch_size() const { return batch_size_; }
  // Batches in the current epoch (including any handed out before a resize).
  int batches_per_epoch() const { return first_ + split_.count; }
  // Batches in a whole epoch at the current batch size (the next epoch's count).
  int batches_per_full_epoch() const { return split(0).count; }
  // The largest batch this epoch or any later one can hand out.
  int max_batch_size() const;
  // Draws the next epoch's permutation and splits it by the batch size.
  void shuffle();
  // Example indices of batch b (0 ≤ b < batches_per_epoch) of the current permutation.
  // Batches before a mid-epoch resize are no longer available (b must be ≥ the resize point).
  std::span<const std::int32_t> batch(int b) const;
  std::span<const std::int32_t> order() const { return order_; }
  // A new batch size from batch `next` of the current epoch on (0 ≤ next <
  // batches_per_epoch; 0 re-splits the whole epoch). Checked first.
  void set_batch_size(int batch_size, int next);

 private:
  // Examples [start, n) cut np.array_split-style into `count` batches.
  struct Split {
    int start, count, base, extra;
    int largest() const { return base + (extra > 0 ? 1 : 0); }
  };
  Split split(int start) const;
  int batch_start(int b) const;

  int n_, batch_size_;
  int first_ = 0;  // index of split_'s first batch within the epoch
  Split split_{};
  std::vector<std::int32_t> order_;
  Rng rng_;
};

}  // namespace mlp
