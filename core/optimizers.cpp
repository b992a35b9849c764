#include "optimizers.hpp"

#include <cmath>
#include <string>

#include "enum_names.hpp"
#include "errors.hpp"
#include "kernels/partition.hpp"

namespace mlp {

// Fewer parameters than this are updated on one thread (a 2-D surface walk,
// XOR): sharing them costs more than it saves.
constexpr int kParallelMinParams = 16384;

void sgd_step(std::span<float> p, std::span<const float> g, float lr) {
  for (std::size_t i = 0; i < p.size(); ++i) p[i] -= lr * g[i];
}

void momentum_step(std::span<float> p, std::span<const float> g, std::span<float> v, float lr, float mu) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    v[i] = mu * v[i] + g[i];
    p[i] -= lr * v[i];
  }
}

void nesterov_step(std::span<float> p, std::span<const float> g, std::span<float> v, float lr, float mu) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    v[i] = mu * v[i] + g[i];
    p[i] -= lr * (g[i] + mu * v[i]);
  }
}

void adagrad_step(std::span<float> p, std::span<const float> g, std::span<float> s, float lr, float eps) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    s[i] += g[i] * g[i];
    p[i] -= lr * g[i] / (std::sqrt(s[i]) + eps);
  }
}

void rmsprop_step(std::span<float> p, std::span<const float> g, std::span<float> s, float lr, float rho,
                  float eps) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    s[i] = rho * s[i] + (1.0f - rho) * g[i] * g[i];
    p[i] -= lr * g[i] / (std::sqrt(s[i]) + eps);
  }
}

void adam_step(std::span<float> p, std::span<const float> g, std::span<float> m, std::span<float> v, float lr,
               float beta1, float beta2, float eps, std::int64_t t) {
  const double bc1 = 1.0 - std::pow(static_cast<double>(beta1), static_cast<double>(t));
  const double bc2 = 1.0 - std::pow(static_cast<double>(beta2), static_cast<double>(t));
  const float step_size = static_cast<float>(lr / bc1);
  const float inv_sqrt_bc2 = static_cast<float>(1.0 / std::sqrt(bc2));
  for (std::size_t i = 0; i < p.size(); ++i) {
    m[i] = beta1 * m[i] + (1.0f - beta1) * g[i];
    v[i] = beta2 * v[i] + (1.0f - beta2) * g[i] * g[i];
    p[i] -= step_size * m[i] / (std::sqrt(v[i]) * inv_sqrt_bc2 + eps);
  }
}

const char* optimizer_name(OptimizerKind k) {
  switch (k) {
    case OptimizerKind::sgd: return "sgd";
    case OptimizerKind::momentum: return "momentum";
    case OptimizerKind::nesterov: return "nesterov";
    case OptimizerKind::adagrad: return "adagrad";
    case OptimizerKind::rmsprop: return "rmsprop";
    case OptimizerKind::adam: return "adam";
  }
  return "?";
}

OptimizerKind optimizer_from_name(std::string_view name) {
  return enum_from_name(name, kOptimizerKinds, optimizer_name, "optimizer");
}

std::span<const OptimizerParam* const> optimizer_params(OptimizerKind kind) {
  constexpr const OptimizerParam* p = kOptimizerParams;  // momentum, rho, beta1, beta2, epsilon
  static constexpr const OptimizerParam* kMomentum[] = {&p[0]};
  static constexpr const OptimizerParam* kAdagrad[] = {&p[4]};
  static constexpr const OptimizerParam* kRmsprop[] = {&p[1], &p[4]};
  static constexpr const OptimizerParam* kAdam[] = {&p[2], &p[3], &p[4]};
  switch (kind) {
    case OptimizerKind::sgd: return {};
    case OptimizerKind::momentum:
    case OptimizerKind::nesterov: return kMomentum;
    case OptimizerKind::adagrad: return kAdagrad;
    case OptimizerKind::rmsprop: return kRmsprop;
    case OptimizerKind::adam: return kAdam;
  }
  return {};
}

float default_learning_rate(OptimizerKind kind) {
  // Why these: see the table at the top of optimizers.hpp.
  return kind == OptimizerKind::rmsprop || kind == OptimizerKind::adam ? 0.001f : 0.01f;
}

float default_epsilon(OptimizerKind kind) { return kind == OptimizerKind::adagrad ? 1e-10f : 1e-8f; }

OptimizerConfig optimizer_defaults(OptimizerKind kind) {
  OptimizerConfig c;
  c.kind = kind;
  c.learning_rate = default_learning_rate(kind);
  c.epsilon = default_epsilon(kind);
  return c;
}

namespace {

void check_learning_rate(float lr) {
  // Written so that NaN fails too.
  require(lr >= kMinLearningRate && lr <= kMaxLearningRate, "learning_rate", "be finite and > 0", lr);
}

}  // namespace

OptimizerConfig validated(OptimizerConfig c) {
  check_learning_rate(c.learning_rate);
  for (const OptimizerParam& p : kOptimizerParams) {
    const float v = c.*p.field;
    require(v >= p.min && (p.max_exclusive ? v < p.max : v <= p.max), p.name, p.must, v);
  }
  if (c.epsilon == 0.0f) c.epsilon = default_epsilon(c.kind);
  return c;
}

Optimizer::Optimizer(const OptimizerConfig& config, std::size_t n) : config_(validated(config)), n_(n) {
  const bool one = config_.kind != OptimizerKind::sgd;
  const bool two = config_.kind == OptimizerKind::adam;
  if (one) s1_ = AlignedBuffer<float>(n);
  if (two) s2_ = AlignedBuffer<float>(n);
}

void Optimizer::configure(const OptimizerConfig& config) {
  const OptimizerConfig c = validated(config);
  if (c.kind == config_.kind) {
    config_ = c;
    return;
  }
  *this = Optimizer(c, n_);  // allocated before anything is replaced
}

void Optimizer::set_learning_rate(float lr) {
  check_learning_rate(lr);
  config_.learning_rate = lr;
}

void Optimizer::reset() {
  for (float& x : s1_) x = 0.0f;
  for (float& x : s2_) x = 0.0f;
  t_ = 0;
}

void Optimizer::step(std::span<float> p, std::span<const float> g) {
  if (p.size() != n_ || g.size() != n_)
    fail_arg({"parameters", "parameter count"}, "match the optimizer's " + std::to_string(n_), p.size());
  ++t_;
  const OptimizerConfig& c = config_;
  // Element-wise updates: each thread of the pool updates its own slice.
  parallel_ranges(static_cast<int>(n_), 64, kParallelMinParams, [&](int first, int count) {
    const auto part = [&](auto span) { return span.subspan(static_cast<std::size_t>(first), static_cast<std::size_t>(count)); };
    switch (c.kind) {
      case OptimizerKind::sgd: sgd_step(part(p), part(g), c.learning_rate); break;
      case OptimizerKind::momentum: momentum_step(part(p), part(g), part(s1_.span()), c.learning_rate, c.momentum); break;
      case OptimizerKind::nesterov: nesterov_step(part(p), part(g), part(s1_.span()), c.learning_rate, c.momentum); break;
      case OptimizerKind::adagrad: adagrad_step(part(p), part(g), part(s1_.span()), c.learning_rate, c.epsilon); break;
      case OptimizerKind::rmsprop:
        rmsprop_step(part(p), part(g), part(s1_.span()), c.learning_rate, c.rho, c.epsilon);
        break;
      case OptimizerKind::adam:
        adam_step(part(p), part(g), part(s1_.span()), part(s2_.span()), c.learning_rate, c.beta1, c.beta2, c.epsilon,
                  t_);
        break;
    }
  });
}

}  // namespace mlp
