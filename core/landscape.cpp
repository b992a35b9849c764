#include "landscape.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "errors.hpp"
#include "rng.hpp"

namespace mlp {
namespace {

void filter_normalised_direction(const Mlp& net, std::span<const float> centre, std::vector<float>& d, Rng& rng) {
  d.assign(centre.size(), 0.0f);
  const float* base = net.params().data();
  for (int l = 0; l < net.n_layers(); ++l) {
    const ConstMatrixView w = net.weight(l);
    const std::size_t off = static_cast<std::size_t>(w.data - base);
    for (int j = 0; j < w.cols; ++j) {  // neuron j's incoming weights: column j
      double dn = 0, wn = 0;
      for (int i = 0; i < w.rows; ++i) {
        const float r = static_cast<float>(rng.normal());
        d[off + static_cast<std::size_t>(i) * w.cols + j] = r;
        dn += static_cast<double>(r) * r;
        wn += static_cast<double>(w(i, j)) * w(i, j);
      }
      const double scale = dn > 0 ? std::sqrt(wn / dn) : 0.0;
      for (int i = 0; i < w.rows; ++i) d[off + static_cast<std::size_t>(i) * w.cols + j] *= static_cast<float>(scale);
    }
  }
}

double dot(std::span<const float> a, std::span<const float> b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += static_cast<double>(a[i]) * b[i];
  return s;
}

}  // namespace

LossLandscape::LossLandscape(const Mlp& net, std::shared_ptr<const Dataset> data, std::uint64_t seed, double span,
                             int resolution)
    : net_(net), data_(std::move(data)), span_(span), resolution_(resolution) {
  if (!data_) throw InvalidArgument("landscape data must be given", "data");
  require(std::isfinite(span) && span > 0 && span <= 100, {"span", "landscape span"}, "be in (0, 100]", span);
  require_in_range(resolution, 3, 201, {"resolution", "landscape resolution"});
  Evaluator::check_dataset(net_, *data_);
  centre_.assign(net.params().begin(), net.params().end());
  Rng rng(seed);
  filter_normalised_direction(net_, centre_, d1_, rng);
  filter_normalised_direction(net_, centre_, d2_, rng);
  g11_ = dot(d1_, d1_), g12_ = dot(d1_, d2_), g22_ = dot(d2_, d2_);
  if (!(g11_ > 0 && g22_ > 0)) throw InvalidArgument("landscape: all weights are zero, so the directions are empty", "trainer");
  values_.assign(static_cast<std::size_t>(resolution) * resolution, std::numeric_limits<float>::quiet_NaN());
}

int LossLandscape::compute_rows(int rows) {
  require_in_range(rows, 1, resolution_, {"rows", "rows per call"});
  const int end = std::min(resolution_, rows_done_ + rows);
  std::span<float> p = net_.params();
  for (int j = rows_done_; j < end; ++j) {
    const double beta = -span_ + 2 * span_ * j / (resolution_ - 1);
    for (int i = 0; i < resolution_; ++i) {
      const double alpha = -span_ + 2 * span_ * i / (resolution_ - 1);
      for (std::size_t k = 0; k < p.size(); ++k)
        p[k] = centre_[k] + static_cast<float>(alpha * d1_[k] + beta * d2_[k]);
      values_[static_cast<std::size_t>(j) * resolution_ + i] = static_cast<float>(eval_.evaluate(net_, *data_).loss);
    }
  }
  std::copy(centre_.begin(), centre_.end(), p.begin());
  rows_done_ = end;
  return rows_done_;
}

Point2 LossLandscape::project(std::span<const float> params) const {
  if (params.size() != centre_.size())
    fail_arg({"parameters", "parameter count"}, "be " + std::to_string(centre_.size()), params.size());
  for (std::size_t k = 0; k < params.size(); ++k)
    if (!std::isfinite(params[k]))
      fail_arg({"parameters[" + std::to_string(k) + "]", "parameter " + std::to_string(k)}, "be finite", params[k]);
  double b1 = 0, b2 = 0;
  for (std::size_t k = 0; k < params.size(); ++k) {
    const double v = static_cast<double>(params[k]) - centre_[k];
    b1 += v * d1_[k], b2 += v * d2_[k];
  }
  const double det = g11_ * g22_ - g12_ * g12_;
  return {(g22_ * b1 - g12_ * b2) / det, (g11_ * b2 - g12_ * b1) / det};
}

}  // namespace mlp
