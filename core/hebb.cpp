#include "hebb.hpp"

#include <string>

#include "errors.hpp"
#include "perceptron.hpp"
#include "perceptron_steps.hpp"

namespace mlp {

std::vector<float> hebb_delta(std::span<const float> x_hat, float y, float learning_rate) {
  std::vector<float> d(x_hat.size());
  for (std::size_t j = 0; j < x_hat.size(); ++j) d[j] = learning_rate * x_hat[j] * y;
  return d;
}

namespace {

int count_correct(std::span<const float> w, ConstMatrixView x, std::span<const std::int32_t> labels) {
  int correct = 0;
  for (int i = 0; i < x.rows; ++i) correct += perceptron_predict(w, x.row(i), x.cols) == labels[static_cast<std::size_t>(i)];
  return correct;
}

}  // namespace

HebbVsPerceptron hebb_vs_perceptron(ConstMatrixView x, std::span<const std::int32_t> labels, float learning_rate,
                                    int presentations) {
  require_in_range(presentations, 1, 10000, "presentations");
  PerceptronStepper rosenblatt(x, labels, learning_rate);  // checks the rate, the labels and their count
  HebbVsPerceptron r;
  r.inputs = x.cols;
  std::vector<float> hebb(static_cast<std::size_t>(x.cols) + 1, 0.0f);
  for (int k = 0; k < presentations; ++k) {
    const PerceptronStep s = rosenblatt.step();
    const std::vector<float> d = hebb_delta(s.x_hat, static_cast<float>(s.target), learning_rate);
    for (std::size_t j = 0; j < hebb.size(); ++j) hebb[j] += d[j];
    r.example.push_back(s.example);
    r.hebb_delta.insert(r.hebb_delta.end(), d.begin(), d.end());
    r.hebb_weights.insert(r.hebb_weights.end(), hebb.begin(), hebb.end());
    r.perceptron_delta.insert(r.perceptron_delta.end(), s.delta.begin(), s.delta.end());
    r.perceptron_weights.insert(r.perceptron_weights.end(), s.after.begin(), s.after.end());
    r.perceptron_predicted.push_back(s.predicted);
    r.hebb_correct.push_back(count_correct(hebb, x, labels));
    r.perceptron_correct.push_back(count_correct(s.after, x, labels));
  }
  return r;
}

}  // namespace mlp
