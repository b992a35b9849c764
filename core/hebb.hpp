#pragma once
// Hebb (1949): "when an axon of cell A ... repeatedly or persistently takes
// part in firing [cell B], ... A's efficiency, as one of the cells firing B,
// is increased": Δwᵢ = η xᵢ y. With 0/1 signals every term is ≥ 0, so the
// weights only ever grow, and nothing in the rule knows whether B's output
// was right. Rosenblatt's rule, Δwᵢ = η (y − ŷ) xᵢ, is driven by the error
// instead; hebb_vs_perceptron runs both on the same presentations.
#include <cstdint>
#include <span>
#include <vector>

#include "matrix.hpp"

namespace mlp {

// Δw = η x̂ y for the augmented input x̂ = (1, x₁, …, xₙ) and the output y.
std::vector<float> hebb_delta(std::span<const float> x_hat, float y, float learning_rate);

struct HebbVsPerceptron {
  int inputs = 0;  // n; weight vectors hold n + 1 values (w₀ first)
  // Per presentation k (rows presented in order, cycling):
  std::vector<std::int32_t> example;
  // Hebb's unit is taught by clamping its output to the target: y = label.
  std::vector<float> hebb_delta, hebb_weights;              // Δw and w after, (n + 1) per presentation
  std::vector<float> perceptron_delta, perceptron_weights;  // the same for Rosenblatt's rule
  std::vector<std::int32_t> perceptron_predicted;           // ŷ before its update
  // After each presentation, rows each unit classifies right with step(w·x̂), step(0) = 1.
  std::vector<std::int32_t> hebb_correct, perceptron_correct;
};

// Both rules from zero weights, `presentations` presentations of the rows of x (labels 0/1).
HebbVsPerceptron hebb_vs_perceptron(ConstMatrixView x, std::span<const std::int32_t> labels, float learning_rate,
                                    int presentations);

}  // namespace mlp
