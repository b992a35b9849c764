#include "perceptron.hpp"

#include <cmath>
#include <string>

#include <numeric>

#include "dataset.hpp"
#include "errors.hpp"
#include "perceptron_steps.hpp"

namespace mlp {

int perceptron_predict(std::span<const float> w, const float* x, int n) {
  float z = w[0];
  for (int j = 0; j < n; ++j) z += w[static_cast<std::size_t>(j) + 1] * x[j];
  return z >= 0.0f ? 1 : 0;
}

std::vector<std::int32_t> perceptron_predict_rows(std::span<const float> w, ConstMatrixView x) {
  if (w.size() < 2 || x.cols != static_cast<int>(w.size()) - 1)
    fail_arg({"weights", "perceptron weights"}, "be 1 + the number of inputs (" + std::to_string(x.cols + 1) + ")", w.size());
  std::vector<std::int32_t> out(static_cast<std::size_t>(x.rows));
  for (int i = 0; i < x.rows; ++i) out[static_cast<std::size_t>(i)] = perceptron_predict(w, x.row(i), x.cols);
  return out;
}

PerceptronResult train_perceptron(ConstMatrixView x, std::span<const std::int32_t> y, float lr, int max_epochs) {
  require_in_range(max_epochs, 1, 1000000, "max_epochs");
  PerceptronStepper stepper(x, y, lr);  // checks the rate, the labels and their count
  PerceptronResult r;
  while (r.epochs < max_epochs && !r.converged) {
    int errors = 0;
    for (int i = 0; i < x.rows; ++i) errors += stepper.step().error != 0;
    r.errors.push_back(errors);
    ++r.epochs;
    r.converged = errors == 0;
  }
  const auto w = stepper.weights();
  r.weights.assign(w.begin(), w.end());
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
