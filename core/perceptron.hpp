#pragma once
// Rosenblatt's perceptron (1957): a step unit over the augmented input
// x̂ = (1, x₁, …, xₙ), trained example by example with
//   w ← w + η (y − ŷ) x̂,   ŷ = step(w·x̂) = [w·x̂ ≥ 0].
// By the convergence theorem it stops on linearly separable data (an epoch
// without a single error) and never does on XOR.
#include <cstdint>
#include <span>
#include <vector>

#include "matrix.hpp"

namespace mlp {

class Dataset;

struct PerceptronResult {
  std::vector<float> weights;      // w₀ (the bias) first, then one per input
  std::vector<int> errors;         // misclassified examples in each epoch run
  int epochs = 0;
  bool converged = false;
};

// Labels are 0/1. Weights start at zero; examples are visited in order.
PerceptronResult train_perceptron(ConstMatrixView x, std::span<const std::int32_t> y, float learning_rate,
                                  int max_epochs);

// The same on a classification Dataset with labels 0/1.
PerceptronResult train_perceptron(const Dataset& data, float learning_rate, int max_epochs);

int perceptron_predict(std::span<const float> weights, const float* x, int n_inputs);
// One prediction per row of x (x.cols must be weights.size() − 1).
std::vector<std::int32_t> perceptron_predict_rows(std::span<const float> weights, ConstMatrixView x);

}  // namespace mlp
