#pragma once
// The optimizer family as plain update functions over flat spans, plus a small
// holder for their state. The same code trains networks and walks 2-D surfaces.
//
// Convention: PyTorch's formulas and defaults (torch.optim, 2.x), with g the
// gradient, p the parameters, t the 1-based step count:
//   SGD       p −= lr·g                                                   lr 0.01
//   Momentum  v = μ·v + g;            p −= lr·v                           μ 0.9
//   Nesterov  v = μ·v + g;            p −= lr·(g + μ·v)                   μ 0.9
//   Adagrad   s += g²;                p −= lr·g / (√s + ε)                ε 1e-10
//   RMSProp   s = ρ·s + (1−ρ)·g²;     p −= lr·g / (√s + ε)                ρ 0.99, ε 1e-8
//   Adam      m = β₁m + (1−β₁)g;  v = β₂v + (1−β₂)g²;
//             p −= lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)                     β 0.9/0.999, ε 1e-8
// Géron's Momentum (v ← βv − ηg; θ ← θ + v) is the same trajectory as
// PyTorch's with a constant learning rate, with v scaled by −η.
#include <cstdint>
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

OptimizerKind optimizer_from_name(std::string_view name);
const char* optimizer_name(OptimizerKind k);

struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::sgd;
  float learning_rate = 0.01f;
  float momentum = 0.9f;  // Momentum, Nesterov
  float rho = 0.99f;      // RMSProp decay
  float beta1 = 0.9f;     // Adam
  float beta2 = 0.999f;   // Adam
  float epsilon = 0.0f;   // 0 selects the kind's default above
};

// Fills the kind's default epsilon and throws InvalidArgument naming the first bad field.
OptimizerConfig validated(OptimizerConfig c);

class Optimizer {
 public:
  Optimizer(const OptimizerConfig& config, std::size_t n_params);
  void step(std::span<float> params, std::span<const float> grads);
  void reset();  // zero the state and the step count
  const OptimizerConfig& config() const { return config_; }
  std::int64_t steps() const { return t_; }
  // The state buffers, for snapshots (restoring after a NaN) and inspection.
  AlignedBuffer<float>& state1() { return s1_; }
  AlignedBuffer<float>& state2() { return s2_; }
  void set_steps(std::int64_t t) { t_ = t; }
  void set_learning_rate(float lr);

 private:
  OptimizerConfig config_;
  std::size_t n_;
  AlignedBuffer<float> s1_, s2_;
  std::int64_t t_ = 0;
};

}  // namespace mlp
