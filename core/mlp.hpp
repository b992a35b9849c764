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
#include "rng.hpp"

namespace mlp {

// What validated() accepts (the vocabulary reports these same constants).
inline constexpr int kMaxHiddenLayers = 10;  // the vanishing-gradients lesson goes 10 deep
inline constexpr int kMaxUnits = 1024;
inline constexpr int kMaxInputs = 4096;
// Mini-batch sizes a trainer accepts. np.array_split puts up to 2·b − 1 rows
// in one batch (b = 1,000 of 1,999 examples is one batch), so a workspace
// holds up to kMaxBatchRows.
inline constexpr int kMaxBatchSize = 1 << 20;
inline constexpr int kMaxBatchRows = 2 * kMaxBatchSize - 1;
inline constexpr std::uint64_t kDefaultSeed = 42;

struct LayerSpec {
  int units = 1;
  ActivationSpec activation;
};

struct MlpSpec {
  int inputs = 1;
  std::vector<LayerSpec> layers;  // hidden layers, then the output layer (last)
  Loss loss = Loss::softmax_cross_entropy;
  Init init = Init::truncated_normal;
  std::uint64_t seed = kDefaultSeed;  // the initial weights are drawn from it, in [0, kMaxSeed]
};

// Every activation may sit in a hidden layer (step's zero derivative stops
// learning below it: a lesson, not an error). The output layer must give
// logits (identity) for the cross-entropy losses; MSE takes any activation.
// The seed slides' MLP (Géron ch. 10): 784-300-100-10, ReLU hidden layers,
// softmax cross-entropy, truncated normal weights from kDefaultSeed.
MlpSpec seed_mlp_spec();

bool hidden_activation_allowed(Activation hidden);
bool output_activation_allowed(Loss loss, Activation output);

// Checks every field (naming the first bad one) and fills default alphas.
MlpSpec validated(MlpSpec spec);

// Weights and biases of all layers: Σ (fan_in + 1)·units.
std::size_t parameter_count(const MlpSpec& spec);
// Throws unless `params` holds `expected` finite values.
void check_parameters(std::span<const float> params, std::size_t expected);

// What the network is trained towards: class labels (softmax cross-entropy)
// or a B × outputs matrix of targets (MSE, binary cross-entropy).
struct Targets {
  std::span<const std::int32_t> labels;
  ConstMatrixView values;
};

class Mlp {
 public:
  // Weights drawn per spec.init from spec.seed (our Rng: the same network
  // natively and in WASM), biases zero.
  explicit Mlp(MlpSpec spec);
  // The given parameters (a loaded model), in the flat layout of params().
  Mlp(MlpSpec spec, std::span<const float> params);

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
  void allocate();    // offsets_ and zeroed buffers for spec_
  void initialize();  // weights per spec_.init from spec_.seed, biases zero
  std::size_t size_t_units(int l) const { return static_cast<std::size_t>(spec_.layers[l].units); }
  std::size_t bias_offset(int l) const {
    return offsets_[l] + static_cast<std::size_t>(fan_in(l)) * spec_.layers[l].units;
  }
  MlpSpec spec_;
  std::vector<std::size_t> offsets_;  // start of W_l in the flat buffers
  AlignedBuffer<float> params_, grads_;
};

// Refuses (naming batch_size) a batch whose workspace would not fit in memory.
void check_batch_memory(const Mlp& net, int max_batch);

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
