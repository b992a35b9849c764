#include "regularization.hpp"

#include <cmath>

#include "enum_names.hpp"
#include "errors.hpp"
#include "mlp.hpp"

namespace mlp {

const char* regularization_name(Regularization r) {
  switch (r) {
    case Regularization::none: return "none";
    case Regularization::l1: return "l1";
    case Regularization::l2: return "l2";
  }
  return "?";
}

Regularization regularization_from_name(std::string_view name) {
  return enum_from_name(name, kRegularizations, regularization_name, "regularization");
}

RegularizationConfig validated(RegularizationConfig c) {
  require(std::isfinite(c.rate) && c.rate >= kMinRegularizationRate, "regularization_rate", "be finite and >= 0",
          c.rate);
  return c;
}

double l1_penalty(std::span<const float> w, float rate) {
  double sum = 0.0;
  for (float v : w) sum += std::abs(static_cast<double>(v));
  return static_cast<double>(rate) * sum;
}

double l2_penalty(std::span<const float> w, float rate) {
  double sum = 0.0;
  for (float v : w) sum += static_cast<double>(v) * v;
  return 0.5 * static_cast<double>(rate) * sum;
}

void l1_gradient(std::span<const float> w, std::span<float> g, float rate) {
  for (std::size_t i = 0; i < w.size(); ++i) g[i] += w[i] > 0.0f ? rate : w[i] < 0.0f ? -rate : 0.0f;
}

void l2_gradient(std::span<const float> w, std::span<float> g, float rate) {
  for (std::size_t i = 0; i < w.size(); ++i) g[i] += rate * w[i];
}

namespace {

// The weights of layer l (not its bias) as one flat run of the parameter buffer.
std::span<const float> weights_of(const Mlp& net, int l) {
  const ConstMatrixView w = net.weight(l);
  return {w.data, static_cast<std::size_t>(w.rows) * static_cast<std::size_t>(w.cols)};
}

}  // namespace

double regularization_penalty(const Mlp& net, const RegularizationConfig& c) {
  if (c.kind == Regularization::none || c.rate == 0.0f) return 0.0;
  double sum = 0.0;
  for (int l = 0; l < net.n_layers(); ++l)
    sum += c.kind == Regularization::l1 ? l1_penalty(weights_of(net, l), c.rate) : l2_penalty(weights_of(net, l), c.rate);
  return sum;
}

void add_regularization_gradient(Mlp& net, const RegularizationConfig& c) {
  if (c.kind == Regularization::none || c.rate == 0.0f) return;
  for (int l = 0; l < net.n_layers(); ++l) {
    const std::span<const float> w = weights_of(net, l);
    const MatrixView gw = net.weight_grad(l);
    const std::span<float> g(gw.data, w.size());
    if (c.kind == Regularization::l1) l1_gradient(w, g, c.rate);
    else l2_gradient(w, g, c.rate);
  }
}

}  // namespace mlp
