#include "pruning.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace mlp {

PruneMask magnitude_mask(const Mlp& net, std::span<const double> density) {
  if (density.size() != static_cast<std::size_t>(net.n_layers()))
    throw std::invalid_argument("pruning needs one density per layer: " + std::to_string(net.n_layers()) + ", got " +
                                std::to_string(density.size()));
  PruneMask mask{std::vector<std::uint8_t>(net.params().size(), 1)};
  const float* base = net.params().data();
  std::vector<std::uint32_t> order;
  for (int l = 0; l < net.n_layers(); ++l) {
    const double d = density[static_cast<std::size_t>(l)];
    if (!(d > 0.0 && d <= 1.0)) throw std::invalid_argument("a pruning density must be in (0, 1], got " + std::to_string(d));
    const ConstMatrixView w = net.weight(l);
    const std::size_t n = static_cast<std::size_t>(w.rows) * static_cast<std::size_t>(w.cols);
    const std::size_t offset = static_cast<std::size_t>(w.data - base);
    const auto kept = static_cast<std::size_t>(std::ceil(d * static_cast<double>(n)));
    order.resize(n);
    std::iota(order.begin(), order.end(), 0u);
    // The kept weights are the first `kept` in this order: larger magnitude first, then lower index.
    std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(std::min(kept, n - 1)), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) {
                       const float ma = std::fabs(w.data[a]), mb = std::fabs(w.data[b]);
                       return ma != mb ? ma > mb : a < b;
                     });
    for (std::size_t i = kept; i < n; ++i) mask.keep[offset + order[i]] = 0;
  }
  return mask;
}

void apply_mask(const PruneMask& mask, std::span<float> params) {
  if (mask.keep.size() != params.size())
    throw std::invalid_argument("the pruning mask covers " + std::to_string(mask.keep.size()) + " parameters, the network has " +
                                std::to_string(params.size()));
  for (std::size_t i = 0; i < params.size(); ++i)
    if (!mask.keep[i]) params[i] = 0.0f;
}

double gradual_density(double target, int done, int total) {
  if (total <= 0 || done >= total) return target;
  const double left = 1.0 - static_cast<double>(std::max(done, 0)) / total;
  return target + (1.0 - target) * left * left * left;
}

std::vector<double> weight_sparsity(const Mlp& net) {
  std::vector<double> out;
  for (int l = 0; l < net.n_layers(); ++l) {
    const ConstMatrixView w = net.weight(l);
    const std::size_t n = static_cast<std::size_t>(w.rows) * static_cast<std::size_t>(w.cols);
    out.push_back(static_cast<double>(std::count(w.data, w.data + n, 0.0f)) / static_cast<double>(n));
  }
  return out;
}

}  // namespace mlp
