#include "losses.hpp"

#include <cmath>
#include <string>

#include "enum_names.hpp"
#include "errors.hpp"

namespace mlp {
namespace {

void require_same_shape(ConstMatrixView a, ConstMatrixView b, const char* what) {
  if (a.rows != b.rows || a.cols != b.cols) {
    using std::to_string;
    throw InvalidArgument(std::string(what) + " must match the output shape " + to_string(a.rows) + "x" + to_string(a.cols) +
                          ", got " + to_string(b.rows) + "x" + to_string(b.cols));  // shapes the core itself built: a bug, no field
  }
}

}  // namespace

const char* loss_name(Loss l) {
  switch (l) {
    case Loss::softmax_cross_entropy: return "softmax_cross_entropy";
    case Loss::mse: return "mse";
    case Loss::binary_cross_entropy: return "binary_cross_entropy";
  }
  return "?";
}

Loss loss_from_name(std::string_view name) {
  return enum_from_name(name, kLosses, loss_name, "loss");
}

double uniform_prediction_loss(Loss loss, int outputs) {
  switch (loss) {
    case Loss::softmax_cross_entropy: return std::log(static_cast<double>(outputs));
    case Loss::binary_cross_entropy: return std::log(2.0);
    case Loss::mse: return 0.0;
  }
  return 0.0;
}

int argmax_row(ConstMatrixView m, int row) {
  const float* r = m.row(row);
  int best = 0;
  for (int j = 1; j < m.cols; ++j)
    if (r[j] > r[best]) best = j;
  return best;
}

double softmax_cross_entropy(ConstMatrixView logits, std::span<const std::int32_t> labels, MatrixView* grad) {
  if (static_cast<int>(labels.size()) != logits.rows)
    fail_arg("labels", "have one entry per row (" + std::to_string(logits.rows) + ")", labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] < 0 || labels[i] >= logits.cols)
      fail_arg({"labels", "label"}, "be in [0, " + std::to_string(logits.cols) + ")", labels[i]);
  if (grad) require_same_shape(logits, *grad, "gradient");
  const double inv_b = 1.0 / logits.rows;
  double total = 0.0;
  for (int i = 0; i < logits.rows; ++i) {
    const float* z = logits.row(i);
    float mx = z[0];
    for (int j = 1; j < logits.cols; ++j) mx = std::max(mx, z[j]);
    double sum = 0.0;
    for (int j = 0; j < logits.cols; ++j) sum += std::exp(static_cast<double>(z[j] - mx));
    const double log_sum = std::log(sum);
    total += log_sum - (z[labels[i]] - mx);
    if (grad) {
      float* g = grad->row(i);
      for (int j = 0; j < logits.cols; ++j)
        g[j] = static_cast<float>(std::exp(static_cast<double>(z[j] - mx) - log_sum) * inv_b);
      g[labels[i]] -= static_cast<float>(inv_b);
    }
  }
  return total * inv_b;
}

double mean_squared_error(ConstMatrixView pred, ConstMatrixView target, MatrixView* grad) {
  require_same_shape(pred, target, "targets");
  if (grad) require_same_shape(pred, *grad, "gradient");
  const double inv_n = 1.0 / (static_cast<double>(pred.rows) * pred.cols);
  double total = 0.0;
  for (int i = 0; i < pred.rows; ++i)
    for (int j = 0; j < pred.cols; ++j) {
      const double d = static_cast<double>(pred(i, j)) - target(i, j);
      total += d * d;
      if (grad) (*grad)(i, j) = static_cast<float>(2.0 * d * inv_n);
    }
  return total * inv_n;
}

double binary_cross_entropy(ConstMatrixView logits, ConstMatrixView target, MatrixView* grad) {
  require_same_shape(logits, target, "targets");
  if (grad) require_same_shape(logits, *grad, "gradient");
  const double inv_n = 1.0 / (static_cast<double>(logits.rows) * logits.cols);
  double total = 0.0;
  for (int i = 0; i < logits.rows; ++i)
    for (int j = 0; j < logits.cols; ++j) {
      const double z = logits(i, j), t = target(i, j);
      if (!(t >= 0.0 && t <= 1.0)) fail_arg({"targets", "binary target"}, "be in [0, 1]", t);
      total += std::max(z, 0.0) - z * t + std::log1p(std::exp(-std::abs(z)));
      if (grad) {
        const double s = z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
        (*grad)(i, j) = static_cast<float>((s - t) * inv_n);
      }
    }
  return total * inv_n;
}

}  // namespace mlp
