// Each activation's backward pass against central differences of its forward
// pass, and its behaviour far out (|x| >= 100) where naive formulas overflow.
#include <catch2/catch.hpp>

#include <cmath>

#include "activations.hpp"
#include "helpers.hpp"

using namespace mlp;

namespace {

// L = Σ r ⊙ f(Z) for a fixed random r, so dL/dA = r.
double weighted_output(ActivationSpec s, const Matrix& z, const Matrix& r) {
  Matrix a = z;
  activation_forward(s, a);
  double sum = 0.0;
  for (int i = 0; i < a.rows(); ++i)
    for (int j = 0; j < a.cols(); ++j) sum += static_cast<double>(a(i, j)) * r(i, j);
  return sum;
}

}  // namespace

TEST_CASE("activation gradients match central differences", "[activations][gradcheck]") {
  const Activation kinds[] = {Activation::identity, Activation::sigmoid, Activation::tanh,       Activation::relu,
                              Activation::leaky_relu, Activation::elu,   Activation::softmax, Activation::step};
  for (Activation kind : kinds) {
    const ActivationSpec s = with_default_alpha({kind, 0.0f});
    DYNAMIC_SECTION(activation_name(kind)) {
      Rng rng(42);
      Matrix z(3, 7), r(3, 7);
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 7; ++j) {
          // Keep away from the kinks at 0, where a difference quotient straddles two slopes.
          double v = rng.uniform(-3.0, 3.0);
          if (std::abs(v) < 0.05) v += 0.1;
          z(i, j) = static_cast<float>(v);
          r(i, j) = static_cast<float>(rng.uniform(-1.0, 1.0));
        }
      Matrix a = z;
      activation_forward(s, a);
      Matrix d = r;
      activation_backward(s, a, d);
      std::span<float> zs(z.data(), 21);
      mlp::test::check_gradient(zs, std::span<const float>(d.data(), 21), [&] { return weighted_output(s, z, r); });
    }
  }
}

TEST_CASE("activations stay finite for huge inputs", "[activations]") {
  for (Activation kind : {Activation::sigmoid, Activation::tanh, Activation::elu, Activation::softmax,
                          Activation::leaky_relu}) {
    const ActivationSpec s = with_default_alpha({kind, 0.0f});
    Matrix z(1, 4);
    z(0, 0) = 100.0f, z(0, 1) = -100.0f, z(0, 2) = 1000.0f, z(0, 3) = -1000.0f;
    activation_forward(s, z);
    for (int j = 0; j < 4; ++j) {
      INFO(activation_name(kind) << " at column " << j);
      CHECK(std::isfinite(z(0, j)));
    }
  }
  CHECK(activation_value({Activation::sigmoid, 0}, 100.0f) == Approx(1.0f));
  CHECK(activation_value({Activation::sigmoid, 0}, -100.0f) == Approx(0.0f).margin(1e-30));
  CHECK(activation_value({Activation::elu, 1.0f}, -100.0f) == Approx(-1.0f));
  Matrix row(1, 3);
  row(0, 0) = 1000.0f, row(0, 1) = 999.0f, row(0, 2) = -1000.0f;
  activation_forward({Activation::softmax, 0}, row);
  CHECK(row(0, 0) + row(0, 1) + row(0, 2) == Approx(1.0f));
  CHECK(row(0, 0) / row(0, 1) == Approx(std::exp(1.0f)));
}

TEST_CASE("step is the Heaviside function and leaky relu uses its alpha", "[activations]") {
  CHECK(activation_value({Activation::step, 0}, -0.5f) == 0.0f);
  CHECK(activation_value({Activation::step, 0}, 0.0f) == 1.0f);
  CHECK(activation_value({Activation::leaky_relu, 0.2f}, -2.0f) == Approx(-0.4f));
  CHECK(with_default_alpha({Activation::leaky_relu, 0.0f}).alpha == 0.01f);
  CHECK(with_default_alpha({Activation::elu, 0.0f}).alpha == 1.0f);
}

TEST_CASE("unknown activation names are refused by name", "[activations][errors]") {
  CHECK_THROWS_WITH(activation_from_name("relu6"), Catch::Contains("activation must be one of") &&
                                                        Catch::Contains("got 'relu6'"));
  CHECK_THROWS_WITH(with_default_alpha({Activation::elu, -1.0f}), Catch::Contains("alpha must be finite and >= 0"));
}
