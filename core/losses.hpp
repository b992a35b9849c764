#pragma once
// Losses, each the mean over the batch, returning the loss (accumulated in
// double) and writing dL/d(output) for backpropagation when `grad` is given.
#include <cstdint>
#include <span>
#include <string_view>

#include "matrix.hpp"

namespace mlp {

enum class Loss : std::uint8_t { softmax_cross_entropy, mse, binary_cross_entropy };

inline constexpr Loss kLosses[] = {Loss::softmax_cross_entropy, Loss::mse, Loss::binary_cross_entropy};

Loss loss_from_name(std::string_view name);
const char* loss_name(Loss l);

// tf.nn.sparse_softmax_cross_entropy_with_logits + reduce_mean:
// L = mean_i [ logsumexp(z_i) − z_i[y_i] ],  dL/dz = (softmax(z) − onehot(y)) / B.
// Labels must lie in [0, cols); checked before anything is written.
double softmax_cross_entropy(ConstMatrixView logits, std::span<const std::int32_t> labels, MatrixView* grad);

// L = mean over all B×N elements of (p − t)²  (Keras' MSE), dL/dp = 2(p − t)/(B·N).
double mean_squared_error(ConstMatrixView pred, ConstMatrixView target, MatrixView* grad);

// From logits, the stable form: L = mean[max(z,0) − z·t + log(1 + e^−|z|)],
// dL/dz = (σ(z) − t)/(B·N). Targets in [0, 1].
double binary_cross_entropy(ConstMatrixView logits, ConstMatrixView target, MatrixView* grad);

// The loss of a uniform prediction (all logits 0) for `outputs` outputs:
// ln(outputs) for softmax cross-entropy, ln 2 for binary cross-entropy, and
// 0 for MSE, whose value depends on the targets' scale.
double uniform_prediction_loss(Loss loss, int outputs);

// Row-wise argmax; ties go to the lowest index.
int argmax_row(ConstMatrixView m, int row);

}  // namespace mlp
