#include "dense.hpp"

#include <algorithm>

#include "kernels/partition.hpp"

namespace mlp {

void dense_forward(ConstMatrixView x, ConstMatrixView w, std::span<const float> b, ActivationSpec act,
                   MatrixView a, GemmWorkspace& ws) {
  GemmEpilogue ep;
  ep.bias = b.data();
  if (act.kind == Activation::relu) ep.act = FusedAct::relu;
  if (act.kind == Activation::leaky_relu) ep.act = FusedAct::leaky_relu, ep.alpha = act.alpha;
  gemm(Trans::no, Trans::no, x, w, a, ep, ws);
  if (ep.act == FusedAct::none) activation_forward(act, a);
}

namespace {

// dZ = f'(A) ⊙ dA in place, and db = Σ_rows dZ (rows in order), for columns
// [first, first + count).
void activation_and_bias_grad(ActivationSpec act, ConstMatrixView a, MatrixView da, std::span<float> db, int first,
                              int count) {
  activation_backward(act, a.cols_slice(first, count), da.cols_slice(first, count));
  std::fill_n(db.begin() + first, count, 0.0f);
  for (int i = 0; i < da.rows; ++i) {
    const float* row = da.row(i);
    for (int j = first; j < first + count; ++j) db[static_cast<std::size_t>(j)] += row[j];
  }
}

// Below this many elements of dA, one thread does both.
constexpr int kParallelMinElements = 8192;

}  // namespace

void dense_backward(ConstMatrixView x, ConstMatrixView w, ConstMatrixView a, MatrixView da, ActivationSpec act,
                    MatrixView dw, std::span<float> db, MatrixView* dx, GemmWorkspace& ws) {
  if (act.kind == Activation::softmax) {  // its derivative mixes a row: not split by columns
    activation_and_bias_grad(act, a, da, db, 0, da.cols);
  } else {  // element-wise: whole columns per thread of the pool
    const int min_cols = (kParallelMinElements + std::max(da.rows, 1) - 1) / std::max(da.rows, 1);
    parallel_ranges(da.cols, 16, min_cols,
                    [&](int first, int count) { activation_and_bias_grad(act, a, da, db, first, count); });
  }
  gemm(Trans::yes, Trans::no, x, da, dw, {}, ws);
  if (dx) gemm(Trans::no, Trans::yes, da, w, *dx, {}, ws);
}

}  // namespace mlp
