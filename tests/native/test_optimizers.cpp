// Three steps of each optimizer against values worked out by hand.
// Parameters p = (1, −1); gradients g₁ = (0.5, −0.5), g₂ = (0.25, −0.25),
// g₃ = (−1, 1); learning rate 0.1; PyTorch defaults otherwise. The second
// coordinate mirrors the first, so it must end at the negated value.
#include <catch2/catch.hpp>

#include "optimizers.hpp"

using namespace mlp;

namespace {

void run_three_steps(OptimizerKind kind, const float (&expected)[3]) {
  OptimizerConfig c;
  c.kind = kind;
  c.learning_rate = 0.1f;
  Optimizer opt(c, 2);
  float p[2] = {1.0f, -1.0f};
  const float g[3] = {0.5f, 0.25f, -1.0f};
  for (int t = 0; t < 3; ++t) {
    const float grad[2] = {g[t], -g[t]};
    opt.step(p, grad);
    INFO(optimizer_name(kind) << " after step " << t + 1);
    CHECK(p[0] == Approx(expected[t]).epsilon(1e-5).margin(1e-6));
    CHECK(p[1] == Approx(-expected[t]).epsilon(1e-5).margin(1e-6));
  }
  CHECK(opt.steps() == 3);
}

}  // namespace

TEST_CASE("SGD: p -= lr g", "[optimizers]") {
  // 1 − 0.05 = 0.95; 0.95 − 0.025 = 0.925; 0.925 + 0.1 = 1.025
  run_three_steps(OptimizerKind::sgd, {0.95f, 0.925f, 1.025f});
}

TEST_CASE("Momentum: v = 0.9 v + g; p -= lr v", "[optimizers]") {
  // v: 0.5, 0.7, −0.37  →  p: 0.95, 0.88, 0.917
  run_three_steps(OptimizerKind::momentum, {0.95f, 0.88f, 0.917f});
}

TEST_CASE("Nesterov: v = 0.9 v + g; p -= lr (g + 0.9 v)", "[optimizers]") {
  // p: 1 − 0.1(0.5 + 0.45) = 0.905; 0.905 − 0.1(0.25 + 0.63) = 0.817;
  //    0.817 − 0.1(−1 − 0.333) = 0.9503
  run_three_steps(OptimizerKind::nesterov, {0.905f, 0.817f, 0.9503f});
}

TEST_CASE("Adagrad: s += g²; p -= lr g / (√s + ε)", "[optimizers]") {
  // s: 0.25, 0.3125, 1.3125 → p: 0.9, 0.9 − 0.025/0.559017 = 0.8552786,
  //    0.8552786 + 0.1/1.1456439 = 0.9425658
  run_three_steps(OptimizerKind::adagrad, {0.9f, 0.8552786f, 0.9425658f});
}

TEST_CASE("RMSProp: s = 0.99 s + 0.01 g²; p -= lr g / (√s + ε)", "[optimizers]") {
  // s: 0.0025, 0.0031, 0.013069 → p: 0, −0.025/0.0556776 = −0.4490133,
  //    −0.4490133 + 0.1/0.1143197 = 0.4257266
  run_three_steps(OptimizerKind::rmsprop, {0.0f, -0.4490133f, 0.4257266f});
}

TEST_CASE("Adam: bias-corrected moments", "[optimizers]") {
  // m: 0.05, 0.07, −0.037; v: 0.00025, 0.00031225, 0.00131193775
  // m̂/√v̂: 1, 0.3684211/0.3952253, −0.1365314/0.6616269
  // p: 0.9, 0.8067820, 0.8274177
  run_three_steps(OptimizerKind::adam, {0.9f, 0.8067820f, 0.8274177f});
}

TEST_CASE("optimizer settings are validated by name", "[optimizers][errors]") {
  OptimizerConfig c;
  c.learning_rate = 0.0f;
  CHECK_THROWS_WITH(Optimizer(c, 1), "learning_rate must be finite and > 0, got 0");
  c.learning_rate = -1.0f;
  CHECK_THROWS_WITH(Optimizer(c, 1), "learning_rate must be finite and > 0, got -1");
  c.learning_rate = std::numeric_limits<float>::infinity();
  CHECK_THROWS_WITH(Optimizer(c, 1), "learning_rate must be finite and > 0, got Infinity");
  c.learning_rate = 0.1f;
  c.momentum = 1.0f;
  CHECK_THROWS_WITH(Optimizer(c, 1), "momentum must be in [0, 1), got 1");
  c.momentum = 0.9f;
  c.beta2 = -0.5f;
  CHECK_THROWS_WITH(Optimizer(c, 1), "beta2 must be in [0, 1), got -0.5");
  CHECK_THROWS_WITH(optimizer_from_name("lbfgs"), Catch::Contains("optimizer must be one of"));
}

TEST_CASE("default epsilons follow PyTorch", "[optimizers]") {
  OptimizerConfig c;
  c.kind = OptimizerKind::adagrad;
  CHECK(validated(c).epsilon == 1e-10f);
  c.kind = OptimizerKind::adam;
  CHECK(validated(c).epsilon == 1e-8f);
}

TEST_CASE("configure: the same kind keeps its state and step count, another kind starts fresh", "[optimizers]") {
  OptimizerConfig c = optimizer_defaults(OptimizerKind::momentum);
  c.learning_rate = 0.1f;
  Optimizer opt(c, 2);
  float p[2] = {1.0f, -1.0f};
  const float g[2] = {0.5f, -0.5f};
  opt.step(p, g);  // v = 0.5, p = 0.95
  c.learning_rate = 0.2f;
  c.momentum = 0.5f;
  opt.configure(c);
  CHECK(opt.steps() == 1);
  CHECK(opt.state1()[0] == 0.5f);
  opt.step(p, g);  // v = 0.5·0.5 + 0.5 = 0.75, p = 0.95 − 0.2·0.75 = 0.8
  CHECK(p[0] == Approx(0.8f));
  CHECK(opt.config().momentum == 0.5f);

  c = optimizer_defaults(OptimizerKind::adam);
  opt.configure(c);
  CHECK(opt.steps() == 0);
  CHECK(opt.state1().size() == 2u);
  CHECK(opt.state2().size() == 2u);
  CHECK(opt.state1()[0] == 0.0f);
  opt.step(p, g);  // a fresh Adam's first step: lr·g/(|g| + ε) = 0.001
  CHECK(p[0] == Approx(0.799f));

  c.beta1 = 1.0f;
  CHECK_THROWS_WITH(opt.configure(c), "beta1 must be in [0, 1), got 1");
  CHECK(opt.config().beta1 == 0.9f);
  CHECK(opt.steps() == 1);
}
