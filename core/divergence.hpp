#pragma once
// Divergence that never reaches NaN. At learning rates like 10 or 1000 a
// network's loss can climb to 1e19 and its weights to 1e29 while every number
// stays finite, and the run sits at chance accuracy with nothing said. The
// Trainer asks this monitor after every batch (the loss) and at the end of
// every slice (the weights); either finding stops the slice and restores it,
// exactly as a NaN does. The rule:
//   - the loss, smoothed over about ten batches (an exponential average with
//     weight 0.1), rises above 100 × its reference: the first batch's loss
//     after the weights were set, or the loss of a uniform prediction (ln k
//     for k classes) when that is higher — so a loaded model that starts at
//     0.01 is not called exploded at 1;
//   - the weights' root mean square rises above 1000 × its value when the
//     weights were set (taken as at least 0.01, for all-zero starts).
// Why these numbers: a sweep of 720 small runs (MNIST, two moons, circles;
// learning rates 1e-3 to 1e3; five activations; six optimizers) found no
// run at a learning rate of 0.1 or below that crosses either line; the runs
// that end well had weights at most 134 × their start, and the adaptive
// optimizers' first steps at rates of 1–10 make loss spikes of up to ~800 ×
// that recover — the smoothing lets a single batch trigger only beyond about
// 1000 ×. Every run at rate 10 or 1000 that ended at chance with its loss
// 100 × or its weights 1000 × above their start was caught; what remains at
// chance there are dead or oscillating networks with bounded weights, not
// explosions (tests/node/divergence.test.mjs).
#include <span>
#include <string>

namespace mlp {

class DivergenceMonitor {
 public:
  static constexpr double kLossFactor = 100.0;
  static constexpr double kSmoothing = 0.1;
  static constexpr double kWeightFactor = 1000.0;
  static constexpr double kMinWeightRms = 0.01;

  // `steps` names what after_batch is called for, in messages ("averaged
  // over recent batches"): "batches" for the Trainer, "steps" for per-example training.
  explicit DivergenceMonitor(const char* steps = "batches") : steps_(steps) {}

  // The weights were (re)set: new references. `uniform_loss` is the loss of
  // a uniform prediction (0 when the loss has none, e.g. MSE).
  void reset(std::span<const float> params, double uniform_loss);
  // After one batch with a finite loss: why training diverged, or "" if not.
  std::string after_batch(double loss);
  // The weights at the end of a slice: why training diverged (a non-finite
  // weight, or exploded weights), or "" if not.
  std::string check_weights(std::span<const float> params) const;

 private:
  const char* steps_;
  double uniform_loss_ = 0.0;
  double reference_ = -1.0;  // set by the first batch after reset
  double smoothed_ = 0.0;
  double weight_rms0_ = kMinWeightRms;
};

// A finite number in three significant digits, a non-finite one as JS writes it.
std::string short_number(double v);

}  // namespace mlp
