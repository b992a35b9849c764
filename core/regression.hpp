#pragma once
// The seed's gradient-descent lesson (Géron ch. 4): linear regression
// y ≈ θ₀ + θ₁x under MSE, solved exactly by the normal equation and walked
// by batch GD (b = m), SGD (b = 1) and mini-batch GD (b in between), each
// epoch reshuffled and split like the seed's shuffle_batch. The gradient on a
// batch B is (2/|B|) Σ_{i∈B} (θ₀ + θ₁xᵢ − yᵢ)·(1, xᵢ); the step is taken by the
// same Optimizer that trains networks.
#include <cstdint>
#include <span>
#include <vector>

#include "batch_schedule.hpp"
#include "optimizers.hpp"
#include "surfaces.hpp"

namespace mlp {

struct LinearData {
  std::vector<double> x, y;
};

// Throws unless x and y have the same length, at least 2, and are all finite
// (one NaN would make every sum NaN: a singular-looking system, a NaN grid).
void check_linear_data(const LinearData& d);
// x ~ U(0, 2), y = intercept + slope·x + noise·N(0, 1), from our Rng.
LinearData make_linear_data(int m, double intercept, double slope, double noise, std::uint64_t seed);
// The least-squares optimum (θ₀, θ₁) = (XᵀX)⁻¹Xᵀy; throws if all x are equal.
Point2 normal_equation(const LinearData& d);
double regression_mse(const LinearData& d, double theta0, double theta1);
// MSE on an nx × ny grid of (θ₀, θ₁) over `b`, row-major from (x0, y0).
std::vector<float> regression_grid(const LinearData& d, const Bounds2& b, int nx, int ny);

// Géron's learning schedule η(t) = t0 / (t + t1), t counting steps.
struct LearningSchedule {
  bool enabled = false;
  double t0 = 5.0, t1 = 50.0;
};

struct RegressionStep {
  double theta0, theta1;
  double loss;               // full-data MSE after the step
  std::int64_t examples;     // examples processed so far (the cost side)
  int epoch;                 // epochs completed
};

class RegressionWalk {
 public:
  RegressionWalk(LinearData data, int batch_size, const OptimizerConfig& optimizer, const LearningSchedule& schedule,
                 Point2 start, std::uint64_t shuffle_seed);
  // Up to `steps` more parameter updates.
  std::vector<RegressionStep> run(int steps);
  // The example indices each update used, in order (for tests and display).
  const std::vector<std::int32_t>& visited() const { return visited_; }
  bool diverged() const { return diverged_; }
  int batches_per_epoch() const { return schedule_.batches_per_epoch(); }

 private:
  LinearData data_;
  BatchSchedule schedule_;
  Optimizer opt_;
  LearningSchedule lr_schedule_;
  float theta_[2];
  int batch_ = 0, epoch_ = 0;
  std::int64_t examples_ = 0;
  std::vector<std::int32_t> visited_;
  bool diverged_ = false;
};

}  // namespace mlp
