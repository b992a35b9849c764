#include "divergence.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "errors.hpp"

namespace mlp {
namespace {

// NaN when a weight is not finite.
double rms(std::span<const float> v) {
  double s = 0.0;
  for (float x : v) s += static_cast<double>(x) * x;
  return v.empty() ? 0.0 : std::sqrt(s / static_cast<double>(v.size()));
}

}  // namespace

std::string short_number(double v) {
  if (!std::isfinite(v)) return format_number(v);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

void DivergenceMonitor::reset(std::span<const float> params, double uniform_loss) {
  uniform_loss_ = uniform_loss;
  reference_ = -1.0;
  smoothed_ = 0.0;
  const double r = rms(params);
  weight_rms0_ = std::isfinite(r) ? std::max(r, kMinWeightRms) : kMinWeightRms;
}

std::string DivergenceMonitor::after_batch(double loss) {
  if (reference_ < 0.0) {
    reference_ = std::max(loss, uniform_loss_);
    smoothed_ = loss;
  }
  smoothed_ = kSmoothing * loss + (1.0 - kSmoothing) * smoothed_;
  if (!(smoothed_ > kLossFactor * reference_)) return "";
  return "the loss exploded: averaged over recent " + std::string(steps_) + " it reached " + short_number(smoothed_) + ", over " +
         format_number(kLossFactor) + " × its start (" + short_number(reference_) + ")";
}

std::string DivergenceMonitor::check_weights(std::span<const float> params) const {
  const double r = rms(params);
  if (!std::isfinite(r)) return "a weight became NaN or infinite";
  if (!(r > kWeightFactor * weight_rms0_)) return "";
  return "the weights exploded: their root mean square reached " + short_number(r) + ", over " +
         format_number(kWeightFactor) + " × its start (" + short_number(weight_rms0_) + ")";
}

}  // namespace mlp
