#pragma once
// A fully connected layer, forward and backward, on one batch.
//   forward:  A (B×N) = f(X (B×K) · W (K×N) + b (N))
//   backward: dZ = f'(A) ⊙ dA;  dW = Xᵀ·dZ;  db = Σ_rows dZ;  dX = dZ·Wᵀ
#include <span>

#include "activations.hpp"
#include "kernels/gemm.hpp"
#include "matrix.hpp"

namespace mlp {

void dense_forward(ConstMatrixView x, ConstMatrixView w, std::span<const float> b, ActivationSpec act,
                   MatrixView a, GemmWorkspace& ws);

// `da` holds dL/dA on entry and dL/dZ on return. `dx` may be null (first layer).
void dense_backward(ConstMatrixView x, ConstMatrixView w, ConstMatrixView a, MatrixView da, ActivationSpec act,
                    MatrixView dw, std::span<float> db, MatrixView* dx, GemmWorkspace& ws);

}  // namespace mlp
