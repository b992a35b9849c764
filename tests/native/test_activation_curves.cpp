// The activations lesson's curves: f and f′ sampled through the layer kernels
// equal their scalar twins on random odd-sized grids, match central
// differences of f (step: its documented 0), hit known values, and shade the
// saturated stretches where |f′| is below the threshold.
#include <catch2/catch.hpp>

#include <cmath>

#include "activation_curves.hpp"
#include "rng.hpp"

using namespace mlp;

namespace {

const Activation kElementwise[] = {Activation::identity, Activation::step, Activation::sigmoid,
                                   Activation::tanh,     Activation::relu, Activation::leaky_relu,
                                   Activation::elu};

}  // namespace

TEST_CASE("activation curves: the layer kernels equal the scalar forms on odd-sized grids", "[activations][curves]") {
  Rng rng(7);
  for (Activation kind : kElementwise) {
    for (int n : {3, 7, 17, 33, 101, 1001}) {
      const float alpha = static_cast<float>(rng.uniform(0.05, 2.0));
      const float z0 = static_cast<float>(rng.uniform(-9.0, -0.5)), z1 = static_cast<float>(rng.uniform(0.5, 9.0));
      const ActivationCurve a = sample_activation({kind, alpha}, z0, z1, n, 0.05f);
      const ActivationCurve b = sample_activation_scalar({kind, alpha}, z0, z1, n, 0.05f);
      INFO(activation_name(kind) << " n " << n << " on [" << z0 << ", " << z1 << "]");
      REQUIRE(a.z.size() == static_cast<std::size_t>(n));
      CHECK(a.z.front() == z0);
      CHECK(a.z.back() == z1);
      CHECK(a.z == b.z);
      CHECK(a.value == b.value);
      CHECK(a.derivative == b.derivative);
      CHECK(a.saturated == b.saturated);
    }
  }
}

TEST_CASE("activation curves: f′ matches central differences of f, and step's is its documented 0", "[activations][curves][gradcheck]") {
  for (Activation kind : kElementwise) {
    DYNAMIC_SECTION(activation_name(kind)) {
      const ActivationSpec s = with_default_alpha({kind, kind == Activation::leaky_relu ? 0.2f : 0.0f});
      // 0.37 apart from −5.5: no sample lands on a kink at 0.
      const ActivationCurve c = sample_activation(s, -5.5f, 5.6f, 31, 0.05f);
      for (std::size_t i = 0; i < c.z.size(); ++i) {
        const double z = c.z[i], h = 1e-3;
        const double fd = (static_cast<double>(activation_value(s, static_cast<float>(z + h))) -
                           activation_value(s, static_cast<float>(z - h))) / (2 * h);
        INFO("z " << z << " f′ " << c.derivative[i] << " central difference " << fd);
        CHECK(std::abs(c.derivative[i] - fd) <= 2e-3 + 2e-3 * std::abs(fd));
        CHECK(c.value[i] == activation_value(s, c.z[i]));
      }
    }
  }
  // step jumps at 0 (step(0) = 1, the perceptron's convention) and has no
  // derivative there; the core documents f′ = 0 everywhere, the jump included.
  const ActivationCurve step = sample_activation({Activation::step, 0}, -1.0f, 1.0f, 5, 0.05f);
  CHECK(step.value == std::vector<float>{0, 0, 1, 1, 1});
  CHECK(step.derivative == std::vector<float>{0, 0, 0, 0, 0});
}

TEST_CASE("activation curves: known values and derivatives", "[activations][curves]") {
  const auto at = [](ActivationSpec s, float z) {
    const ActivationCurve c = sample_activation(s, z, z + 1.0f, 2, 0.0f);
    return std::pair{c.value[0], c.derivative[0]};
  };
  CHECK(at({Activation::sigmoid, 0}, 0.0f) == std::pair{0.5f, 0.25f});
  CHECK(at({Activation::tanh, 0}, 0.0f) == std::pair{0.0f, 1.0f});
  CHECK(at({Activation::tanh, 0}, 1.0f).first == Approx(std::tanh(1.0)));
  CHECK(at({Activation::relu, 0}, -2.0f) == std::pair{0.0f, 0.0f});
  CHECK(at({Activation::relu, 0}, 3.0f) == std::pair{3.0f, 1.0f});
  CHECK(at({Activation::leaky_relu, 0.2f}, -2.0f).first == Approx(-0.4f));
  CHECK(at({Activation::leaky_relu, 0.2f}, -2.0f).second == Approx(0.2f));
  CHECK(at({Activation::leaky_relu, 0}, -1.0f).second == Approx(0.01f));  // the default α
  // ELU below 0: α(eᶻ − 1), slope αeᶻ; its floor is −α, the negative outputs the seed points at.
  CHECK(at({Activation::elu, 0.5f}, -1.0f).first == Approx(0.5 * std::expm1(-1.0)));
  CHECK(at({Activation::elu, 0.5f}, -1.0f).second == Approx(0.5 * std::exp(-1.0)).epsilon(1e-5));
  CHECK(at({Activation::elu, 0.5f}, -30.0f).first == Approx(-0.5f));
  CHECK(at({Activation::identity, 0}, -3.0f) == std::pair{-3.0f, 1.0f});
}

TEST_CASE("activation curves: saturated stretches are where |f′| is below the threshold", "[activations][curves]") {
  const float thr = 0.05f;
  // σ′ = σ(1 − σ) = 0.05 at σ = (1 − √0.8)/2, z = ±2.887.
  const double edge = std::log((1 - std::sqrt(0.8)) / (1 + std::sqrt(0.8)));
  const ActivationCurve sig = sample_activation({Activation::sigmoid, 0}, -6.0f, 6.0f, 1201, thr);
  REQUIRE(sig.saturated.size() == 4u);
  CHECK(sig.saturated[0] == -6.0f);
  CHECK(sig.saturated[1] == Approx(edge).margin(0.011));
  CHECK(sig.saturated[2] == Approx(-edge).margin(0.011));
  CHECK(sig.saturated[3] == 6.0f);
  // ReLU: the dead side, z <= 0, all of it.
  const ActivationCurve relu = sample_activation({Activation::relu, 0}, -4.0f, 4.0f, 801, thr);
  REQUIRE(relu.saturated.size() == 2u);
  CHECK(relu.saturated[0] == -4.0f);
  CHECK(relu.saturated[1] == Approx(0.005f).margin(1e-6));
  // Leaky ReLU's slope α = 0.2 is above the threshold: nothing saturates.
  CHECK(sample_activation({Activation::leaky_relu, 0.2f}, -4.0f, 4.0f, 801, thr).saturated.empty());
  // ELU: αeᶻ < 0.05 below z = ln(0.05/α).
  const ActivationCurve elu = sample_activation({Activation::elu, 1.0f}, -6.0f, 6.0f, 1201, thr);
  REQUIRE(elu.saturated.size() == 2u);
  CHECK(elu.saturated[1] == Approx(std::log(0.05)).margin(0.011));
  // step saturates everywhere, identity nowhere.
  CHECK(sample_activation({Activation::step, 0}, -1.0f, 1.0f, 9, thr).saturated == std::vector<float>{-1.0f, 1.0f});
  CHECK(sample_activation({Activation::identity, 0}, -1.0f, 1.0f, 9, thr).saturated.empty());
}

TEST_CASE("activation curves: bad requests name their field", "[activations][curves][errors]") {
  CHECK_THROWS_WITH(sample_activation({Activation::softmax, 0}, -1, 1, 9, 0.05f),
                    "activation must be a function of one z (not softmax), got softmax");
  CHECK_THROWS_WITH(sample_activation({Activation::relu, 0}, 1, -1, 9, 0.05f), "z1 must be above z0, got -1");
  CHECK_THROWS_WITH(sample_activation({Activation::relu, 0}, -1, 1, 1, 0.05f), "samples must be between 2 and 8193, got 1");
  CHECK_THROWS_WITH(sample_activation({Activation::relu, 0}, -1, 1e9f, 9, 0.05f), Catch::StartsWith("z1 must be finite"));
  CHECK_THROWS_WITH(sample_activation({Activation::relu, 0}, -1, 1, 9, -1.0f),
                    "saturation threshold must be finite and >= 0, got -1");
  CHECK_THROWS_WITH(sample_activation({Activation::elu, -2.0f}, -1, 1, 9, 0.05f), Catch::StartsWith("alpha must be"));
}
