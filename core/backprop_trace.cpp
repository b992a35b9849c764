#include "backprop_trace.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "divergence.hpp"
#include "errors.hpp"
#include "losses.hpp"

namespace mlp {
namespace {

// Finite differences cost two forward passes per parameter: keep them to small networks.
constexpr std::size_t kMaxFiniteDifferenceParams = 4096;

// The output layer's f: the link its loss reads logits through.
ActivationSpec output_function(const MlpSpec& spec) {
  switch (spec.loss) {
    case Loss::binary_cross_entropy: return {Activation::sigmoid, 0.0f};
    case Loss::softmax_cross_entropy: return {Activation::softmax, 0.0f};
    case Loss::mse: break;
  }
  return spec.layers.back().activation;
}

ActivationSpec layer_function(const MlpSpec& spec, std::size_t l) {
  return l + 1 == spec.layers.size() ? output_function(spec) : spec.layers[l].activation;
}

// The activations in double, written out again rather than borrowed from the
// float kernels, so the comparison with Mlp checks two implementations.
void apply(ActivationSpec f, const std::vector<double>& s, std::vector<double>& x) {
  x.resize(s.size());
  if (f.kind == Activation::softmax) {
    const double mx = *std::max_element(s.begin(), s.end());
    double sum = 0;
    for (std::size_t i = 0; i < s.size(); ++i) sum += x[i] = std::exp(s[i] - mx);
    for (double& v : x) v /= sum;
    return;
  }
  const double a = f.alpha;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double z = s[i];
    switch (f.kind) {
      case Activation::identity:
      case Activation::softmax: x[i] = z; break;
      case Activation::step: x[i] = z >= 0 ? 1 : 0; break;
      case Activation::sigmoid: x[i] = z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); break;
      case Activation::tanh: x[i] = std::tanh(z); break;
      case Activation::relu: x[i] = z > 0 ? z : 0; break;
      case Activation::leaky_relu: x[i] = z > 0 ? z : a * z; break;
      case Activation::elu: x[i] = z > 0 ? z : a * std::expm1(z); break;
    }
  }
}

// ∂xᵢ/∂sᵢ (softmax: the diagonal of its Jacobian).
double derivative(ActivationSpec f, double s, double x) {
  switch (f.kind) {
    case Activation::identity: return 1;
    case Activation::step: return 0;
    case Activation::sigmoid:
    case Activation::softmax: return x * (1 - x);
    case Activation::tanh: return 1 - x * x;
    case Activation::relu: return s > 0 ? 1 : 0;
    case Activation::leaky_relu: return s > 0 ? 1 : f.alpha;
    case Activation::elu: return s > 0 ? 1 : x + f.alpha;
  }
  return 1;
}

// ∂E/∂s from ∂E/∂x through f: elementwise, or softmax's vector-Jacobian product.
void chain(ActivationSpec f, LayerTrace& t) {
  const std::size_t n = t.x.size();
  t.dx_ds.resize(n);
  t.dE_ds.resize(n);
  for (std::size_t i = 0; i < n; ++i) t.dx_ds[i] = derivative(f, t.s[i], t.x[i]);
  if (f.kind == Activation::softmax) {
    double dot = 0;
    for (std::size_t k = 0; k < n; ++k) dot += t.dE_dx[k] * t.x[k];
    for (std::size_t i = 0; i < n; ++i) t.dE_ds[i] = t.x[i] * (t.dE_dx[i] - dot);
    return;
  }
  for (std::size_t i = 0; i < n; ++i) t.dE_ds[i] = t.dE_dx[i] * t.dx_ds[i];
}

void check_example(const MlpSpec& spec, std::span<const float> x, std::span<const float> target) {
  const auto outputs = static_cast<std::size_t>(spec.layers.back().units);
  if (x.size() != static_cast<std::size_t>(spec.inputs))
    fail_arg({"x", "example inputs"}, "number the network's inputs (" + std::to_string(spec.inputs) + ")", x.size());
  for (std::size_t k = 0; k < x.size(); ++k) require(std::isfinite(x[k]), {"x[" + std::to_string(k) + "]", "input " + std::to_string(k + 1)}, "be finite", x[k]);
  if (target.size() != outputs)
    fail_arg("targets", "number the network's outputs (" + std::to_string(outputs) + ")", target.size());
  double sum = 0;
  for (std::size_t i = 0; i < outputs; ++i) {
    const float t = target[i];
    const std::string id = "targets[" + std::to_string(i) + "]", label = "target " + std::to_string(i + 1);
    const Field field{id, label};
    require(std::isfinite(t), field, "be finite", t);
    if (spec.loss != Loss::mse) require(t >= 0 && t <= 1, field, "be in [0, 1]", t);
    sum += t;
  }
  if (spec.loss == Loss::softmax_cross_entropy)
    require(std::abs(sum - 1) <= 1e-6, "targets", "sum to 1 for softmax_cross_entropy", static_cast<float>(sum));
}

// sᵢ and xᵢ of every layer.
std::vector<LayerTrace> forward(const MlpSpec& spec, const double* p, std::span<const float> x) {
  std::vector<LayerTrace> layers(spec.layers.size());
  std::vector<double> in(x.begin(), x.end());
  for (std::size_t l = 0; l < spec.layers.size(); ++l) {
    const std::size_t fan_in = in.size(), units = static_cast<std::size_t>(spec.layers[l].units);
    const double* w = p;  // fan_in × units
    const double* b = p + fan_in * units;
    LayerTrace& t = layers[l];
    t.s.assign(b, b + units);
    for (std::size_t j = 0; j < fan_in; ++j)
      for (std::size_t i = 0; i < units; ++i) t.s[i] += in[j] * w[j * units + i];
    apply(layer_function(spec, l), t.s, t.x);
    in = t.x;
    p = b + units;
  }
  return layers;
}

// E from the output layer, the stable way (from s where the link is sigmoid or softmax).
double loss_of(const MlpSpec& spec, const LayerTrace& out, std::span<const float> target) {
  double e = 0;
  switch (spec.loss) {
    case Loss::binary_cross_entropy:
      for (std::size_t i = 0; i < out.s.size(); ++i) {
        const double s = out.s[i];
        e += std::max(s, 0.0) - s * target[i] + std::log1p(std::exp(-std::abs(s)));
      }
      return e;
    case Loss::softmax_cross_entropy: {
      const double mx = *std::max_element(out.s.begin(), out.s.end());
      double sum = 0, ts = 0, tsum = 0;
      for (std::size_t i = 0; i < out.s.size(); ++i) {
        sum += std::exp(out.s[i] - mx);
        ts += target[i] * out.s[i];
        tsum += target[i];
      }
      return (mx + std::log(sum)) * tsum - ts;  // −Σ tᵢ log xᵢ
    }
    case Loss::mse:
      for (std::size_t i = 0; i < out.x.size(); ++i) e += (out.x[i] - target[i]) * (out.x[i] - target[i]);
      return e;
  }
  return e;
}

// ∂E/∂x and ∂E/∂s of the output layer. For the cross-entropies ∂E/∂s = x − t
// is taken directly: the product of the seed's two factors is the same number
// but turns 0·∞ once x rounds to 0 or 1.
void output_gradient(const MlpSpec& spec, LayerTrace& out, std::span<const float> target) {
  const std::size_t n = out.x.size();
  out.dE_dx.resize(n);
  if (spec.loss == Loss::mse) {
    for (std::size_t i = 0; i < n; ++i) out.dE_dx[i] = 2 * (out.x[i] - target[i]);
    chain(output_function(spec), out);
    return;
  }
  double tsum = 0;
  for (std::size_t i = 0; i < n; ++i) tsum += target[i];
  out.dx_ds.resize(n);
  out.dE_ds.resize(n);
  const double inf = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < n; ++i) {
    const double x = out.x[i], t = target[i];
    out.dx_ds[i] = x * (1 - x);
    if (spec.loss == Loss::binary_cross_entropy) {
      out.dE_ds[i] = x - t;
      out.dE_dx[i] = out.dx_ds[i] > 0 ? (x - t) / out.dx_ds[i] : x == t ? 0 : std::copysign(inf, x - t);
    } else {
      out.dE_ds[i] = x * tsum - t;
      out.dE_dx[i] = t == 0 ? 0 : x > 0 ? -t / x : -inf;
    }
  }
}

// Where each layer's W starts in the flat parameters (Mlp's layout).
std::vector<std::size_t> weight_offsets(const MlpSpec& spec) {
  std::vector<std::size_t> offsets;
  std::size_t at = 0, fan_in = static_cast<std::size_t>(spec.inputs);
  for (const LayerSpec& l : spec.layers) {
    offsets.push_back(at);
    at += (fan_in + 1) * static_cast<std::size_t>(l.units);
    fan_in = static_cast<std::size_t>(l.units);
  }
  return offsets;
}

std::vector<double> as_double(std::span<const float> v) { return {v.begin(), v.end()}; }

// One pass and step on checked arguments; `updated` may hold ±∞ (the callers decide).
BackpropTrace trace_checked(const MlpSpec& spec, std::span<const float> params, std::span<const float> x,
                            std::span<const float> target, float learning_rate) {
  const std::vector<double> p = as_double(params);
  BackpropTrace r;
  r.input.assign(x.begin(), x.end());
  r.target.assign(target.begin(), target.end());
  r.layers = forward(spec, p.data(), x);
  r.loss = loss_of(spec, r.layers.back(), target);

  // Backwards: the output layer from the loss, each layer below from the one above.
  const std::vector<std::size_t> offsets = weight_offsets(spec);
  output_gradient(spec, r.layers.back(), target);
  for (std::size_t l = r.layers.size() - 1; l-- > 0;) {
    LayerTrace &t = r.layers[l], &above = r.layers[l + 1];
    const std::size_t units = t.x.size(), up = above.x.size();
    const double* w = p.data() + offsets[l + 1];  // wⱼᵢ of the layer above, units × up
    t.dE_dx.assign(units, 0.0);
    for (std::size_t j = 0; j < units; ++j)
      for (std::size_t i = 0; i < up; ++i) t.dE_dx[j] += above.dE_ds[i] * w[j * up + i];
    chain(layer_function(spec, l), t);
  }

  // ∂E/∂wⱼᵢ = ∂E/∂sᵢ · xⱼ and ∂E/∂bᵢ = ∂E/∂sᵢ, laid out like the parameters.
  r.gradient.reserve(p.size());
  for (std::size_t l = 0; l < r.layers.size(); ++l) {
    LayerTrace& t = r.layers[l];
    const std::vector<double>& below = l == 0 ? r.input : r.layers[l - 1].x;
    t.dE_dw.resize(below.size() * t.x.size());
    for (std::size_t j = 0; j < below.size(); ++j)
      for (std::size_t i = 0; i < t.x.size(); ++i) t.dE_dw[j * t.x.size() + i] = t.dE_ds[i] * below[j];
    r.gradient.insert(r.gradient.end(), t.dE_dw.begin(), t.dE_dw.end());
    r.gradient.insert(r.gradient.end(), t.dE_ds.begin(), t.dE_ds.end());
  }

  r.updated.resize(p.size());
  for (std::size_t k = 0; k < p.size(); ++k) r.updated[k] = static_cast<float>(p[k] - learning_rate * r.gradient[k]);
  return r;
}

// E of a uniform prediction, as the lessons sum E over the outputs.
double uniform_example_loss(const MlpSpec& spec) {
  const int outputs = spec.layers.back().units;
  const double l = uniform_prediction_loss(spec.loss, outputs);
  return spec.loss == Loss::softmax_cross_entropy ? l : l * outputs;
}

}  // namespace

BackpropTrace backprop_trace(const MlpSpec& spec_in, std::span<const float> params, std::span<const float> x,
                             std::span<const float> target, float learning_rate) {
  const MlpSpec spec = validated(spec_in);
  check_parameters(params, parameter_count(spec));
  check_example(spec, x, target);
  require(std::isfinite(learning_rate) && learning_rate >= 0, "learning_rate", "be finite and >= 0", learning_rate);
  BackpropTrace r = trace_checked(spec, params, x, target, learning_rate);
  check_parameters(r.updated, r.updated.size());  // a step to ±∞ is refused, not kept
  return r;
}

double example_loss(const MlpSpec& spec_in, std::span<const double> params, std::span<const float> x,
                    std::span<const float> target) {
  const MlpSpec spec = validated(spec_in);
  if (params.size() != parameter_count(spec))
    fail_arg({"parameters", "parameter count"}, "be " + std::to_string(parameter_count(spec)) + " for this architecture", params.size());
  check_example(spec, x, target);
  return loss_of(spec, forward(spec, params.data(), x).back(), target);
}

std::vector<double> finite_difference_gradient(const MlpSpec& spec_in, std::span<const float> params,
                                               std::span<const float> x, std::span<const float> target, double h) {
  const MlpSpec spec = validated(spec_in);
  check_parameters(params, parameter_count(spec));
  if (params.size() > kMaxFiniteDifferenceParams)
    fail_arg({"parameters", "parameter count"}, "be at most " + std::to_string(kMaxFiniteDifferenceParams) + " for finite differences",
             params.size());
  check_example(spec, x, target);
  require(std::isfinite(h) && h > 0 && h <= 1, "h", "be in (0, 1]", h);
  std::vector<double> p = as_double(params), g(p.size());
  for (std::size_t k = 0; k < p.size(); ++k) {
    const double saved = p[k];
    p[k] = saved + h;
    const double up = loss_of(spec, forward(spec, p.data(), x).back(), target);
    p[k] = saved - h;
    const double down = loss_of(spec, forward(spec, p.data(), x).back(), target);
    p[k] = saved;
    g[k] = (up - down) / (2 * h);
  }
  return g;
}

BackpropTraining backprop_train(const MlpSpec& spec_in, std::span<const float> params, ConstMatrixView x,
                                ConstMatrixView targets, float learning_rate, int first, int steps) {
  const MlpSpec spec = validated(spec_in);
  require_in_range(x.rows, 1, 1024, {"rows", "examples"});
  if (targets.rows != x.rows) fail_arg({"targets", "target rows"}, "equal the examples (" + std::to_string(x.rows) + ")", targets.rows);
  const int outputs = spec.layers.back().units;
  if (x.cols != spec.inputs) fail_arg({"x", "example columns"}, "equal the network's inputs (" + std::to_string(spec.inputs) + ")", x.cols);
  if (targets.cols != outputs) fail_arg({"targets", "target columns"}, "equal the network's outputs (" + std::to_string(outputs) + ")", targets.cols);
  require_in_range(first, 0, x.rows - 1, {"first", "first example"});
  require_in_range(steps, 1, 100000, "steps");
  require_positive_finite(learning_rate, "learning_rate");
  check_parameters(params, parameter_count(spec));
  const auto row = [](ConstMatrixView m, int i) { return std::span<const float>(m.row(i), static_cast<std::size_t>(m.cols)); };
  for (int i = 0; i < x.rows; ++i) check_example(spec, row(x, i), row(targets, i));
  BackpropTraining r;
  r.params.assign(params.begin(), params.end());
  r.losses.reserve(static_cast<std::size_t>(steps));
  DivergenceMonitor monitor("steps");
  monitor.reset(r.params, uniform_example_loss(spec));
  for (int k = 0; k < steps; ++k) {
    const int i = (first + k) % x.rows;
    BackpropTrace t = trace_checked(spec, r.params, row(x, i), row(targets, i), learning_rate);
    // Checked before the step is kept: a diverging step never reaches the weights.
    std::string why = std::isfinite(t.loss) ? monitor.after_batch(t.loss) : "the loss became " + format_number(t.loss);
    if (why.empty()) {
      const auto far = std::find_if(t.updated.begin(), t.updated.end(),
                                    [](float w) { return !(std::abs(w) <= kBackpropMaxWeight); });
      if (far != t.updated.end())
        why = std::isfinite(*far) ? "a weight left ±" + format_number(kBackpropMaxWeight) + " (it reached " + short_number(*far) + ")"
                                  : "a weight became " + format_number(*far);
    }
    if (!why.empty()) {
      r.diverged = true;
      r.message = why + " at step " + std::to_string(k + 1) + " of " + std::to_string(steps) +
                  "; weights restored to their last good values. Try a smaller learning rate.";
      break;
    }
    r.losses.push_back(t.loss);
    r.params = std::move(t.updated);
  }
  const std::vector<double> p = as_double(r.params);
  for (int i = 0; i < x.rows; ++i) r.mean_loss += example_loss(spec, p, row(x, i), row(targets, i));
  r.mean_loss /= x.rows;
  return r;
}

}  // namespace mlp
