#pragma once
// A sequential multi-layer perceptron. All parameters live in one flat aligned
// buffer and all gradients in another of the same layout; each layer sees
// named views into them: for layer l, W_l (fan_in × units) then b_l (units).
#include <cstdint>
#include <span>
#include <vector>

#include "activations.hpp"
#include "aligned_buffer.hpp"
#include "init.hpp"
#include "kernels/gemm.hpp"
#include "losses.hpp"
#include "matrix.hpp"

namespace mlp {

inline constexpr int kMaxHiddenLayers = 8;
inline constexpr int kMaxUnits = 1024;
inline constexpr int kMaxInputs = 4096;

struct LayerSpec {
  int units = 1;
  ActivationSpec activation;
};

struct MlpSpec {
  int inputs = 1;
  std::vector<LayerSpec> layers;  // hidden layers, then the output layer (last)
  Loss loss = Loss::softmax_cross_entropy;
  Init init = Init::truncated_normal;
};

// Checks every field (naming the first bad one) and fills default alphas.
MlpSpec validated(MlpSpec spec);

// What the network is trained towards: class labels (softmax cross-entropy)
// or a B × outputs matrix of targets (MSE, binary cross-entropy).
struct Targets {
  std::span<const std::int32_t> labels;
  ConstMatrixView values;
};

class Mlp {
 public:
  explicit Mlp(MlpSpec spec);  // parameters start at zero; call initialize()

  void initialize(std::uint64_t seed);  // weights per spec.init, biases zero
  const MlpSpec& spec() const { return spec_; }
  int n_layers() const { return static_cast<int>(spec_.layers.size()); }
  int inputs() const { return spec_.inputs; }
  int outputs() const { return spec_.layers.back().units; }
  int fan_in(int l) const { return l == 0 ? spec_.inputs : spec_.layers[l - 1].units; }

  std::span<float> params() { return params_.span(); }
  std::span<const float> params() const { return params_.span(); }
  std::span<float> grads() { return grads_.span(); }
  std::span<const float> grads() const { return grads_.span(); }

  MatrixView weight(int l) { return {params_.data() + offsets_[l], fan_in(l), spec_.layers[l].units}; }
  ConstMatrixView weight(int l) const { return {params_.data() + offsets_[l], fan_in(l), spec_.layers[l].units}; }
  std::span<float> bias(int l) { return {params_.data() + bias_offset(l), size_t_units(l)}; }
  std::span<const float> bias(int l) const { return {params_.data() + bias_offset(l), size_t_units(l)}; }
  MatrixView weight_grad(int l) { return {grads_.data() + offsets_[l], fan_in(l), spec_.layers[l].units}; }
  std::span<float> bias_grad(int l) { return {grads_.data() + bias_offset(l), size_t_units(l)}; }

 private:
  std::size_t size_t_units(int l) const { return static_cast<std::size_t>(spec_.layers[l].units); }
  std::size_t bias_offset(int l) const {
    return offsets_[l] + static_cast<std::size_t>(fan_in(l)) * spec_.layers[l].units;
  }
  MlpSpec spec_;
  std::vector<std::size_t> offsets_;  // start of W_l in the flat buffers
  AlignedBuffer<float> params_, grads_;
};

// Activations, deltas and GEMM packing for batches of up to `max_batch` rows,
// sized once so that training never allocates.
class MlpWorkspace {
 public:
  MlpWorkspace(const Mlp& net, int max_batch);
  int max_batch() const { return max_batch_; }
  MatrixView act(int l, int rows) { return acts_[l].view().rows_slice(0, rows); }
  MatrixView delta(int l, int rows) { return deltas_[l].view().rows_slice(0, rows); }
  GemmWorkspace gemm;

 private:
  int max_batch_;
  std::vector<Matrix> acts_, deltas_;
};

// Output layer values (logits for the cross-entropy losses) for X (B × inputs).
ConstMatrixView mlp_forward(const Mlp& net, ConstMatrixView x, MlpWorkspace& ws);

// After mlp_forward on the same X: the loss, with all gradients written to net.grads().
double mlp_backward(Mlp& net, ConstMatrixView x, const Targets& y, MlpWorkspace& ws);

// Loss only, from the output of mlp_forward.
double mlp_loss(const Mlp& net, ConstMatrixView out, const Targets& y);

// Correct predictions among the rows of `out`: argmax vs label (cross-entropy,
// or MSE with several outputs); a 0.5 threshold for one output / binary targets.
int mlp_count_correct(const Mlp& net, ConstMatrixView out, const Targets& y);

// Probabilities (softmax / sigmoid) or values (MSE), in place over `out`.
void mlp_output_transform(const Mlp& net, MatrixView out);

}  // namespace mlp
