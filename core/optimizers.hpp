#pragma once
// The optimizer family as plain update functions over flat spans, plus a small
// holder for their state. The same code trains networks and walks 2-D surfaces.
//
// Formulas: PyTorch's (torch.optim, 2.x), with g the gradient, p the
// parameters, t the 1-based step count:
//   SGD       p −= lr·g
//   Momentum  v = μ·v + g;            p −= lr·v
//   Nesterov  v = μ·v + g;            p −= lr·(g + μ·v)
//   Adagrad   s += g²;                p −= lr·g / (√s + ε)
//   RMSProp   s = ρ·s + (1−ρ)·g²;     p −= lr·g / (√s + ε)
//   Adam      m = β₁m + (1−β₁)g;  v = β₂v + (1−β₂)g²;
//             p −= lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)
// Géron's Momentum (v ← βv − ηg; θ ← θ + v) is the same trajectory as
// PyTorch's with a constant learning rate, with v scaled by −η.
//
// Defaults: ours, per optimizer (optimizer_defaults), stated here because they
// are not all PyTorch's:
//   learning rate  0.01   SGD, Momentum, Nesterov: the seed's (Géron ch. 10) rate,
//                         ~91% on MNIST after one epoch of the seed's network.
//                         (PyTorch ≥ 2.2 defaults SGD to 1e-3.)
//                  0.01   Adagrad: PyTorch's; its growing denominator shrinks it.
//                  0.001  RMSProp: Keras' and Géron's (ch. 11). PyTorch's 0.01 is
//                         large here: with no bias correction the first step is
//                         lr·g/√((1−ρ)g²) = 10·lr per weight at ρ = 0.99.
//                  0.001  Adam: PyTorch's, Keras' and Géron's.
//   μ 0.9          PyTorch's momentum is 0, which makes "Momentum" plain SGD;
//                  0.9 is Géron's and the usual choice.
//   ρ 0.99, β₁ 0.9, β₂ 0.999, ε 1e-8 (Adagrad 1e-10): PyTorch's.
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

#include "aligned_buffer.hpp"

namespace mlp {

void sgd_step(std::span<float> p, std::span<const float> g, float lr);
void momentum_step(std::span<float> p, std::span<const float> g, std::span<float> v, float lr, float mu);
void nesterov_step(std::span<float> p, std::span<const float> g, std::span<float> v, float lr, float mu);
void adagrad_step(std::span<float> p, std::span<const float> g, std::span<float> s, float lr, float eps);
void rmsprop_step(std::span<float> p, std::span<const float> g, std::span<float> s, float lr, float rho,
                  float eps);
void adam_step(std::span<float> p, std::span<const float> g, std::span<float> m, std::span<float> v, float lr,
               float beta1, float beta2, float eps, std::int64_t t);

enum class OptimizerKind : std::uint8_t { sgd, momentum, nesterov, adagrad, rmsprop, adam };

inline constexpr OptimizerKind kOptimizerKinds[] = {OptimizerKind::sgd,     OptimizerKind::momentum,
                                                    OptimizerKind::nesterov, OptimizerKind::adagrad,
                                                    OptimizerKind::rmsprop,  OptimizerKind::adam};

OptimizerKind optimizer_from_name(std::string_view name);
const char* optimizer_name(OptimizerKind k);

// The learning rates validated() accepts: every finite float32 above 0.
inline constexpr float kMinLearningRate = std::numeric_limits<float>::denorm_min();
inline constexpr float kMaxLearningRate = std::numeric_limits<float>::max();

struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::sgd;
  float learning_rate = 0.01f;  // SGD's default; optimizer_defaults(kind) gives each kind's
  float momentum = 0.9f;        // Momentum, Nesterov
  float rho = 0.99f;            // RMSProp decay
  float beta1 = 0.9f;           // Adam
  float beta2 = 0.999f;         // Adam
  float epsilon = 0.0f;         // Adagrad, RMSProp, Adam; 0 selects the kind's default
};

// One hyper-parameter besides the learning rate: its field, the range
// validated() checks (min inclusive) and the message naming it.
struct OptimizerParam {
  const char* name;
  float OptimizerConfig::*field;
  float min, max;
  bool max_exclusive;
  const char* must;
};

// momentum, rho, beta1, beta2 in [0, 1); epsilon finite and >= 0 (0: default).
inline constexpr OptimizerParam kOptimizerParams[] = {
    {"momentum", &OptimizerConfig::momentum, 0.0f, 1.0f, true, "be in [0, 1)"},
    {"rho", &OptimizerConfig::rho, 0.0f, 1.0f, true, "be in [0, 1)"},
    {"beta1", &OptimizerConfig::beta1, 0.0f, 1.0f, true, "be in [0, 1)"},
    {"beta2", &OptimizerConfig::beta2, 0.0f, 1.0f, true, "be in [0, 1)"},
    {"epsilon", &OptimizerConfig::epsilon, 0.0f, std::numeric_limits<float>::max(), false,
     "be finite and >= 0 (0 selects the optimizer's default)"},
};

// The hyper-parameters (entries of kOptimizerParams) that `kind` reads.
std::span<const OptimizerParam* const> optimizer_params(OptimizerKind kind);

float default_learning_rate(OptimizerKind kind);
float default_epsilon(OptimizerKind kind);
// Every field at `kind`'s default (see the table at the top of this file).
OptimizerConfig optimizer_defaults(OptimizerKind kind);

// Fills the kind's default epsilon and throws InvalidArgument naming the first bad field.
OptimizerConfig validated(OptimizerConfig c);

class Optimizer {
 public:
  Optimizer(const OptimizerConfig& config, std::size_t n_params);
  void step(std::span<float> params, std::span<const float> grads);
  void reset();  // zero the state and the step count
  const OptimizerConfig& config() const { return config_; }
  // Steps taken by this optimizer's state (Adam's bias-correction t).
  std::int64_t steps() const { return t_; }
  // The state buffers, for snapshots (restoring after a NaN) and inspection:
  // v (Momentum, Nesterov), s (Adagrad, RMSProp) or Adam's m and v.
  AlignedBuffer<float>& state1() { return s1_; }
  AlignedBuffer<float>& state2() { return s2_; }
  const AlignedBuffer<float>& state1() const { return s1_; }
  const AlignedBuffer<float>& state2() const { return s2_; }
  void set_steps(std::int64_t t) { t_ = t; }
  // New hyper-parameters from the next step, validated first (nothing changes
  // on error). The same kind keeps its state and step count; another kind
  // starts from zero state, as a fresh optimizer would.
  void configure(const OptimizerConfig& config);
  // A new step size only (learning-rate schedules); checked like validated().
  void set_learning_rate(float lr);

 private:
  OptimizerConfig config_;
  std::size_t n_;
  AlignedBuffer<float> s1_, s2_;
  std::int64_t t_ = 0;
};

}  // namespace mlp
