#pragma once
// Static partitions of an index range into parts for the thread pool. Each
// part is one contiguous block, in order, so an output element is always
// computed by exactly one thread with the same code as on one thread.
#include <algorithm>

#include "../thread_pool.hpp"

namespace mlp {

struct Range {
  int first = 0;
  int count = 0;
};

// Part t of `parts` of [0, n): boundaries on multiples of `align` (so tiles of
// `align` rows or columns are never cut), sizes within one `align` of each
// other (the spare whole units go to the last parts, which hold the ragged one).
inline Range split_range(int n, int parts, int t, int align) {
  const int units = (n + align - 1) / align;
  const int per = units / parts, extra = units % parts, plain = parts - extra;
  const int first_unit = t * per + std::max(0, t - plain);
  const int my_units = per + (t >= plain ? 1 : 0);
  const int first = std::min(n, first_unit * align);
  return {first, std::min(n, (first_unit + my_units) * align) - first};
}

// fn(first, count) over [0, n) cut into one part per thread of the shared
// pool, or in one call on this thread when n < min_parallel (too little work
// to share).
template <class Fn>
void parallel_ranges(int n, int align, int min_parallel, Fn&& fn) {
  ThreadPool& pool = shared_pool();
  const int parts = n < min_parallel ? 1 : pool.size();
  pool.run(parts, [&](int p) {
    const Range r = split_range(n, parts, p, align);
    if (r.count > 0) fn(r.first, r.count);
  });
}

}  // namespace mlp
