#include "perceptron_steps.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "errors.hpp"

namespace mlp {

PerceptronStepper::PerceptronStepper(ConstMatrixView x, std::span<const std::int32_t> labels, float learning_rate,
                                     std::span<const float> initial)
    : lr_(learning_rate) {
  require_positive_finite(learning_rate, "learning_rate");
  require_in_range(x.rows, 1, 1 << 24, {"x", "examples"});
  require_in_range(x.cols, 1, 1 << 12, {"x", "features"});
  if (labels.size() != static_cast<std::size_t>(x.rows))
    fail_arg({"labels", "labels length"}, "equal the examples (" + std::to_string(x.rows) + ")", labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] != 0 && labels[i] != 1)
      fail_arg({"labels[" + std::to_string(i) + "]", "label " + std::to_string(i)}, "be 0 or 1", labels[i]);
  const std::size_t n = static_cast<std::size_t>(x.cols) + 1;
  if (!initial.empty() && initial.size() != n)
    fail_arg({"weights", "initial weights length"}, "be 1 + the number of inputs (" + std::to_string(n) + ")", initial.size());
  for (float w : initial) require(std::isfinite(w), {"weights", "initial weights"}, "be finite", w);
  x_ = Matrix(x.rows, x.cols);
  for (int i = 0; i < x.rows; ++i) std::copy(x.row(i), x.row(i) + x.cols, x_.data() + static_cast<std::size_t>(i) * x.cols);
  y_.assign(labels.begin(), labels.end());
  w_.assign(n, 0.0f);
  std::copy(initial.begin(), initial.end(), w_.begin());
}

PerceptronStep PerceptronStepper::step() {
  PerceptronStep s;
  const int i = next_, n = x_.cols();
  s.epoch = epoch_;
  s.example = i;
  s.x_hat.resize(static_cast<std::size_t>(n) + 1);
  s.x_hat[0] = 1.0f;
  for (int j = 0; j < n; ++j) s.x_hat[static_cast<std::size_t>(j) + 1] = x_(i, j);
  // The same sum, in the same order, as perceptron_predict: w₀ + Σ wⱼ xⱼ.
  float z = w_[0];
  for (int j = 0; j < n; ++j) z += w_[static_cast<std::size_t>(j) + 1] * x_(i, j);
  s.z = z;
  s.predicted = z >= 0.0f ? 1 : 0;
  s.target = y_[static_cast<std::size_t>(i)];
  s.error = s.target - s.predicted;
  s.before = w_;
  s.delta.resize(w_.size());
  for (std::size_t j = 0; j < w_.size(); ++j) {
    s.delta[j] = lr_ * static_cast<float>(s.error) * s.x_hat[j];
    w_[j] += s.delta[j];
  }
  s.after = w_;
  updates_in_epoch_ += s.error != 0;
  if (++next_ == x_.rows()) {
    s.epoch_end = true;
    s.converged = converged_ = updates_in_epoch_ == 0;
    next_ = 0;
    updates_in_epoch_ = 0;
    ++epoch_;
  }
  return s;
}

std::vector<PerceptronStep> perceptron_walk(ConstMatrixView x, std::span<const std::int32_t> labels, float learning_rate,
                                            int max_epochs, std::span<const float> initial) {
  require_in_range(max_epochs, 1, 100000, "max_epochs");
  PerceptronStepper stepper(x, labels, learning_rate, initial);
  // Bounded so one answer stays small enough to send to a page.
  require_in_range(static_cast<long long>(max_epochs) * x.rows, 1, 1 << 20, {"max_epochs", "steps (max_epochs × examples)"});
  std::vector<PerceptronStep> steps;
  while (stepper.epoch() < max_epochs) {
    steps.push_back(stepper.step());
    if (steps.back().converged) break;
  }
  return steps;
}

PerceptronCycle find_perceptron_cycle(ConstMatrixView x, std::span<const std::int32_t> labels, float learning_rate,
                                      int max_epochs) {
  require_in_range(max_epochs, 1, 100000, "max_epochs");
  PerceptronStepper stepper(x, labels, learning_rate);
  const std::size_t n = static_cast<std::size_t>(x.cols) + 1;
  const float tol = 1e-4f * learning_rate;
  PerceptronCycle c;
  const auto at = [&](int epoch) { return c.epoch_weights.begin() + static_cast<std::ptrdiff_t>(epoch * n); };
  const auto w0 = stepper.weights();
  c.epoch_weights.assign(w0.begin(), w0.end());
  while (c.epochs < max_epochs && c.start < 0) {
    bool converged = false;
    for (int i = 0; i < x.rows; ++i) converged = stepper.step().converged;
    ++c.epochs;
    const auto w = stepper.weights();
    c.epoch_weights.insert(c.epoch_weights.end(), w.begin(), w.end());
    if (converged) {
      c.converged = true;
      return c;
    }
    for (int e = 0; e < c.epochs; ++e) {
      const bool same = std::equal(w.begin(), w.end(), at(e), [&](float a, float b) { return std::abs(a - b) <= tol; });
      if (same) {
        c.start = e;
        c.length = c.epochs - e;
        break;
      }
    }
  }
  if (c.start < 0) return c;
  // Replay one cycle from its first epoch's weights to record every step.
  PerceptronStepper replay(x, labels, learning_rate, std::span<const float>(&*at(c.start), n));
  c.cycle_path.assign(at(c.start), at(c.start) + static_cast<std::ptrdiff_t>(n));
  for (int k = 0; k < c.length * x.rows; ++k) {
    const PerceptronStep s = replay.step();
    c.updates_per_cycle += s.error != 0;
    c.cycle_path.insert(c.cycle_path.end(), s.after.begin(), s.after.end());
  }
  return c;
}

}  // namespace mlp
