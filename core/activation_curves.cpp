#include "activation_curves.hpp"

#include <algorithm>
#include <cmath>

#include "errors.hpp"

namespace mlp {
namespace {

ActivationSpec checked(ActivationSpec s, float z0, float z1, int n, float threshold) {
  if (s.kind == Activation::softmax) fail_arg("activation", "be a function of one z (not softmax)", "softmax");
  require(std::isfinite(z0) && std::abs(z0) <= kMaxCurveSpan, "z0", "be finite, within ±1000", z0);
  require(std::isfinite(z1) && std::abs(z1) <= kMaxCurveSpan, "z1", "be finite, within ±1000", z1);
  require(z0 < z1, "z1", "be above z0", z1);
  require_in_range(n, kMinCurveSamples, kMaxCurveSamples, "samples");
  require(std::isfinite(threshold) && threshold >= 0.0f, "saturation threshold", "be finite and >= 0", threshold);
  return with_default_alpha(s);
}

std::vector<float> grid(float z0, float z1, int n) {
  std::vector<float> z(static_cast<std::size_t>(n));
  const double step = (static_cast<double>(z1) - z0) / (n - 1);
  for (int i = 0; i < n; ++i) z[i] = static_cast<float>(z0 + step * i);
  z.back() = z1;  // exactly, whatever the rounding
  return z;
}

// Runs of |f′| < threshold, each widened by half a grid step.
std::vector<float> saturated_runs(const std::vector<float>& z, const std::vector<float>& d, float threshold) {
  std::vector<float> out;
  const int n = static_cast<int>(z.size());
  const float half = (z[1] - z[0]) / 2;
  for (int i = 0; i < n;) {
    if (!(std::abs(d[i]) < threshold)) {
      ++i;
      continue;
    }
    int j = i;
    while (j + 1 < n && std::abs(d[j + 1]) < threshold) ++j;
    out.push_back(std::max(z.front(), z[i] - half));
    out.push_back(std::min(z.back(), z[j] + half));
    i = j + 1;
  }
  return out;
}

}  // namespace

ActivationCurve sample_activation(ActivationSpec s, float z0, float z1, int n, float saturation_threshold) {
  s = checked(s, z0, z1, n, saturation_threshold);
  ActivationCurve c;
  c.z = grid(z0, z1, n);
  c.value = c.z;
  activation_forward(s, MatrixView(c.value.data(), 1, n));
  c.derivative.assign(c.z.size(), 1.0f);  // dA = 1, so dZ = f′(Z)
  activation_backward(s, ConstMatrixView(c.value.data(), 1, n), MatrixView(c.derivative.data(), 1, n));
  c.saturated = saturated_runs(c.z, c.derivative, saturation_threshold);
  return c;
}

ActivationCurve sample_activation_scalar(ActivationSpec s, float z0, float z1, int n, float saturation_threshold) {
  s = checked(s, z0, z1, n, saturation_threshold);
  ActivationCurve c;
  c.z = grid(z0, z1, n);
  for (float z : c.z) {
    const float a = activation_value(s, z);
    c.value.push_back(a);
    c.derivative.push_back(activation_derivative_from_output(s, a));
  }
  c.saturated = saturated_runs(c.z, c.derivative, saturation_threshold);
  return c;
}

}  // namespace mlp
