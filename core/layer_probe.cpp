#include "layer_probe.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "errors.hpp"
#include "evaluator.hpp"

namespace mlp {
namespace {

double norm2(std::span<const float> v) {
  double s = 0.0;
  for (float x : v) s += static_cast<double>(x) * x;
  return std::sqrt(s);
}

double frobenius(ConstMatrixView m) {
  double s = 0.0;
  for (int i = 0; i < m.rows; ++i)
    for (int j = 0; j < m.cols; ++j) s += static_cast<double>(m(i, j)) * m(i, j);
  return std::sqrt(s);
}

// Checked before anything is gathered: rows, and data that fits the network.
int checked_rows(const Mlp& net, const std::shared_ptr<const Dataset>& data, int rows) {
  require_in_range(rows, 1, kMaxProbeRows, "probe rows");
  if (!data) throw InvalidArgument("probe data must be given");
  Evaluator::check_dataset(net, *data);
  return std::min(rows, data->size());
}

}  // namespace

// One pass over A: sums for the mean and variance (in double), the saturated
// count, and each value's bin found by scaling (clamped to the end bins).
// Counts are whole floats (exact below 2^24 = more than kMaxProbeRows × kMaxUnits).
HiddenLayerStats hidden_layer_stats(ActivationSpec s, ConstMatrixView a, float saturation_threshold, std::span<float> hist) {
  const HistogramRange r = histogram_range(s);
  const int bins = static_cast<int>(hist.size());
  const double scale = bins / (static_cast<double>(r.hi) - r.lo);
  double sum = 0.0, sum2 = 0.0;
  std::int64_t saturated = 0;
  std::fill(hist.begin(), hist.end(), 0.0f);
  for (int i = 0; i < a.rows; ++i) {
    const float* row = a.row(i);
    for (int j = 0; j < a.cols; ++j) {
      const double v = row[j];
      sum += v;
      sum2 += v * v;
      saturated += std::abs(activation_derivative_from_output(s, row[j])) < saturation_threshold;
      hist[static_cast<std::size_t>(std::clamp(std::floor((v - r.lo) * scale), 0.0, bins - 1.0))] += 1.0f;
    }
  }
  const double n = static_cast<double>(a.size());
  HiddenLayerStats st;
  st.mean = sum / n;
  st.std = std::sqrt(std::max(0.0, sum2 / n - st.mean * st.mean));
  st.saturated = static_cast<double>(saturated) / n;
  for (float& c : hist) c = static_cast<float>(c / n);
  return st;
}

HistogramRange histogram_range(ActivationSpec s) {
  switch (s.kind) {
    case Activation::sigmoid:
    case Activation::step: return {0.0f, 1.0f};
    case Activation::tanh: return {-1.0f, 1.0f};
    case Activation::relu: return {0.0f, 4.0f};
    case Activation::leaky_relu: return {-1.0f, 4.0f};
    case Activation::elu: return {-std::max(s.alpha, 0.5f), 4.0f};
    case Activation::identity:
    case Activation::softmax: return {-4.0f, 4.0f};
  }
  return {-4.0f, 4.0f};
}

HiddenLayerStats hidden_layer_stats_reference(ActivationSpec s, ConstMatrixView a, int bins, float threshold) {
  require_in_range(bins, kMinHistogramBins, kMaxHistogramBins, "bins");
  s = with_default_alpha(s);
  const HistogramRange r = histogram_range(s);
  const double n = static_cast<double>(a.size());
  HiddenLayerStats st;
  // Two passes: the mean first, then squared deviations from it.
  for (int i = 0; i < a.rows; ++i)
    for (int j = 0; j < a.cols; ++j) st.mean += a(i, j);
  st.mean /= n;
  for (int i = 0; i < a.rows; ++i)
    for (int j = 0; j < a.cols; ++j) st.std += (a(i, j) - st.mean) * (a(i, j) - st.mean);
  st.std = std::sqrt(st.std / n);
  // Bins by walking their edges lo + (hi − lo)·k/bins; the first and last take what lies beyond.
  st.histogram.assign(static_cast<std::size_t>(bins), 0.0f);
  for (int i = 0; i < a.rows; ++i)
    for (int j = 0; j < a.cols; ++j) {
      const float v = a(i, j);
      int b = 0;
      while (b + 1 < bins && v >= r.lo + (static_cast<double>(r.hi) - r.lo) * (b + 1) / bins) ++b;
      st.histogram[b] += static_cast<float>(1.0 / n);
      // The derivative at this output, from the activation's own scalar form.
      const float d = activation_derivative_from_output(s, v);
      if (std::abs(d) < threshold) st.saturated += 1.0 / n;
    }
  return st;
}

LayerProbe::LayerProbe(const MlpSpec& spec, std::shared_ptr<const Dataset> data, int rows, int bins,
                       float saturation_threshold)
    : net_(spec),
      ws_(net_, checked_rows(net_, data, rows)),
      x_(ws_.max_batch(), net_.inputs()),
      y_(ws_.max_batch(), net_.outputs()),
      labels_(static_cast<std::size_t>(ws_.max_batch())),
      threshold_(saturation_threshold) {
  require_in_range(bins, kMinHistogramBins, kMaxHistogramBins, "bins");
  require(std::isfinite(saturation_threshold) && saturation_threshold >= 0.0f, "saturation threshold",
          "be finite and >= 0", saturation_threshold);
  std::vector<std::int32_t> idx(static_cast<std::size_t>(x_.rows()));
  std::iota(idx.begin(), idx.end(), 0);
  MatrixView y = y_.view();
  data->gather(idx, x_.view(), labels_.data(), &y);

  const int layers = net_.n_layers(), hidden = layers - 1;
  stats_.weight_grad_norm.resize(layers);
  stats_.weight_grad_rms.resize(layers);
  stats_.bias_grad_norm.resize(layers);
  stats_.activation_mean.resize(hidden);
  stats_.activation_std.resize(hidden);
  stats_.saturated.resize(hidden);
  stats_.bins = bins;
  stats_.histogram.resize(static_cast<std::size_t>(hidden) * bins);
  for (int l = 0; l < hidden; ++l) {
    const HistogramRange r = histogram_range(net_.spec().layers[l].activation);
    stats_.range.push_back(r.lo);
    stats_.range.push_back(r.hi);
  }
}

const LayerStats& LayerProbe::measure(std::span<const float> params) {
  check_parameters(params, net_.params().size());
  std::copy(params.begin(), params.end(), net_.params().begin());
  const Targets t{std::span<const std::int32_t>(labels_), y_.view()};
  mlp_forward(net_, x_, ws_);
  stats_.loss = mlp_backward(net_, x_, t, ws_);
  for (int l = 0; l < net_.n_layers(); ++l) {
    const MatrixView dw = net_.weight_grad(l);
    stats_.weight_grad_norm[l] = frobenius(dw);
    stats_.weight_grad_rms[l] = stats_.weight_grad_norm[l] / std::sqrt(static_cast<double>(dw.size()));
    stats_.bias_grad_norm[l] = norm2(net_.bias_grad(l));
  }
  for (int l = 0; l + 1 < net_.n_layers(); ++l) {
    const std::span<float> hist(stats_.histogram.data() + static_cast<std::size_t>(l) * stats_.bins,
                                static_cast<std::size_t>(stats_.bins));
    const HiddenLayerStats h = hidden_layer_stats(net_.spec().layers[l].activation, ws_.act(l, x_.rows()), threshold_, hist);
    stats_.activation_mean[l] = h.mean;
    stats_.activation_std[l] = h.std;
    stats_.saturated[l] = h.saturated;
  }
  return stats_;
}

}  // namespace mlp
