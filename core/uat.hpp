#pragma once
// Universal approximation, as Cybenko (1989) states it and the seed quotes:
// finite sums
//     G(x) = Σ_j α_j σ(w_j x + θ_j),   j = 1 … N,   σ the logistic sigmoid,
// come uniformly close to any continuous f on [0, 1]. Here G is fitted to a
// target by the core's own Adam (optimizers.hpp) on the mean squared error
// over evenly spaced samples, and judged by the sup-norm error max |G − f|
// on a finer grid. G is a 1-N-1 network (sigmoid hidden units, a linear
// output) without the output bias Cybenko's sums do not have.
//
// Parameters live in one flat block: w (N), then θ (N), then α (N).
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "optimizers.hpp"

namespace mlp {

inline constexpr int kMaxUatUnits = 64;
inline constexpr int kUatSamples = 256;    // fitting points, 0 to 1 inclusive
inline constexpr int kUatSupGrid = 1001;   // where the sup norm is taken, 0 to 1 inclusive
inline constexpr int kMinUatKnots = 2;
inline constexpr int kMaxUatKnots = 257;
inline constexpr float kMaxUatValue = 10.0f;    // |knot| and |plotted x| at most this
inline constexpr int kUatBestEvery = 10;   // steps between the fit's checks of its sup-norm error

// sine: sin 2πx; abs: |x − ½|; step: 0 below ½, 1 from ½ (not continuous:
// the theorem promises nothing at the jump); bump: exp(−((x − ½)/0.1)²);
// drawn: straight lines through K knots at x = k/(K − 1).
enum class UatTargetKind : std::uint8_t { sine, abs, step, bump, drawn };
inline constexpr UatTargetKind kUatTargets[] = {UatTargetKind::sine, UatTargetKind::abs, UatTargetKind::step,
                                                UatTargetKind::bump, UatTargetKind::drawn};
const char* uat_target_name(UatTargetKind k);
UatTargetKind uat_target_from_name(std::string_view name);

struct UatTarget {
  UatTargetKind kind = UatTargetKind::sine;
  std::vector<float> knots;  // drawn only
};
// Throws, naming the field, unless a drawn target has kMinUatKnots to
// kMaxUatKnots finite knots within ±kMaxUatValue (other kinds ignore them).
UatTarget validated(UatTarget t);
float uat_target_value(const UatTarget& t, float x);

std::size_t uat_parameter_count(int units);
// Throws unless 1 <= units <= kMaxUatUnits and params holds 3·units finite values.
void check_uat_parameters(std::span<const float> params, int units);

// g[i] = G(x[i]); contributions (units × x.size(), row j = α_j σ(w_j x + θ_j)) when not empty.
void sigmoid_sum_forward(std::span<const float> params, int units, std::span<const float> x, std::span<float> g,
                         std::span<float> contributions = {});
// The mean squared error of G against f over the points x, and its gradient
// with respect to params (the same layout) written to grad.
double sigmoid_sum_mse(std::span<const float> params, int units, std::span<const float> x, std::span<const float> f,
                       std::span<float> grad);
// The same with a scratch of at least x.size() floats, so a fit's steps never allocate.
double sigmoid_sum_mse(std::span<const float> params, int units, std::span<const float> x, std::span<const float> f,
                       std::span<float> grad, std::span<float> scratch);

struct SupError {
  double error = 0.0;  // max |G − f| over the kUatSupGrid points of [0, 1]
  float at = 0.0f;     // the first x where it is reached
};
SupError uat_sup_error(std::span<const float> params, int units, const UatTarget& target);
// The same with a scratch of at least kUatSupGrid floats.
SupError uat_sup_error(std::span<const float> params, int units, const UatTarget& target, std::span<float> scratch);

// Everything a plot of G needs at n evenly spaced x in [0, 1].
struct UatCurves {
  std::vector<float> x, target, g, contributions;  // contributions: units × n
  SupError sup;
};
UatCurves uat_curves(std::span<const float> params, int units, const UatTarget& target, int n);

// The starting sum for a seed: each unit a sigmoid step centred at
// c ~ U(0, 1) with slope |w| ~ U(5, 20) of random sign (θ = −w·c), weighted
// α = 0, so G starts at 0 and the steps are spread over [0, 1].
std::vector<float> uat_initial_parameters(int units, std::uint64_t seed);

class UatFit {
 public:
  // Adam at `learning_rate` (its other settings the core's defaults), from
  // the seed's starting sum, or from `params` when given.
  UatFit(int units, UatTarget target, std::uint64_t seed, float learning_rate, std::span<const float> params = {});

  // k Adam steps on the mean squared error over the kUatSamples points; the
  // sup-norm error is checked every kUatBestEvery steps and the best kept.
  // A step that would leave finite numbers is not taken (diverged() says so).
  void steps(int k);

  int units() const { return units_; }
  const UatTarget& target() const { return target_; }
  std::int64_t steps_taken() const { return optimizer_.steps(); }
  double loss() const { return loss_; }  // at the current parameters
  std::span<const float> params() const { return params_; }
  SupError sup_error() const { return uat_sup_error(params_, units_, target_); }
  // The least sup-norm error checked so far (at the start and every kUatBestEvery steps) and its step.
  double best_sup_error() const { return best_; }
  std::int64_t best_step() const { return best_step_; }
  bool diverged() const { return diverged_; }

 private:
  void check_best();
  int units_;
  UatTarget target_;
  std::vector<float> x_, f_, params_, grad_, saved_, scratch_;  // scratch_: kUatSupGrid >= kUatSamples floats
  Optimizer optimizer_;
  double loss_ = 0.0, best_ = 0.0;
  std::int64_t best_step_ = 0;
  bool diverged_ = false;
};

// The best sup-norm error of a fit from the seed after `steps` steps, for
// each count of units: the "error against N" curve.
std::vector<double> uat_error_against_units(std::span<const int> units, const UatTarget& target, std::uint64_t seed,
                                            float learning_rate, int steps);

}  // namespace mlp
