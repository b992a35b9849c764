#include "regression.hpp"

#include <cmath>
#include <string>

#include "errors.hpp"
#include "rng.hpp"

namespace mlp {

LinearData make_linear_data(int m, double intercept, double slope, double noise, std::uint64_t seed) {
  require_in_range(m, 2, 100000, {"m", "examples"});
  require(std::isfinite(noise) && noise >= 0 && noise <= 100, "noise", "be in [0, 100]", noise);
  require(std::isfinite(intercept), "intercept", "be finite", intercept);
  require(std::isfinite(slope), "slope", "be finite", slope);
  Rng rng(seed);
  LinearData d;
  for (int i = 0; i < m; ++i) {
    const double x = 2.0 * rng.uniform();
    d.x.push_back(x);
    d.y.push_back(intercept + slope * x + noise * rng.normal());
  }
  return d;
}

void check_linear_data(const LinearData& d) {
  if (d.x.size() != d.y.size()) fail_arg({"y", "y length"}, "equal x's length (" + std::to_string(d.x.size()) + ")", d.y.size());
  if (d.x.size() < 2) fail_arg({"x", "x length"}, "be at least 2", d.x.size());
  for (const auto* v : {&d.x, &d.y})
    for (std::size_t i = 0; i < v->size(); ++i)
      if (!std::isfinite((*v)[i])) {
        const std::string name = v == &d.x ? "x" : "y";
        fail_arg(name + "[" + std::to_string(i) + "]", "be finite", (*v)[i]);
      }
}

Point2 normal_equation(const LinearData& d) {
  check_linear_data(d);
  const double m = static_cast<double>(d.x.size());
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < d.x.size(); ++i) sx += d.x[i], sy += d.y[i], sxx += d.x[i] * d.x[i], sxy += d.x[i] * d.y[i];
  const double det = m * sxx - sx * sx;
  if (!(std::abs(det) > 1e-12 * m * sxx)) throw InvalidArgument("normal equation: XᵀX is singular (all x are equal)", "x");
  return {(sxx * sy - sx * sxy) / det, (m * sxy - sx * sy) / det};
}

double regression_mse(const LinearData& d, double t0, double t1) {
  double s = 0;
  for (std::size_t i = 0; i < d.x.size(); ++i) {
    const double e = t0 + t1 * d.x[i] - d.y[i];
    s += e * e;
  }
  return s / static_cast<double>(d.x.size());
}

std::vector<float> regression_grid(const LinearData& d, const Bounds2& b, int nx, int ny) {
  check_linear_data(d);
  validate_grid(b, nx, ny);
  // MSE is a quadratic in θ: expand once instead of a pass over the data per cell.
  const double m = static_cast<double>(d.x.size());
  double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
  for (std::size_t i = 0; i < d.x.size(); ++i)
    sx += d.x[i], sy += d.y[i], sxx += d.x[i] * d.x[i], sxy += d.x[i] * d.y[i], syy += d.y[i] * d.y[i];
  std::vector<float> v(static_cast<std::size_t>(nx) * ny);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      const double a = b.x0 + (b.x1 - b.x0) * i / (nx - 1), c = b.y0 + (b.y1 - b.y0) * j / (ny - 1);
      const double mse = (m * a * a + 2 * a * c * sx + c * c * sxx - 2 * a * sy - 2 * c * sxy + syy) / m;
      v[static_cast<std::size_t>(j) * nx + i] = static_cast<float>(std::max(mse, 0.0));
    }
  return v;
}

RegressionWalk::RegressionWalk(LinearData data, int batch_size, const OptimizerConfig& optimizer,
                               const LearningSchedule& schedule, Point2 start, std::uint64_t shuffle_seed)
    : data_(std::move(data)),
      schedule_(static_cast<int>(data_.x.size()), batch_size, shuffle_seed),
      opt_(optimizer, 2),
      lr_schedule_(schedule) {
  check_linear_data(data_);
  if (schedule.enabled) {
    require(std::isfinite(schedule.t0) && schedule.t0 > 0, {"schedule.t0", "schedule t0"}, "be finite and > 0", schedule.t0);
    require(std::isfinite(schedule.t1) && schedule.t1 > 0, {"schedule.t1", "schedule t1"}, "be finite and > 0", schedule.t1);
  }
  require(std::isfinite(start.x) && std::abs(start.x) <= 1e3, {"theta0", "start θ₀"}, "be finite, |θ₀| <= 1000", start.x);
  require(std::isfinite(start.y) && std::abs(start.y) <= 1e3, {"theta1", "start θ₁"}, "be finite, |θ₁| <= 1000", start.y);
  theta_[0] = static_cast<float>(start.x);
  theta_[1] = static_cast<float>(start.y);
}

std::vector<RegressionStep> RegressionWalk::run(int steps) {
  require_in_range(steps, 1, 1000000, "steps");
  std::vector<RegressionStep> out;
  for (int s = 0; s < steps && !diverged_; ++s) {
    if (batch_ == 0) schedule_.shuffle();
    const auto idx = schedule_.batch(batch_);
    double g0 = 0, g1 = 0;
    for (std::int32_t i : idx) {
      const double e = theta_[0] + static_cast<double>(theta_[1]) * data_.x[i] - data_.y[i];
      g0 += e, g1 += e * data_.x[i];
    }
    const double scale = 2.0 / static_cast<double>(idx.size());
    const float grad[2] = {static_cast<float>(g0 * scale), static_cast<float>(g1 * scale)};
    if (lr_schedule_.enabled)
      opt_.set_learning_rate(static_cast<float>(lr_schedule_.t0 / (static_cast<double>(opt_.steps()) + lr_schedule_.t1)));
    const float before[2] = {theta_[0], theta_[1]};
    opt_.step(theta_, grad);
    const double loss = regression_mse(data_, theta_[0], theta_[1]);
    if (!std::isfinite(loss) || !(std::abs(theta_[0]) <= kMaxCoordinate) || !(std::abs(theta_[1]) <= kMaxCoordinate)) {
      theta_[0] = before[0], theta_[1] = before[1];
      diverged_ = true;
      break;
    }
    visited_.insert(visited_.end(), idx.begin(), idx.end());
    examples_ += static_cast<std::int64_t>(idx.size());
    if (++batch_ == schedule_.batches_per_epoch()) batch_ = 0, ++epoch_;
    out.push_back({theta_[0], theta_[1], loss, examples_, epoch_});
  }
  return out;
}

}  // namespace mlp
