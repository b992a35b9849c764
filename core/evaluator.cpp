#include "evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "errors.hpp"

namespace mlp {

void Evaluator::check_dataset(const Mlp& net, const Dataset& d) {
  if (d.features() != net.inputs())
    fail_arg({"data", "dataset features"}, "equal the network's inputs (" + std::to_string(net.inputs()) + ")", d.features());
  if (net.spec().loss == Loss::softmax_cross_entropy) {
    if (!d.has_labels()) throw InvalidArgument("dataset must have class labels for softmax_cross_entropy", "data");
    if (d.classes() > net.outputs())
      fail_arg({"data", "dataset classes"}, "be at most the output units (" + std::to_string(net.outputs()) + ")",
               d.classes());
  } else if (d.target_cols() != net.outputs()) {
    fail_arg({"data", "dataset target columns"}, "equal the output units (" + std::to_string(net.outputs()) + ")",
             d.target_cols());
  }
}

// Sized for the rows asked for (up to a chunk), never shrinking: a drawn
// digit is one row, and a workspace for a thousand (6.5 MB for the digit
// model, zeroed) made the Draw view's first reading wait for it.
void Evaluator::ensure(const Mlp& net, int rows) {
  const int want = std::clamp(rows, 1, kChunk);
  const bool fits = ws_ && x_.cols() == net.inputs() && y_.cols() == net.outputs();
  if (fits && x_.rows() >= want) return;
  const int capacity = fits ? std::max(want, x_.rows()) : want;
  ws_ = std::make_unique<MlpWorkspace>(net, capacity);
  x_ = Matrix(capacity, net.inputs());
  y_ = Matrix(capacity, net.outputs());
  labels_.resize(static_cast<std::size_t>(capacity));
  idx_.resize(static_cast<std::size_t>(capacity));
}

template <class Fn>
void Evaluator::for_each_chunk(const Mlp& net, const Dataset& data, Fn&& fn) {
  check_dataset(net, data);
  ensure(net, data.size());
  for (int first = 0; first < data.size(); first += kChunk) {
    const int rows = std::min(kChunk, data.size() - first);
    std::iota(idx_.begin(), idx_.begin() + rows, first);
    MatrixView x = x_.view().rows_slice(0, rows);
    MatrixView y = y_.view().rows_slice(0, rows);
    const auto n = static_cast<std::size_t>(rows);
    data.gather(std::span<const std::int32_t>(idx_.data(), n), x, labels_.data(), &y);
    const Targets t{std::span<const std::int32_t>(labels_.data(), n), y};
    fn(first, rows, mlp_forward(net, x, *ws_), t);
  }
}

EvalResult Evaluator::evaluate(const Mlp& net, const Dataset& data) {
  double loss = 0.0;
  int correct = 0;
  for_each_chunk(net, data, [&](int, int rows, ConstMatrixView out, const Targets& t) {
    loss += mlp_loss(net, out, t) * rows;
    correct += mlp_count_correct(net, out, t);
  });
  return {loss / data.size(), static_cast<double>(correct) / data.size(), data.size()};
}

std::vector<std::int32_t> Evaluator::predict_labels(const Mlp& net, const Dataset& data) {
  std::vector<std::int32_t> out(static_cast<std::size_t>(data.size()));
  for_each_chunk(net, data, [&](int first, int rows, ConstMatrixView o, const Targets&) {
    for (int i = 0; i < rows; ++i) out[static_cast<std::size_t>(first + i)] = argmax_row(o, i);
  });
  return out;
}

namespace {

void check_inputs(const Mlp& net, ConstMatrixView x) {
  if (x.cols != net.inputs())
    fail_arg({"features", "input columns"}, "equal the network's inputs (" + std::to_string(net.inputs()) + ")", x.cols);
  for (int i = 0; i < x.rows; ++i)
    for (int j = 0; j < x.cols; ++j)
      if (!std::isfinite(x(i, j))) throw InvalidArgument("features must all be finite", "features");
}

}  // namespace

void Evaluator::predict(const Mlp& net, ConstMatrixView x, MatrixView out) {
  check_inputs(net, x);
  if (out.rows != x.rows || out.cols != net.outputs())
    fail_arg({"rows", "prediction output"}, "be rows × outputs", std::to_string(out.rows) + "x" + std::to_string(out.cols));
  ensure(net, x.rows);
  for (int first = 0; first < x.rows; first += kChunk) {
    const int rows = std::min(kChunk, x.rows - first);
    const ConstMatrixView o = mlp_forward(net, x.rows_slice(first, rows), *ws_);
    MatrixView dst = out.rows_slice(first, rows);
    for (int i = 0; i < rows; ++i) std::copy_n(o.row(i), o.cols, dst.row(i));
    mlp_output_transform(net, dst);
  }
}

void Evaluator::layer_outputs(const Mlp& net, ConstMatrixView x, std::span<const MatrixView> out) {
  check_inputs(net, x);
  if (out.size() != static_cast<std::size_t>(net.n_layers()))
    fail_arg("layer outputs", "hold one matrix per layer (" + std::to_string(net.n_layers()) + ")", out.size());
  for (int l = 0; l < net.n_layers(); ++l)
    if (out[l].rows != x.rows || out[l].cols != net.spec().layers[l].units)
      fail_arg("output of layer " + std::to_string(l + 1), "be rows × units",
               std::to_string(out[l].rows) + "x" + std::to_string(out[l].cols));
  ensure(net, x.rows);
  const int last = net.n_layers() - 1;
  for (int first = 0; first < x.rows; first += kChunk) {
    const int rows = std::min(kChunk, x.rows - first);
    mlp_forward(net, x.rows_slice(first, rows), *ws_);
    for (int l = 0; l <= last; ++l) {
      const ConstMatrixView a = ws_->act(l, rows);
      MatrixView dst = out[l].rows_slice(first, rows);
      for (int i = 0; i < rows; ++i) std::copy_n(a.row(i), a.cols, dst.row(i));
      if (l == last) mlp_output_transform(net, dst);
    }
  }
}

Network::Network(MlpSpec spec, std::span<const float> params) : net_(std::move(spec), params) {}

}  // namespace mlp
