#include "mlp.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "dense.hpp"
#include "errors.hpp"
#include "sizes.hpp"

namespace mlp {

bool hidden_activation_allowed(Activation) { return true; }

bool output_activation_allowed(Loss loss, Activation output) {
  return loss == Loss::mse || output == Activation::identity;
}

MlpSpec seed_mlp_spec() {
  MlpSpec spec;
  spec.inputs = 784;
  spec.layers = {{300, {Activation::relu, 0}}, {100, {Activation::relu, 0}}, {10, {Activation::identity, 0}}};
  return spec;
}

MlpSpec validated(MlpSpec spec) {
  require_in_range(spec.inputs, 1, kMaxInputs, "inputs");
  require_in_range(static_cast<long long>(spec.layers.size()) - 1, 0, kMaxHiddenLayers, {"layers", "hidden layer count"});
  // Ids index spec.layers (hidden layers, then the output layer), as the JS spec's `layers` array does.
  const auto id = [](std::size_t l, const char* member) { return "layers[" + std::to_string(l) + "]." + member; };
  const std::size_t last = spec.layers.size() - 1;
  for (std::size_t l = 0; l < spec.layers.size(); ++l) {
    const bool output = l == last;
    const std::string name = output ? "output" : "hidden layer " + std::to_string(l + 1);
    require_in_range(spec.layers[l].units, 1, kMaxUnits,
                     {id(l, "units"), output ? std::string("output units") : "units of " + name});
    const Activation a = spec.layers[l].activation.kind;
    if (!output && !hidden_activation_allowed(a))
      fail_arg({id(l, "activation"), "activation of " + name}, "not be used in a hidden layer", activation_name(a));
    spec.layers[l].activation = with_default_alpha(spec.layers[l].activation, {id(l, "alpha"), "alpha of " + name});
  }
  const Activation out = spec.layers.back().activation.kind;
  if (!output_activation_allowed(spec.loss, out))
    fail_arg({id(last, "activation"), "output activation"},
             std::string("be identity (") + loss_name(spec.loss) + " takes logits)", activation_name(out));
  if (spec.loss == Loss::softmax_cross_entropy && spec.layers.back().units < 2)
    fail_arg({id(last, "units"), "output units"}, "be >= 2 for softmax_cross_entropy", spec.layers.back().units);
  if (spec.seed > kMaxSeed) fail_arg("seed", "be an integer in [0, 2^53)", spec.seed);
  return spec;
}

std::size_t parameter_count(const MlpSpec& spec) {
  std::size_t n = 0;
  int fan_in = spec.inputs;
  for (const LayerSpec& l : spec.layers) {
    n += static_cast<std::size_t>(fan_in + 1) * l.units;
    fan_in = l.units;
  }
  return n;
}

void check_parameters(std::span<const float> params, std::size_t expected) {
  if (params.size() != expected)
    fail_arg({"parameters", "parameter count"}, "be " + std::to_string(expected) + " for this architecture",
             params.size());
  for (float p : params)
    if (!std::isfinite(p)) throw InvalidArgument("parameters must all be finite", "parameters");
}

Mlp::Mlp(MlpSpec spec) : spec_(validated(std::move(spec))) {
  allocate();
  initialize();
}

Mlp::Mlp(MlpSpec spec, std::span<const float> params) : spec_(validated(std::move(spec))) {
  check_parameters(params, parameter_count(spec_));
  allocate();
  std::copy(params.begin(), params.end(), params_.begin());
}

void Mlp::allocate() {
  std::size_t total = 0;
  for (int l = 0; l < n_layers(); ++l) {
    offsets_.push_back(total);
    total += static_cast<std::size_t>(fan_in(l) + 1) * spec_.layers[l].units;
  }
  params_ = AlignedBuffer<float>(total);
  grads_ = AlignedBuffer<float>(total);
}

void Mlp::initialize() {
  Rng rng(spec_.seed);
  for (int l = 0; l < n_layers(); ++l) {
    init_weights(spec_.init, weight(l), rng);
    for (float& b : bias(l)) b = 0.0f;
  }
}

MlpWorkspace::MlpWorkspace(const Mlp& net, int max_batch) : max_batch_(max_batch) {
  require_in_range(max_batch, 1, kMaxBatchRows, {"batch_size", "batch rows"});
  check_batch_memory(net, max_batch);
  for (int l = 0; l < net.n_layers(); ++l) {
    acts_.emplace_back(max_batch, net.spec().layers[l].units);
    deltas_.emplace_back(max_batch, net.spec().layers[l].units);
  }
}

void check_batch_memory(const Mlp& net, int max_batch) {
  // Activations and deltas of every layer, and the gathered inputs and
  // targets: 2^20 rows × 1024 units alone is 4 GiB, which would wrap in 32 bits.
  std::uint64_t per_row = static_cast<std::uint64_t>(net.inputs()) + static_cast<std::uint64_t>(net.outputs());
  for (const LayerSpec& l : net.spec().layers) per_row += 2 * static_cast<std::uint64_t>(l.units);
  checked_elements(static_cast<std::uint32_t>(max_batch), per_row, sizeof(float), "batch_size",
                   "the batch's activations");
}

namespace {

void check_batch(const Mlp& net, ConstMatrixView x, const MlpWorkspace& ws) {
  if (x.cols != net.inputs())
    fail_arg({"features", "input columns"}, "equal the network's inputs (" + std::to_string(net.inputs()) + ")", x.cols);
  require_in_range(x.rows, 1, ws.max_batch(), {"rows", "batch rows"});
}

}  // namespace

ConstMatrixView mlp_forward(const Mlp& net, ConstMatrixView x, MlpWorkspace& ws) {
  check_batch(net, x, ws);
  ConstMatrixView in = x;
  for (int l = 0; l < net.n_layers(); ++l) {
    MatrixView a = ws.act(l, x.rows);
    dense_forward(in, net.weight(l), net.bias(l), net.spec().layers[l].activation, a, ws.gemm);
    in = a;
  }
  return in;
}

double mlp_loss(const Mlp& net, ConstMatrixView out, const Targets& y) {
  switch (net.spec().loss) {
    case Loss::softmax_cross_entropy: return softmax_cross_entropy(out, y.labels, nullptr);
    case Loss::mse: return mean_squared_error(out, y.values, nullptr);
    case Loss::binary_cross_entropy: return binary_cross_entropy(out, y.values, nullptr);
  }
  return 0.0;
}

double mlp_backward(Mlp& net, ConstMatrixView x, const Targets& y, MlpWorkspace& ws) {
  check_batch(net, x, ws);
  const int last = net.n_layers() - 1, rows = x.rows;
  const ConstMatrixView out = ws.act(last, rows);
  MatrixView dout = ws.delta(last, rows);
  double loss = 0.0;
  switch (net.spec().loss) {
    case Loss::softmax_cross_entropy: loss = softmax_cross_entropy(out, y.labels, &dout); break;
    case Loss::mse: loss = mean_squared_error(out, y.values, &dout); break;
    case Loss::binary_cross_entropy: loss = binary_cross_entropy(out, y.values, &dout); break;
  }
  for (int l = last; l >= 0; --l) {
    const ConstMatrixView in = l == 0 ? x : ConstMatrixView(ws.act(l - 1, rows));
    MatrixView dx = l == 0 ? MatrixView{} : ws.delta(l - 1, rows);
    dense_backward(in, net.weight(l), ws.act(l, rows), ws.delta(l, rows), net.spec().layers[l].activation,
                   net.weight_grad(l), net.bias_grad(l), l == 0 ? nullptr : &dx, ws.gemm);
  }
  return loss;
}

int mlp_count_correct(const Mlp& net, ConstMatrixView out, const Targets& y) {
  int correct = 0;
  const Loss loss = net.spec().loss;
  if (loss == Loss::softmax_cross_entropy) {
    for (int i = 0; i < out.rows; ++i) correct += argmax_row(out, i) == y.labels[i];
  } else if (out.cols > 1 && loss == Loss::mse) {
    for (int i = 0; i < out.rows; ++i) correct += argmax_row(out, i) == argmax_row(y.values, i);
  } else {
    // One decision per element; a row counts when all its elements are right.
    const float threshold = loss == Loss::binary_cross_entropy ? 0.0f : 0.5f;  // logit 0 = p 0.5
    for (int i = 0; i < out.rows; ++i) {
      bool ok = true;
      for (int j = 0; j < out.cols; ++j) ok = ok && ((out(i, j) >= threshold) == (y.values(i, j) >= 0.5f));
      correct += ok;
    }
  }
  return correct;
}

void mlp_output_transform(const Mlp& net, MatrixView out) {
  switch (net.spec().loss) {
    case Loss::softmax_cross_entropy: activation_forward({Activation::softmax, 0.0f}, out); break;
    case Loss::binary_cross_entropy: activation_forward({Activation::sigmoid, 0.0f}, out); break;
    case Loss::mse: break;
  }
}

}  // namespace mlp
