#pragma once
// Rosenblatt's rule one example at a time, for the lesson that shows it
// working: every step reports the example, the prediction ŷ = step(w·x̂)
// (step(0) = 1), the error y − ŷ and the update Δw = η (y − ŷ) x̂, with the
// weights before and after. train_perceptron (perceptron.hpp) runs on the
// same stepper, so there is one implementation of the rule.
#include <cstdint>
#include <span>
#include <vector>

#include "matrix.hpp"

namespace mlp {

struct PerceptronStep {
  int epoch = 0;    // 0-based epoch this step belongs to
  int example = 0;  // row of the data presented
  std::vector<float> x_hat;  // (1, x₁, …, xₙ)
  float z = 0;               // w·x̂ before the update
  int predicted = 0;         // ŷ = step(z) = [z ≥ 0]
  int target = 0;            // y
  int error = 0;             // y − ŷ ∈ {−1, 0, 1}
  std::vector<float> before, delta, after;  // w, η (y − ŷ) x̂, w + Δw
  bool epoch_end = false;    // the last example of its epoch
  bool converged = false;    // ... and that epoch made no update
};

class PerceptronStepper {
 public:
  // x: rows × n features, labels 0/1, weights from `initial` (empty: zeros, n + 1 of them).
  PerceptronStepper(ConstMatrixView x, std::span<const std::int32_t> labels, float learning_rate,
                    std::span<const float> initial = {});

  PerceptronStep step();
  std::span<const float> weights() const { return w_; }
  int epoch() const { return epoch_; }
  // Every epoch run so far ended with updates, except possibly the last.
  bool converged() const { return converged_; }
  int examples() const { return x_.rows(); }

 private:
  Matrix x_;
  std::vector<std::int32_t> y_;
  float lr_;
  std::vector<float> w_;
  int next_ = 0, epoch_ = 0, updates_in_epoch_ = 0;
  bool converged_ = false;
};

// Steps from the initial weights until an epoch without updates (included)
// or `max_epochs` epochs.
std::vector<PerceptronStep> perceptron_walk(ConstMatrixView x, std::span<const std::int32_t> labels, float learning_rate,
                                            int max_epochs, std::span<const float> initial = {});

// On data that is not linearly separable the rule never stops, and with the
// examples in a fixed order its weights come back: the weight vector at the
// start of epoch `start + length` equals the one at the start of `start`
// (component-wise within 1e-4·η, so rounding of a fractional η does not hide
// a repeat), and from there the same epochs repeat forever.
struct PerceptronCycle {
  bool converged = false;      // an epoch without updates came first
  int epochs = 0;              // epochs run
  int start = -1, length = 0;  // the cycle in epochs, when found
  int updates_per_cycle = 0;
  // Weights at the start of every epoch run, epochs + 1 of them, (n + 1) each.
  std::vector<float> epoch_weights;
  // Weights after every step of one cycle, from the start of epoch `start`:
  // length · rows + 1 vectors, the last equal to the first.
  std::vector<float> cycle_path;
};

PerceptronCycle find_perceptron_cycle(ConstMatrixView x, std::span<const std::int32_t> labels, float learning_rate,
                                      int max_epochs);

}  // namespace mlp
