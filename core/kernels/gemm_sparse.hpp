#pragma once
// GEMM that skips the zeros of A. MNIST batches are about 81% zeros (paper
// pixels), so the first layer's products X·W and Xᵀ·dZ do a fifth of the
// dense work this way. A's nonzeros are listed once per product (CSR for
// A·B, CSC for Aᵀ·B); both then reduce to the same kernel:
//   C[r, :] = Σ over the nonzeros (s, v) listed for r of  v · B[s, :]
// computed a register block of C's columns at a time.
// One difference from the dense product: a skipped zero of A times an Inf or
// NaN of B contributes 0, not NaN. Non-finite weights still surface through
// every example that uses them, and the trainer checks weights itself.
#include <cstdint>
#include <vector>

#include "../matrix.hpp"
#include "gemm.hpp"

namespace mlp {

// Rows of A (for A·B) or columns of A (for Aᵀ·B) as SparseRows, unless A has
// more than max_nonzeros nonzeros: then they return false as soon as they know
// (a dense A costs a partial scan, not a list). NaN counts as nonzero.
bool sparse_rows_of(ConstMatrixView a, std::size_t max_nonzeros, SparseRows& out);
bool sparse_cols_of(ConstMatrixView a, std::size_t max_nonzeros, SparseRows& out);

// C (rows × N) = S · B (+ C if accumulate) (+ bias, act); S's indices select rows of B.
template <class V>
void sparse_times_dense(const SparseRows& s, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep);

}  // namespace mlp
