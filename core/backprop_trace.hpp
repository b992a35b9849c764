#pragma once
// Backpropagation laid open, for one example: every intermediate value of one
// forward and backward pass of a small MLP, in the seed's notation (Rumelhart,
// Hinton & Williams 1986, as the chapter writes it):
//   sᵢ = Σⱼ xⱼ wⱼᵢ + bᵢ,  xᵢ = f(sᵢ),
//   ∂E/∂wⱼᵢ = ∂E/∂xᵢ · ∂xᵢ/∂sᵢ · ∂sᵢ/∂wⱼᵢ  with  ∂sᵢ/∂wⱼᵢ = xⱼ,
//   ∂E/∂xⱼ = Σᵢ ∂E/∂sᵢ · wⱼᵢ  for a unit j of the layer below.
// Computed in double by plain loops: an independent twin of Mlp's float GEMM
// path, which the tests hold it to, and finite differences besides.
//
// The output layer's f is the loss's link: sigmoid for binary cross-entropy
// (E = −Σᵢ tᵢ log xᵢ + (1 − tᵢ) log(1 − xᵢ), the seed's E), softmax for
// softmax cross-entropy (E = −Σᵢ tᵢ log xᵢ), the layer's own activation for
// MSE (E = Σᵢ (xᵢ − tᵢ)²). E is summed over the outputs, as in the seed;
// Mlp's losses average over them, so for one example E = outputs · L (binary
// cross-entropy, MSE) or E = L (softmax cross-entropy).
#include <span>
#include <string>
#include <vector>

#include "matrix.hpp"
#include "mlp.hpp"

namespace mlp {

struct LayerTrace {
  std::vector<double> s;      // pre-activations sᵢ (units)
  std::vector<double> x;      // activations xᵢ = f(sᵢ)
  std::vector<double> dE_dx;  // upstream gradient ∂E/∂xᵢ
  // Local derivative ∂xᵢ/∂sᵢ. Softmax couples its units (∂xᵢ/∂sₖ = xᵢ(δᵢₖ − xₖ));
  // this is the Jacobian's diagonal, and dE_ds is the full product.
  std::vector<double> dx_ds;
  std::vector<double> dE_ds;  // ∂E/∂sᵢ (= ∂E/∂bᵢ)
  std::vector<double> dE_dw;  // fan_in × units, row-major: ∂E/∂wⱼᵢ = ∂E/∂sᵢ · xⱼ
};

struct BackpropTrace {
  std::vector<double> input;  // the example's x (the layer below the first)
  std::vector<double> target;
  std::vector<LayerTrace> layers;
  double loss = 0;
  // Every ∂E/∂θ in Mlp's flat layout: per layer W (fan_in × units) then b.
  std::vector<double> gradient;
  // θ − η ∂E/∂θ, rounded to float32 like every weight the core keeps.
  std::vector<float> updated;
};

// One example through the network with parameters `params` (Mlp's layout),
// then one gradient-descent step of size `learning_rate` (≥ 0; 0 leaves them).
// Targets: in [0, 1] for binary cross-entropy; ≥ 0 and summing to 1 for
// softmax cross-entropy; finite for MSE. Throws naming the field otherwise.
BackpropTrace backprop_trace(const MlpSpec& spec, std::span<const float> params, std::span<const float> x,
                             std::span<const float> target, float learning_rate);

// E for one example, in double, with parameters given in double.
double example_loss(const MlpSpec& spec, std::span<const double> params, std::span<const float> x,
                    std::span<const float> target);

// The slow way: (E(θ + h eₖ) − E(θ − h eₖ)) / 2h for every parameter θₖ, in
// double — two forward passes per parameter against backprop's one pass each way.
std::vector<double> finite_difference_gradient(const MlpSpec& spec, std::span<const float> params,
                                               std::span<const float> x, std::span<const float> target, double h);

// The largest |weight| backprop_train keeps: about 1000 × a Glorot start on
// these small layers (|w| ≤ 1.2) — the factor the Trainer's DivergenceMonitor
// uses — and the range the backprop lesson's link keeps (web/src/widgets/backprop/settings.ts).
inline constexpr float kBackpropMaxWeight = 1000.0f;

struct BackpropTraining {
  std::vector<float> params;
  std::vector<double> losses;  // E of each step's example before its update (steps taken)
  double mean_loss = 0;        // mean E over all rows after the last step
  // Training stopped early: the loss became non-finite or exploded (the
  // Trainer's DivergenceMonitor rule, from this call's start), or a weight
  // would have left ±kBackpropMaxWeight. params are then the last good ones
  // (before the step that diverged) and message says why, as the Trainer does.
  bool diverged = false;
  std::string message;
};

// `steps` steps of per-example gradient descent, rows visited in order from
// `first` (cycling): x is rows × inputs, targets rows × outputs. Divergence
// stops it (see BackpropTraining), it never throws for it.
BackpropTraining backprop_train(const MlpSpec& spec, std::span<const float> params, ConstMatrixView x,
                                ConstMatrixView targets, float learning_rate, int first, int steps);

}  // namespace mlp
