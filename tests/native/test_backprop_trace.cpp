// The backprop trace against finite differences, against Mlp's own gradients
// (the float GEMM path), and against the seed's chain rule written out by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "backprop_trace.hpp"
#include "mlp.hpp"

using namespace mlp;

namespace {

MlpSpec tiny(int hidden, Activation act, int outputs, Loss loss) {
  MlpSpec spec;
  spec.inputs = 2;
  spec.layers = {{hidden, {act, 0}}, {outputs, {Activation::identity, 0}}};
  spec.loss = loss;
  spec.init = Init::glorot_uniform;
  spec.seed = 3;
  return spec;
}

std::vector<float> weights_of(const MlpSpec& spec) {
  Mlp net(spec);
  std::vector<float> p(net.params().begin(), net.params().end());
  for (std::size_t k = 0; k < p.size(); ++k) p[k] += 0.05f * static_cast<float>(k % 3) - 0.05f;  // non-zero biases
  return p;
}

struct Case {
  const char* name;
  MlpSpec spec;
  std::vector<float> target;
};

std::vector<Case> cases() {
  return {
      {"sigmoid + binary cross-entropy, 1 output (the seed's)", tiny(2, Activation::sigmoid, 1, Loss::binary_cross_entropy), {1}},
      {"tanh, 2 sigmoid outputs", tiny(3, Activation::tanh, 2, Loss::binary_cross_entropy), {0, 1}},
      {"relu + softmax cross-entropy", tiny(3, Activation::relu, 2, Loss::softmax_cross_entropy), {0, 1}},
      {"sigmoid + mse", tiny(2, Activation::sigmoid, 1, Loss::mse), {0.25f}},
  };
}

}  // namespace

TEST_CASE("backprop trace: every gradient matches central differences", "[backprop][gradcheck]") {
  const float x[] = {0.7f, -0.4f};
  for (const Case& c : cases()) {
    DYNAMIC_SECTION(c.name) {
      const std::vector<float> p = weights_of(c.spec);
      const BackpropTrace t = backprop_trace(c.spec, p, x, c.target, 0.5f);
      const std::vector<double> fd = finite_difference_gradient(c.spec, p, x, c.target, 1e-5);
      REQUIRE(fd.size() == t.gradient.size());
      for (std::size_t k = 0; k < fd.size(); ++k) {
        INFO("parameter " << k << " backprop " << t.gradient[k] << " finite difference " << fd[k]);
        CHECK(std::abs(t.gradient[k] - fd[k]) <= 1e-8 + 1e-6 * std::abs(fd[k]));
      }
      // The loss the differences were taken of is the trace's.
      CHECK(example_loss(c.spec, std::vector<double>(p.begin(), p.end()), x, c.target) == Approx(t.loss).epsilon(1e-12));
    }
  }
}

TEST_CASE("backprop trace: the gradient is Mlp's (E summed over outputs, L averaged)", "[backprop][mlp]") {
  const float x[] = {0.7f, -0.4f};
  for (const Case& c : cases()) {
    DYNAMIC_SECTION(c.name) {
      const std::vector<float> p = weights_of(c.spec);
      const BackpropTrace t = backprop_trace(c.spec, p, x, c.target, 0);
      Mlp net(c.spec, p);
      MlpWorkspace ws(net, 1);
      const ConstMatrixView in(x, 1, 2);
      const int outputs = net.outputs();
      const std::int32_t label = c.target.size() > 1 && c.target[1] > c.target[0] ? 1 : 0;
      const Targets y{std::span<const std::int32_t>(&label, 1), ConstMatrixView(c.target.data(), 1, outputs)};
      mlp_forward(net, in, ws);
      const double loss = mlp_backward(net, in, y, ws);
      const double scale = c.spec.loss == Loss::softmax_cross_entropy ? 1 : outputs;
      CHECK(t.loss == Approx(scale * loss).epsilon(1e-5));
      for (std::size_t k = 0; k < p.size(); ++k) {
        INFO("parameter " << k);
        CHECK(t.gradient[k] == Approx(scale * net.grads()[k]).epsilon(1e-4).margin(1e-6));
      }
      // Mlp's forward pass gives the same outputs (its probabilities or values).
      Matrix out(1, outputs);
      MatrixView ov = out;
      const ConstMatrixView logits = mlp_forward(net, in, ws);
      std::copy(logits.data, logits.data + outputs, out.data());
      mlp_output_transform(net, ov);
      for (int i = 0; i < outputs; ++i) CHECK(t.layers.back().x[i] == Approx(out(0, i)).epsilon(1e-5));
    }
  }
}

TEST_CASE("backprop trace: the seed's chain rule, factor by factor, on a 2-2-1 sigmoid net", "[backprop]") {
  const MlpSpec spec = tiny(2, Activation::sigmoid, 1, Loss::binary_cross_entropy);
  const std::vector<float> p = weights_of(spec);  // W₀ (2×2), b₀ (2), W₁ (2×1), b₁ (1)
  const float x[] = {1, 0};
  const float t1[] = {1};
  const float eta = 0.5f;
  const BackpropTrace t = backprop_trace(spec, p, x, t1, eta);
  const LayerTrace &hidden = t.layers[0], &out = t.layers[1];
  const auto sigmoid = [](double s) { return 1 / (1 + std::exp(-s)); };
  for (int j = 0; j < 2; ++j) {
    const double s = static_cast<double>(p[4 + j]) + x[0] * static_cast<double>(p[j]) + x[1] * static_cast<double>(p[2 + j]);
    CHECK(hidden.s[j] == Approx(s).epsilon(1e-12));
    CHECK(hidden.x[j] == Approx(sigmoid(s)).epsilon(1e-12));
  }
  const double xo = out.x[0];
  CHECK(xo == Approx(sigmoid(p[8] + hidden.x[0] * p[6] + hidden.x[1] * p[7])).epsilon(1e-12));
  CHECK(t.loss == Approx(-std::log(xo)).epsilon(1e-12));                        // E with t = 1
  CHECK(out.dE_dx[0] == Approx((xo - 1) / (xo * (1 - xo))).epsilon(1e-12));     // 1. ∂E/∂xᵢ
  CHECK(out.dx_ds[0] == Approx(xo * (1 - xo)).epsilon(1e-12));                  // 2. ∂xᵢ/∂sᵢ
  CHECK(out.dE_ds[0] == Approx(xo - 1).epsilon(1e-12));                         // their product, xᵢ − tᵢ
  for (int j = 0; j < 2; ++j) {
    CHECK(out.dE_dw[j] == Approx((xo - 1) * hidden.x[j]).epsilon(1e-12));      // 3. ∂sᵢ/∂wⱼᵢ = xⱼ
    const double xj = hidden.x[j];
    // ∂E/∂w_kj = Σᵢ (xᵢ − tᵢ) wⱼᵢ xⱼ(1 − xⱼ) x_k
    for (int k = 0; k < 2; ++k) CHECK(hidden.dE_dw[k * 2 + j] == Approx((xo - 1) * p[6 + j] * xj * (1 - xj) * x[k]).margin(1e-15));
    CHECK(hidden.dE_dx[j] == Approx((xo - 1) * p[6 + j]).epsilon(1e-12));
  }
  // The update: θ − η ∂E/∂θ, in float32.
  for (std::size_t k = 0; k < p.size(); ++k) CHECK(t.updated[k] == static_cast<float>(p[k] - eta * t.gradient[k]));
}

TEST_CASE("per-example gradient descent learns XOR", "[backprop][xor]") {
  const MlpSpec spec = tiny(3, Activation::sigmoid, 1, Loss::binary_cross_entropy);
  const float xs[] = {0, 0, 0, 1, 1, 0, 1, 1};
  const float ts[] = {0, 1, 1, 0};
  Mlp net(spec);
  const std::vector<float> p(net.params().begin(), net.params().end());
  const BackpropTraining before = backprop_train(spec, p, ConstMatrixView(xs, 4, 2), ConstMatrixView(ts, 4, 1), 0.5f, 0, 1);
  const BackpropTraining r = backprop_train(spec, p, ConstMatrixView(xs, 4, 2), ConstMatrixView(ts, 4, 1), 0.5f, 0, 4000);
  CHECK(r.losses.size() == 4000);
  CHECK(r.mean_loss < 0.05);
  CHECK(r.mean_loss < before.mean_loss);
  // Step k's loss is the trace's for example k mod 4 at the weights reached so far.
  const BackpropTrace first = backprop_trace(spec, p, std::span<const float>(xs, 2), std::span<const float>(ts, 1), 0.5f);
  CHECK(r.losses[0] == first.loss);
}

TEST_CASE("per-example training that diverges stops before the bad step and says why", "[backprop][divergence]") {
  const float xs[] = {0, 0, 0, 1, 1, 0, 1, 1};
  const float ts[] = {0, 1, 1, 0};
  const ConstMatrixView x(xs, 4, 2), t(ts, 4, 1);

  SECTION("the loss explodes without NaN: ReLU at η = 10") {
    MlpSpec spec = tiny(3, Activation::relu, 1, Loss::binary_cross_entropy);
    spec.seed = 1;
    Mlp net(spec);  // the lesson's own start (the Node and browser tests use it too)
    const std::vector<float> p(net.params().begin(), net.params().end());
    const BackpropTraining r = backprop_train(spec, p, x, t, 10.0f, 0, 1000);
    REQUIRE(r.diverged);
    CHECK_THAT(r.message, Catch::Matchers::StartsWith("the loss exploded: averaged over recent steps it reached "));
    CHECK_THAT(r.message, Catch::Matchers::EndsWith(" of 1000; weights restored to their last good values. Try a smaller learning rate."));
    REQUIRE(r.losses.size() < 1000);
    CHECK_THAT(r.message, Catch::Matchers::Contains("at step " + std::to_string(r.losses.size() + 1) + " of"));
    const BackpropTraining good = backprop_train(spec, p, x, t, 10.0f, 0, static_cast<int>(r.losses.size()));
    CHECK_FALSE(good.diverged);
    CHECK(good.message.empty());
    CHECK(r.params == good.params);
    CHECK(r.losses == good.losses);
    CHECK(r.mean_loss == good.mean_loss);
  }

  SECTION("a weight that would leave ±1000 is not kept") {
    // MSE on an identity output from weights of 999: the first step's gradient
    // is huge while the loss has no start to exceed yet.
    MlpSpec spec = tiny(2, Activation::relu, 1, Loss::mse);
    const std::vector<float> p(weights_of(spec).size(), 999.0f);
    const BackpropTraining r = backprop_train(spec, p, x, t, 0.5f, 3, 10);
    REQUIRE(r.diverged);
    CHECK_THAT(r.message, Catch::Matchers::StartsWith("a weight left ±1000 (it reached "));
    CHECK_THAT(r.message, Catch::Matchers::Contains(") at step 1 of 10; weights restored"));
    CHECK(r.losses.empty());
    CHECK(r.params == p);
  }

  SECTION("a rate that learns never trips it") {
    const MlpSpec spec = tiny(3, Activation::sigmoid, 1, Loss::binary_cross_entropy);
    const BackpropTraining r = backprop_train(spec, weights_of(spec), x, t, 0.5f, 0, 4000);
    CHECK_FALSE(r.diverged);
    CHECK(r.losses.size() == 4000);
  }
}

TEST_CASE("backprop trace checks the example, the targets and the rates", "[backprop][errors]") {
  const MlpSpec bce = tiny(2, Activation::sigmoid, 1, Loss::binary_cross_entropy);
  const std::vector<float> p = weights_of(bce);
  const float x[] = {1, 0};
  const float one[] = {1}, bad[] = {1.5f}, two[] = {0.5f, 0.25f};
  CHECK_THROWS_WITH(backprop_trace(bce, p, std::span<const float>(x, 1), one, 0), "example inputs must number the network's inputs (2), got 1");
  CHECK_THROWS_WITH(backprop_trace(bce, p, x, bad, 0), "target 1 must be in [0, 1], got 1.5");
  CHECK_THROWS_WITH(backprop_trace(bce, p, x, one, -1), "learning_rate must be finite and >= 0, got -1");
  CHECK_THROWS_WITH(backprop_trace(bce, std::span<const float>(p.data(), 3), x, one, 0), "parameter count must be 9 for this architecture, got 3");
  const MlpSpec soft = tiny(2, Activation::sigmoid, 2, Loss::softmax_cross_entropy);
  CHECK_THROWS_WITH(backprop_trace(soft, weights_of(soft), x, two, 0), "targets must sum to 1 for softmax_cross_entropy, got 0.75");
  CHECK_THROWS_WITH(finite_difference_gradient(bce, p, x, one, 0), "h must be in (0, 1], got 0");
}
