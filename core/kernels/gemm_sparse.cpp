#include "gemm_sparse.hpp"

#include "gemm_packed.hpp"  // apply_fused
#include "vec.hpp"

namespace mlp {

bool sparse_rows_of(ConstMatrixView a, std::size_t max_nonzeros, SparseRows& out) {
  // Sized for the most we accept, then written by position: no growth checks.
  out.start.resize(static_cast<std::size_t>(a.rows) + 1);
  if (out.index.size() < max_nonzeros + a.cols) out.index.resize(max_nonzeros + a.cols), out.value.resize(max_nonzeros + a.cols);
  std::size_t nnz = 0;
  for (int i = 0; i < a.rows; ++i) {
    out.start[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(nnz);
    if (nnz > max_nonzeros) return false;  // room for one more row remains
    const float* r = a.row(i);
    for (int k = 0; k < a.cols; ++k) {
      out.index[nnz] = k;
      out.value[nnz] = r[k];
      nnz += r[k] != 0.0f;
    }
  }
  out.start[static_cast<std::size_t>(a.rows)] = static_cast<std::int32_t>(nnz);
  return nnz <= max_nonzeros;
}

bool sparse_cols_of(ConstMatrixView a, std::size_t max_nonzeros, SparseRows& out) {
  // Count per column, prefix-sum into starts, then fill in row order.
  out.start.assign(static_cast<std::size_t>(a.cols) + 1, 0);
  std::size_t nnz = 0;
  for (int i = 0; i < a.rows && nnz <= max_nonzeros; ++i) {
    const float* r = a.row(i);
    for (int k = 0; k < a.cols; ++k) {
      const bool nonzero = r[k] != 0.0f;
      out.start[static_cast<std::size_t>(k) + 1] += nonzero;
      nnz += nonzero;
    }
  }
  if (nnz > max_nonzeros) return false;
  for (int k = 0; k < a.cols; ++k) out.start[static_cast<std::size_t>(k) + 1] += out.start[static_cast<std::size_t>(k)];
  if (out.index.size() < nnz) out.index.resize(nnz), out.value.resize(nnz);
  std::vector<std::int32_t>& fill = out.start;  // advance starts while filling, then shift back
  for (int i = 0; i < a.rows; ++i) {
    const float* r = a.row(i);
    for (int k = 0; k < a.cols; ++k)
      if (r[k] != 0.0f) {
        const auto at = static_cast<std::size_t>(fill[static_cast<std::size_t>(k)]++);
        out.index[at] = i;
        out.value[at] = r[k];
      }
  }
  for (int k = a.cols; k > 0; --k) fill[static_cast<std::size_t>(k)] = fill[static_cast<std::size_t>(k) - 1];
  fill[0] = 0;
  return true;
}

namespace {

// acc = C[r, j0 : j0 + NB·W] (or 0) + Σ v·B[s, same columns], then the epilogue.
template <class V, int NB>
void sparse_block(const SparseRows& s, std::int32_t first, std::int32_t last, ConstMatrixView b, float* crow, int j0,
                  const GemmEpilogue& ep) {
  constexpr int W = V::size;
  V acc[NB];
  for (int v = 0; v < NB; ++v) acc[v] = ep.accumulate ? V::load(crow + j0 + v * W) : V::zero();
  for (std::int32_t p = first; p < last; ++p) {
    const V a = V::splat(s.value[static_cast<std::size_t>(p)]);
    const float* brow = b.row(s.index[static_cast<std::size_t>(p)]) + j0;
    for (int v = 0; v < NB; ++v) acc[v] = fma(a, V::load(brow + v * W), acc[v]);
  }
  for (int v = 0; v < NB; ++v) {
    V x = acc[v];
    if (ep.bias) x = x + V::load(ep.bias + j0 + v * W);
    apply_fused(x, ep.act, ep.alpha).store(crow + j0 + v * W);
  }
}

}  // namespace

template <class V>
void sparse_times_dense(const SparseRows& s, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep) {
  constexpr int W = V::size;
  constexpr int NB = 8;  // vectors of C kept in registers across all of a row's nonzeros
  const int n = c.cols;
  for (int r = 0; r < c.rows; ++r) {
    const std::int32_t first = s.start[static_cast<std::size_t>(r)], last = s.start[static_cast<std::size_t>(r) + 1];
    float* crow = c.row(r);
    int j0 = 0;
    for (; j0 + NB * W <= n; j0 += NB * W) sparse_block<V, NB>(s, first, last, b, crow, j0, ep);
    for (; j0 + W <= n; j0 += W) sparse_block<V, 1>(s, first, last, b, crow, j0, ep);
    for (; j0 < n; ++j0) sparse_block<VecScalar, 1>(s, first, last, b, crow, j0, ep);
  }
}

template void sparse_times_dense<VecScalar>(const SparseRows&, ConstMatrixView, MatrixView, const GemmEpilogue&);
#if MLP_SIMD
template void sparse_times_dense<VecSimd>(const SparseRows&, ConstMatrixView, MatrixView, const GemmEpilogue&);
#endif

}  // namespace mlp
