#pragma once
// Generated data sets, drawn from our own Rng so a seed gives the same set
// natively and in the browser.
#include <cstdint>
#include <string_view>

#include "dataset.hpp"

namespace mlp {

// The four rows of a two-input truth table: and, or, nand, nor, xor, xnor.
Dataset logic_gate(std::string_view gate);

// `classes` Gaussian clusters in `dim` dimensions: centres N(0, 1) per
// coordinate, points centre + spread · N(0, 1). Labels cycle 0, 1, 2, ….
Dataset gaussian_blobs(int n, int dim, int classes, float spread, std::uint64_t seed);

// Two interleaving half circles in 2-D (labels 0, 1), Gaussian noise added.
Dataset two_moons(int n, float noise, std::uint64_t seed);
// A disc of class 0 inside a ring of class 1.
Dataset circles(int n, float noise, std::uint64_t seed);

}  // namespace mlp
