#pragma once
// The GEMM kernels on the shared thread pool. C = op(A)·op(B) is cut into
// whole rows or whole columns of C, one contiguous block per thread, and each
// block is the unchanged one-thread kernel on sub-views. An element of C is
// the same sum, in the same order, whichever thread computes it: bit-identical
// results for every thread count. Blocks start on multiples of the register
// tile, so even the tiles (and their ragged edges) are the one-thread tiles.
#include <cstddef>
#include <cstdint>

#include "gemm.hpp"
#include "gemm_packed.hpp"
#include "gemm_sparse.hpp"
#include "partition.hpp"

namespace mlp {

// Products below this many flops stay on one thread: a loop on the pool costs
// about a microsecond natively, a few in WASM, about what 1e5 flops take.
inline constexpr double kParallelMinFlops = 1e5;

enum class Split : std::uint8_t { rows, cols };

struct GemmPart {
  ConstMatrixView a, b;
  MatrixView c;
  GemmEpilogue ep;
};

// The product restricted to rows (or columns) r of C.
inline GemmPart gemm_part(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c,
                          const GemmEpilogue& ep, Split split, Range r) {
  GemmPart p{a, b, c, ep};
  if (split == Split::rows) {
    p.a = ta == Trans::no ? a.rows_slice(r.first, r.count) : a.cols_slice(r.first, r.count);
    p.c = c.rows_slice(r.first, r.count);
  } else {
    p.b = tb == Trans::no ? b.cols_slice(r.first, r.count) : b.rows_slice(r.first, r.count);
    p.c = c.cols_slice(r.first, r.count);
    if (ep.bias) p.ep.bias = ep.bias + r.first;
  }
  return p;
}

inline bool worth_sharing(int m, int n, int k) { return 2.0 * m * n * k >= kParallelMinFlops; }

template <class V, int MR, int NV>
void gemm_packed_parallel(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c,
                          const GemmEpilogue& ep, GemmWorkspace& ws) {
  check_gemm_shapes(ta, tb, a, b, c);
  ThreadPool& pool = shared_pool();
  const int m = c.rows, n = c.cols, k = ta == Trans::no ? a.cols : a.rows;
  // Every part packs all of op(A) when columns are split, all of op(B) when
  // rows are: split the longer side, so the smaller operand is the one copied twice.
  const Split split = m >= n ? Split::rows : Split::cols;
  const int extent = split == Split::rows ? m : n, tile = split == Split::rows ? MR : NV * V::size;
  const int parts = extent > tile && worth_sharing(m, n, k) ? pool.size() : 1;
  ws.ensure(parts);
  pool.run(parts, [&](int part) {
    const Range r = split_range(extent, parts, part, tile);
    if (r.count == 0) return;
    const GemmPart p = gemm_part(ta, tb, a, b, c, ep, split, r);
    gemm_packed<V, MR, NV>(ta, tb, p.a, p.b, p.c, p.ep, ws.parts[part]);
  });
}

// The sparse route (C = op(A)·B skipping A's zeros) on the pool: each thread
// lists the nonzeros of its rows of op(A), which are its rows of C; then, if
// all of A is sparse enough — the one-thread decision, on the total count —
// each multiplies its rows. Returns false, having changed nothing, otherwise.
template <class V>
bool sparse_parallel(Trans ta, ConstMatrixView a, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep,
                     GemmWorkspace& ws, double max_density) {
  check_gemm_shapes(ta, Trans::no, a, b, c);
  const auto limit = static_cast<std::size_t>(max_density * static_cast<double>(a.size()));
  ThreadPool& pool = shared_pool();
  const int m = c.rows, k = ta == Trans::no ? a.cols : a.rows;
  const int parts = m > 1 && worth_sharing(m, c.cols, k) ? pool.size() : 1;
  ws.ensure(parts);
  std::size_t counts[kMaxThreads] = {};
  bool listed[kMaxThreads] = {};
  pool.run(parts, [&](int part) {
    const Range r = split_range(m, parts, part, 1);
    SparseRows& s = ws.parts[part].sparse;
    listed[part] = ta == Trans::no ? sparse_rows_of(a.rows_slice(r.first, r.count), limit, s)
                                   : sparse_cols_of(a.cols_slice(r.first, r.count), limit, s);
    counts[part] = listed[part] ? static_cast<std::size_t>(s.start[static_cast<std::size_t>(r.count)]) : 0;
  });
  std::size_t total = 0;
  for (int part = 0; part < parts; ++part) {
    if (!listed[part]) return false;
    total += counts[part];
  }
  if (total > limit) return false;
  pool.run(parts, [&](int part) {
    const Range r = split_range(m, parts, part, 1);
    if (r.count > 0) sparse_times_dense<V>(ws.parts[part].sparse, b, c.rows_slice(r.first, r.count), ep);
  });
  return true;
}

}  // namespace mlp
