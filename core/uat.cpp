#include "uat.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "enum_names.hpp"
#include "errors.hpp"
#include "rng.hpp"

namespace mlp {
namespace {

// Overflow-free logistic sigmoid (exp of a non-positive number only).
float sigmoid(float z) {
  if (z >= 0.0f) return 1.0f / (1.0f + std::exp(-z));
  const float e = std::exp(z);
  return e / (1.0f + e);
}

std::vector<float> unit_grid(int n) {
  std::vector<float> x(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) x[i] = static_cast<float>(static_cast<double>(i) / (n - 1));
  return x;
}

// The three views of the flat block.
struct Views {
  std::span<const float> w, theta, alpha;
};
Views views(std::span<const float> p, int units) {
  const auto n = static_cast<std::size_t>(units);
  return {p.subspan(0, n), p.subspan(n, n), p.subspan(2 * n, n)};
}

}  // namespace

const char* uat_target_name(UatTargetKind k) {
  switch (k) {
    case UatTargetKind::sine: return "sine";
    case UatTargetKind::abs: return "abs";
    case UatTargetKind::step: return "step";
    case UatTargetKind::bump: return "bump";
    case UatTargetKind::drawn: return "drawn";
  }
  return "?";
}

UatTargetKind uat_target_from_name(std::string_view name) {
  return enum_from_name(name, kUatTargets, uat_target_name, "target");
}

UatTarget validated(UatTarget t) {
  if (t.kind != UatTargetKind::drawn) {
    t.knots.clear();
    return t;
  }
  require_in_range(static_cast<long long>(t.knots.size()), kMinUatKnots, kMaxUatKnots, "knots");
  for (float k : t.knots) require(std::isfinite(k) && std::abs(k) <= kMaxUatValue, "knot", "be finite, within ±10", k);
  return t;
}

float uat_target_value(const UatTarget& t, float x) {
  switch (t.kind) {
    case UatTargetKind::sine: return static_cast<float>(std::sin(2.0 * std::numbers::pi * x));
    case UatTargetKind::abs: return std::abs(x - 0.5f);
    case UatTargetKind::step: return x >= 0.5f ? 1.0f : 0.0f;
    case UatTargetKind::bump: {
      const double u = (x - 0.5) / 0.1;
      return static_cast<float>(std::exp(-u * u));
    }
    case UatTargetKind::drawn: {
      const int k = static_cast<int>(t.knots.size());
      const double at = std::clamp(static_cast<double>(x), 0.0, 1.0) * (k - 1);
      const int i = std::min(static_cast<int>(at), k - 2);
      const double u = at - i;
      return static_cast<float>((1.0 - u) * t.knots[i] + u * t.knots[i + 1]);
    }
  }
  return 0.0f;
}

std::size_t uat_parameter_count(int units) { return 3 * static_cast<std::size_t>(units); }

void check_uat_parameters(std::span<const float> params, int units) {
  require_in_range(units, 1, kMaxUatUnits, "units");
  if (params.size() != uat_parameter_count(units))
    fail_arg("parameter count", "be 3 × units = " + std::to_string(uat_parameter_count(units)), params.size());
  for (float p : params)
    if (!std::isfinite(p)) throw InvalidArgument("parameters must all be finite");
}

void sigmoid_sum_forward(std::span<const float> params, int units, std::span<const float> x, std::span<float> g,
                         std::span<float> contributions) {
  const Views v = views(params, units);
  const std::size_t n = x.size();
  std::fill(g.begin(), g.end(), 0.0f);
  for (int j = 0; j < units; ++j) {
    float* row = contributions.empty() ? nullptr : contributions.data() + j * n;
    for (std::size_t i = 0; i < n; ++i) {
      const float c = v.alpha[j] * sigmoid(v.w[j] * x[i] + v.theta[j]);
      g[i] += c;
      if (row) row[i] = c;
    }
  }
}

double sigmoid_sum_mse(std::span<const float> params, int units, std::span<const float> x, std::span<const float> f,
                       std::span<float> grad) {
  std::vector<float> scratch(x.size());
  return sigmoid_sum_mse(params, units, x, f, grad, scratch);
}

double sigmoid_sum_mse(std::span<const float> params, int units, std::span<const float> x, std::span<const float> f,
                       std::span<float> grad, std::span<float> r) {
  const Views v = views(params, units);
  const std::size_t n = x.size();
  // r_i = 2 (G(x_i) − f_i) / n = ∂L/∂G(x_i) for L = mean (G − f)².
  sigmoid_sum_forward(params, units, x, r.first(n));
  double loss = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double d = static_cast<double>(r[i]) - f[i];
    loss += d * d;
    r[i] = static_cast<float>(2.0 * d / n);
  }
  // ∂L/∂α_j = Σ r σ;  ∂L/∂θ_j = Σ r α_j σ(1 − σ);  ∂L/∂w_j = Σ r α_j σ(1 − σ) x.
  for (int j = 0; j < units; ++j) {
    double dw = 0.0, dtheta = 0.0, dalpha = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const float s = sigmoid(v.w[j] * x[i] + v.theta[j]);
      const double ds = static_cast<double>(r[i]) * v.alpha[j] * s * (1.0f - s);
      dalpha += static_cast<double>(r[i]) * s;
      dtheta += ds;
      dw += ds * x[i];
    }
    grad[j] = static_cast<float>(dw);
    grad[units + j] = static_cast<float>(dtheta);
    grad[2 * units + j] = static_cast<float>(dalpha);
  }
  return loss / n;
}

SupError uat_sup_error(std::span<const float> params, int units, const UatTarget& target) {
  std::vector<float> scratch(kUatSupGrid);
  return uat_sup_error(params, units, target, scratch);
}

SupError uat_sup_error(std::span<const float> params, int units, const UatTarget& target, std::span<float> g) {
  static const std::vector<float> grid = unit_grid(kUatSupGrid);
  sigmoid_sum_forward(params, units, grid, g.first(grid.size()));
  SupError s;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double e = std::abs(static_cast<double>(g[i]) - uat_target_value(target, grid[i]));
    if (e > s.error) s = {e, grid[i]};
  }
  return s;
}

UatCurves uat_curves(std::span<const float> params, int units, const UatTarget& target, int n) {
  check_uat_parameters(params, units);
  require_in_range(n, 2, kUatSupGrid, "points");
  const UatTarget t = validated(target);
  UatCurves c;
  c.x = unit_grid(n);
  c.g.resize(c.x.size());
  c.contributions.resize(c.x.size() * units);
  sigmoid_sum_forward(params, units, c.x, c.g, c.contributions);
  for (float x : c.x) c.target.push_back(uat_target_value(t, x));
  c.sup = uat_sup_error(params, units, t);
  return c;
}

std::vector<float> uat_initial_parameters(int units, std::uint64_t seed) {
  require_in_range(units, 1, kMaxUatUnits, "units");
  if (seed > kMaxSeed) fail_arg("seed", "be an integer in [0, 2^53)", seed);
  Rng rng(seed);
  std::vector<float> p(uat_parameter_count(units), 0.0f);  // α = 0
  for (int j = 0; j < units; ++j) {
    const double centre = rng.uniform(0.0, 1.0);
    const double slope = rng.uniform(5.0, 20.0) * (rng.uniform() < 0.5 ? -1.0 : 1.0);
    p[j] = static_cast<float>(slope);
    p[units + j] = static_cast<float>(-slope * centre);
  }
  return p;
}

UatFit::UatFit(int units, UatTarget target, std::uint64_t seed, float learning_rate, std::span<const float> params)
    : units_(units),
      target_(validated(std::move(target))),
      x_(unit_grid(kUatSamples)),
      params_(params.empty() ? uat_initial_parameters(units, seed) : std::vector<float>(params.begin(), params.end())),
      grad_(params_.size()),
      saved_(params_.size()),
      scratch_(kUatSupGrid),
      optimizer_(validated([&] {
                   OptimizerConfig c = optimizer_defaults(OptimizerKind::adam);
                   c.learning_rate = learning_rate;
                   return c;
                 }()),
                 params_.size()) {
  check_uat_parameters(params_, units_);
  for (float x : x_) f_.push_back(uat_target_value(target_, x));
  loss_ = sigmoid_sum_mse(params_, units_, x_, f_, grad_, scratch_);
  best_ = uat_sup_error(params_, units_, target_, scratch_).error;
}

void UatFit::check_best() {
  const double e = uat_sup_error(params_, units_, target_, scratch_).error;
  if (e < best_) best_ = e, best_step_ = steps_taken();
}

void UatFit::steps(int k) {
  require_in_range(k, 1, 1000000, "steps");
  for (int s = 0; s < k && !diverged_; ++s) {
    // grad_ holds the gradient at the current parameters (from the last loss).
    std::copy(params_.begin(), params_.end(), saved_.begin());
    optimizer_.step(params_, grad_);
    const double loss = sigmoid_sum_mse(params_, units_, x_, f_, grad_, scratch_);
    const bool finite = std::isfinite(loss) && std::all_of(params_.begin(), params_.end(), [](float p) { return std::isfinite(p); });
    if (!finite) {
      std::copy(saved_.begin(), saved_.end(), params_.begin());
      sigmoid_sum_mse(params_, units_, x_, f_, grad_, scratch_);
      diverged_ = true;
      return;
    }
    loss_ = loss;
    if (steps_taken() % kUatBestEvery == 0) check_best();
  }
}

std::vector<double> uat_error_against_units(std::span<const int> units, const UatTarget& target, std::uint64_t seed,
                                            float learning_rate, int steps) {
  std::vector<double> out;
  for (int n : units) {
    UatFit fit(n, target, seed, learning_rate);
    fit.steps(steps);
    out.push_back(fit.best_sup_error());
  }
  return out;
}

}  // namespace mlp
