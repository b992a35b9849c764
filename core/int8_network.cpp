#include "int8_network.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "errors.hpp"
#include "kernels/partition.hpp"
#include "losses.hpp"
#include "quantize.hpp"

namespace mlp {
namespace {

int even(int k) { return (k + 1) & ~1; }

// x (k values) as int16 in dst, zero-padded to an even length; returns the
// scale with x ≈ dst · scale (0 for an all-zero row).
float quantize_row(const float* x, int k, std::int16_t* dst) {
  float top = 0.0f;
  for (int j = 0; j < k; ++j) top = std::max(top, std::abs(x[j]));
  const float inv = top > 0.0f ? static_cast<float>(kQgemmMaxA) / top : 0.0f;
  for (int j = 0; j < k; ++j) dst[j] = static_cast<std::int16_t>(std::lrint(x[j] * inv));
  if (k % 2) dst[k] = 0;
  return top / static_cast<float>(kQgemmMaxA);
}

}  // namespace

Int8Network::Int8Network(const MlpSpec& spec, std::span<const float> params) {
  const Mlp net(spec, params);  // validates the spec and the parameter count
  for (float p : params)
    if (!std::isfinite(p)) throw InvalidArgument("parameters must all be finite");
  inputs_ = widest_ = net.inputs();
  for (int l = 0; l < net.n_layers(); ++l) {
    const Int8Weights q = quantize_int8_per_unit(net.weight(l));
    const auto b = net.bias(l);
    layers_.push_back({pack_qweights(q.values.data(), q.rows, q.cols), q.scales, {b.begin(), b.end()},
                       net.spec().layers[static_cast<std::size_t>(l)].activation});
    widest_ = std::max(widest_, q.cols);
  }
}

void Int8Network::forward_rows(ConstMatrixView x, MatrixView out, Scratch& s) const {
  const int rows = x.rows;
  const std::ptrdiff_t a_stride = even(widest_);
  s.a.resize(static_cast<std::size_t>(rows) * static_cast<std::size_t>(a_stride));
  s.c.resize(static_cast<std::size_t>(rows) * widest_);
  s.z.resize(static_cast<std::size_t>(rows) * widest_);
  s.row_scale.resize(static_cast<std::size_t>(rows));
  ConstMatrixView in = x;
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const Layer& layer = layers_[l];
    const int n = layer.w.n;
    for (int i = 0; i < rows; ++i)
      s.row_scale[static_cast<std::size_t>(i)] = quantize_row(in.row(i), in.cols, s.a.data() + i * a_stride);
    qgemm(s.a.data(), rows, a_stride, layer.w, s.c.data(), n);
    // The input (in s.z for l > 0) is no longer read: its row scales and int16 copy are taken.
    const MatrixView z = l + 1 == layers_.size() ? out : MatrixView(s.z.data(), rows, n);
    for (int i = 0; i < rows; ++i) {
      const float rs = s.row_scale[static_cast<std::size_t>(i)];
      const std::int32_t* c = s.c.data() + static_cast<std::size_t>(i) * n;
      float* zi = z.row(i);
      for (int j = 0; j < n; ++j)
        zi[j] = static_cast<float>(c[j]) * (rs * layer.scales[static_cast<std::size_t>(j)]) + layer.bias[static_cast<std::size_t>(j)];
    }
    activation_forward(layer.act, z);
    in = z;
  }
}

void Int8Network::forward(ConstMatrixView x, MatrixView out) {
  if (x.cols != inputs_) fail_arg("input columns", "equal the network's inputs (" + std::to_string(inputs_) + ")", x.cols);
  if (out.rows != x.rows || out.cols != outputs())
    fail_arg("output", "be rows × outputs", std::to_string(out.rows) + "x" + std::to_string(out.cols));
  const int parts = shared_pool().size();
  if (parts_.size() < static_cast<std::size_t>(parts)) parts_.resize(static_cast<std::size_t>(parts));
  for (int first = 0; first < x.rows; first += kChunk) {
    const int rows = std::min(kChunk, x.rows - first);
    // Rows are independent: each part takes a block of them through every layer.
    shared_pool().run(parts, [&](int p) {
      const Range r = split_range(rows, parts, p, 8);
      if (r.count > 0)
        forward_rows(x.rows_slice(first + r.first, r.count), out.rows_slice(first + r.first, r.count),
                     parts_[static_cast<std::size_t>(p)]);
    });
  }
}

std::vector<std::int32_t> Int8Network::predict_labels(const Dataset& data) {
  if (data.features() != inputs_)
    fail_arg("dataset features", "equal the network's inputs (" + std::to_string(inputs_) + ")", data.features());
  if (x_.rows() != kChunk || x_.cols() != inputs_) {
    x_ = Matrix(kChunk, inputs_);
    out_ = Matrix(kChunk, outputs());
    idx_.resize(kChunk);
  }
  std::vector<std::int32_t> labels(static_cast<std::size_t>(data.size()));
  for (int first = 0; first < data.size(); first += kChunk) {
    const int rows = std::min(kChunk, data.size() - first);
    std::iota(idx_.begin(), idx_.begin() + rows, first);
    const MatrixView x = x_.view().rows_slice(0, rows), out = out_.view().rows_slice(0, rows);
    data.gather(std::span<const std::int32_t>(idx_.data(), static_cast<std::size_t>(rows)), x, nullptr, nullptr);
    forward(x, out);
    for (int i = 0; i < rows; ++i) labels[static_cast<std::size_t>(first + i)] = argmax_row(out, i);
  }
  return labels;
}

}  // namespace mlp
