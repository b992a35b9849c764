#include "perceptron.hpp"

#include <cmath>
#include <string>

#include <numeric>

#include "dataset.hpp"
#include "errors.hpp"

namespace mlp {

int perceptron_predict(std::span<const float> w, const float* x, int n) {
  float z = w[0];
  for (int j = 0; j < n; ++j) z += w[static_cast<std::size_t>(j) + 1] * x[j];
  return z >= 0.0f ? 1 : 0;
}

std::vector<std::int32_t> perceptron_predict_rows(std::span<const float> w, ConstMatrixView x) {
  if (w.size() < 2 || x.cols != static_cast<int>(w.size()) - 1)
    fail_arg("perceptron weights", "be 1 + the number of inputs (" + std::to_string(x.cols + 1) + ")", w.size());
  std::vector<std::int32_t> out(static_cast<std::size_t>(x.rows));
  for (int i = 0; i < x.rows; ++i) out[static_cast<std::size_t>(i)] = perceptron_predict(w, x.row(i), x.cols);
  return out;
}

PerceptronResult train_perceptron(ConstMatrixView x, std::span<const std::int32_t> y, float lr, int max_epochs) {
  require_positive_finite(lr, "learning_rate");
  require_in_range(max_epochs, 1, 1000000, "max_epochs");
  require_in_range(x.rows, 1, 1 << 24, "examples");
  if (y.size() != static_cast<std::size_t>(x.rows))
    fail_arg("labels length", "equal the examples (" + std::to_string(x.rows) + ")", y.size());
  for (std::size_t i = 0; i < y.size(); ++i)
    if (y[i] != 0 && y[i] != 1) fail_arg("label " + std::to_string(i), "be 0 or 1", y[i]);

  PerceptronResult r;
  r.weights.assign(static_cast<std::size_t>(x.cols) + 1, 0.0f);
  while (r.epochs < max_epochs && !r.converged) {
    int errors = 0;
    for (int i = 0; i < x.rows; ++i) {
      const int err = y[static_cast<std::size_t>(i)] - perceptron_predict(r.weights, x.row(i), x.cols);
      if (err == 0) continue;
      ++errors;
      r.weights[0] += lr * static_cast<float>(err);
      for (int j = 0; j < x.cols; ++j) r.weights[static_cast<std::size_t>(j) + 1] += lr * err * x(i, j);
    }
    r.errors.push_back(errors);
    ++r.epochs;
    r.converged = errors == 0;
  }
  return r;
}

}  // namespace mlp

namespace mlp {

PerceptronResult train_perceptron(const Dataset& data, float learning_rate, int max_epochs) {
  Matrix x(data.size(), data.features());
  std::vector<std::int32_t> idx(static_cast<std::size_t>(data.size())), y(idx.size());
  std::iota(idx.begin(), idx.end(), 0);
  data.gather(idx, x, y.data(), nullptr);
  return train_perceptron(x, y, learning_rate, max_epochs);
}

}  // namespace mlp
