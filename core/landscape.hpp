#pragma once
// A 2-D slice of a network's loss landscape (Li et al., "Visualizing the Loss
// Landscape of Neural Nets", 2018): L(θ* + α·d₁ + β·d₂) on a grid, with d₁, d₂
// random Gaussian directions, filter-normalised — each neuron's incoming
// weights in d are rescaled to the norm of that neuron's weights in θ*, and
// bias entries are zero — so the picture does not depend on weight scale.
// Computed a few grid rows per call, so a worker can report progress.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "dataset.hpp"
#include "evaluator.hpp"
#include "mlp.hpp"
#include "surfaces.hpp"

namespace mlp {

class LossLandscape {
 public:
  LossLandscape(const Mlp& net, std::shared_ptr<const Dataset> data, std::uint64_t seed, double span, int resolution);

  // Computes up to `rows` more rows of the grid; returns the rows done so far.
  int compute_rows(int rows);
  bool done() const { return rows_done_ == resolution_; }
  int resolution() const { return resolution_; }
  double span() const { return span_; }
  // resolution × resolution losses: row j is β = −span + 2·span·j/(resolution−1),
  // column i is α likewise. Rows not computed yet hold NaN.
  std::span<const float> values() const { return values_; }
  // Least-squares coordinates (α, β) of params − θ* in the plane of d₁, d₂.
  Point2 project(std::span<const float> params) const;
  std::span<const float> direction(int which) const { return which == 0 ? d1_ : d2_; }

 private:
  Mlp net_;
  std::shared_ptr<const Dataset> data_;
  std::vector<float> centre_, d1_, d2_;
  double span_;
  int resolution_, rows_done_ = 0;
  std::vector<float> values_;
  Evaluator eval_;
  double g11_ = 0, g12_ = 0, g22_ = 0;  // Gram matrix of the directions
};

}  // namespace mlp
