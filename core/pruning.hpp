#pragma once
// Magnitude pruning (Han et al., "Learning both Weights and Connections",
// 2015; the gradual schedule of Zhu & Gupta, 2017): the shipped digit model
// keeps only its largest weights, so its int8 file is mostly zeros and
// compresses to a fraction of its size on the wire (gzip), while a few epochs
// of training with the mask held let the kept weights make up for the rest.
// Biases are never pruned. Nothing here changes the file format: a pruned
// model is an ordinary model whose weights happen to be zero.
#include <cstdint>
#include <span>
#include <vector>

#include "mlp.hpp"

namespace mlp {

// One flag per parameter of an Mlp (1 = kept), in its flat layout.
struct PruneMask {
  std::vector<std::uint8_t> keep;
};

// Keeps, in each layer's W separately, the ceil(density_l · fan_in · units)
// weights of largest magnitude (ties broken towards the lower index, so the
// mask is deterministic); biases are all kept. `density` has one entry per
// layer, each in (0, 1].
PruneMask magnitude_mask(const Mlp& net, std::span<const double> density);

// Zeroes every parameter the mask does not keep.
void apply_mask(const PruneMask& mask, std::span<float> params);

// The density after `done` of `total` pruning steps, going from 1 to `target`
// along Zhu & Gupta's cubic: target + (1 − target)(1 − done/total)^3. Fast at
// first, while the network can recover; slow at the end.
double gradual_density(double target, int done, int total);

// Fraction of W entries (biases excluded) that are exactly zero, per layer.
std::vector<double> weight_sparsity(const Mlp& net);

}  // namespace mlp
