#include "dense.hpp"

#include <algorithm>

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

void dense_backward(ConstMatrixView x, ConstMatrixView w, ConstMatrixView a, MatrixView da, ActivationSpec act,
                    MatrixView dw, std::span<float> db, MatrixView* dx, GemmWorkspace& ws) {
  activation_backward(act, a, da);
  gemm(Trans::yes, Trans::no, x, da, dw, {}, ws);
  std::fill(db.begin(), db.end(), 0.0f);
  for (int i = 0; i < da.rows; ++i) {
    const float* row = da.row(i);
    for (int j = 0; j < da.cols; ++j) db[j] += row[j];
  }
  if (dx) gemm(Trans::no, Trans::yes, da, w, *dx, {}, ws);
}

}  // namespace mlp
