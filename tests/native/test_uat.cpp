// Universal approximation: G(x) = Σ α_j σ(w_j x + θ_j) and its gradient
// against central differences and against the same sum run as a 1-N-1 Mlp
// (its twin), the targets, Adam's fit getting better with more units on the
// sine (N = 2, 8, 32), and refusals that name their field.
#include <catch2/catch.hpp>

#include <cmath>

#include "helpers.hpp"
#include "mlp.hpp"
#include "uat.hpp"

using namespace mlp;

namespace {

std::vector<float> random_params(int units, Rng& rng) {
  std::vector<float> p(uat_parameter_count(units));
  for (float& v : p) v = static_cast<float>(rng.uniform(-3.0, 3.0));
  return p;
}

std::vector<float> random_points(int n, Rng& rng) {
  std::vector<float> x(static_cast<std::size_t>(n));
  for (float& v : x) v = static_cast<float>(rng.uniform(0.0, 1.0));
  return x;
}

}  // namespace

TEST_CASE("UAT: the gradient of the mean squared error matches central differences", "[uat][gradcheck]") {
  Rng rng(5);
  for (int units : {1, 3, 7}) {
    for (int n : {1, 5, 33}) {
      std::vector<float> p = random_params(units, rng);
      const std::vector<float> x = random_points(n, rng), f = random_points(n, rng);
      std::vector<float> grad(p.size()), scratch(static_cast<std::size_t>(n) + 4);
      const double loss = sigmoid_sum_mse(p, units, x, f, grad);
      std::vector<float> grad2(p.size());
      CHECK(sigmoid_sum_mse(p, units, x, f, grad2, scratch) == loss);
      CHECK(grad2 == grad);
      INFO(units << " units, " << n << " points");
      std::vector<float> unused(p.size());
      mlp::test::check_gradient(p, grad, [&] { return sigmoid_sum_mse(p, units, x, f, unused); }, 5e-3, 5e-4, 5e-3);
    }
  }
}

TEST_CASE("UAT: G and its gradient equal a 1-N-1 Mlp's (sigmoid, linear output, no output bias)", "[uat]") {
  Rng rng(9);
  for (int units : {1, 4, 13}) {
    const int n = 17;
    const std::vector<float> p = random_params(units, rng);
    const std::vector<float> x = random_points(n, rng), f = random_points(n, rng);
    MlpSpec spec;
    spec.inputs = 1;
    spec.layers = {{units, {Activation::sigmoid, 0}}, {1, {Activation::identity, 0}}};
    spec.loss = Loss::mse;
    Mlp net(spec);
    // The Mlp's layout: W₀ (1 × N) = w, b₀ = θ, W₁ (N × 1) = α, b₁ = 0.
    std::copy(p.begin(), p.end(), net.params().begin());
    net.params().back() = 0.0f;
    MlpWorkspace ws(net, n);
    const ConstMatrixView out = mlp_forward(net, ConstMatrixView(x.data(), n, 1), ws);
    std::vector<float> g(static_cast<std::size_t>(n)), contributions(static_cast<std::size_t>(n) * units);
    sigmoid_sum_forward(p, units, x, g, contributions);
    for (int i = 0; i < n; ++i) {
      CHECK(g[i] == Approx(out(i, 0)).margin(1e-5));
      double sum = 0.0;
      for (int j = 0; j < units; ++j) sum += contributions[static_cast<std::size_t>(j) * n + i];
      CHECK(g[i] == Approx(sum).margin(1e-5));
    }
    const double mlp_loss_value = mlp_backward(net, ConstMatrixView(x.data(), n, 1), {{}, ConstMatrixView(f.data(), n, 1)}, ws);
    std::vector<float> grad(p.size());
    CHECK(sigmoid_sum_mse(p, units, x, f, grad) == Approx(mlp_loss_value).epsilon(1e-5));
    for (std::size_t k = 0; k < grad.size(); ++k) {
      INFO("parameter " << k << " of " << units << " units");
      CHECK(grad[k] == Approx(net.grads()[k]).margin(1e-6).epsilon(1e-4));
    }
  }
}

TEST_CASE("UAT: targets", "[uat]") {
  const auto value = [](UatTargetKind k, float x, std::vector<float> knots = {}) {
    return uat_target_value(validated(UatTarget{k, std::move(knots)}), x);
  };
  CHECK(value(UatTargetKind::sine, 0.25f) == Approx(1.0f));
  CHECK(value(UatTargetKind::sine, 0.0f) == Approx(0.0f).margin(1e-7));
  CHECK(value(UatTargetKind::abs, 0.1f) == Approx(0.4f));
  CHECK(value(UatTargetKind::step, 0.4999f) == 0.0f);
  CHECK(value(UatTargetKind::step, 0.5f) == 1.0f);
  CHECK(value(UatTargetKind::bump, 0.5f) == 1.0f);
  CHECK(value(UatTargetKind::bump, 0.6f) == Approx(std::exp(-1.0)));
  // A drawn curve: straight lines through knots at 0, ½, 1.
  CHECK(value(UatTargetKind::drawn, 0.25f, {0.0f, 1.0f, -1.0f}) == Approx(0.5f));
  CHECK(value(UatTargetKind::drawn, 1.0f, {0.0f, 1.0f, -1.0f}) == Approx(-1.0f));
  CHECK(value(UatTargetKind::drawn, 0.75f, {0.0f, 1.0f, -1.0f}) == Approx(0.0f));
  for (UatTargetKind k : kUatTargets) CHECK(uat_target_from_name(uat_target_name(k)) == k);
}

TEST_CASE("UAT: the sup-norm error on the sine falls as N grows (N = 2, 8, 32)", "[uat][fit]") {
  const UatTarget sine{UatTargetKind::sine, {}};
  const int units[] = {2, 8, 32};
  const std::vector<double> e = uat_error_against_units(units, sine, 1, 0.05f, 2000);
  INFO("best sup-norm errors: N=2 " << e[0] << ", N=8 " << e[1] << ", N=32 " << e[2]);
  CHECK(e[0] > 2 * e[1]);
  CHECK(e[1] > e[2]);
  CHECK(e[2] < 0.05);
}

TEST_CASE("UAT: a fit is deterministic, lowers its loss, and keeps its best", "[uat][fit]") {
  const UatTarget bump{UatTargetKind::bump, {}};
  UatFit a(6, bump, 4, 0.05f), b(6, bump, 4, 0.05f);
  const double start = a.loss();
  CHECK(a.params()[12] == 0.0f);  // α starts at 0: G = 0
  CHECK(a.best_sup_error() == Approx(1.0));
  a.steps(300);
  b.steps(100);
  b.steps(200);
  CHECK(a.steps_taken() == 300);
  CHECK(std::vector<float>(a.params().begin(), a.params().end()) == std::vector<float>(b.params().begin(), b.params().end()));
  CHECK(a.loss() < start / 10);
  CHECK(a.best_sup_error() <= a.sup_error().error + 1e-12);
  CHECK(a.best_step() % kUatBestEvery == 0);
  const UatCurves c = uat_curves(a.params(), 6, bump, 101);
  CHECK(c.x.size() == 101u);
  CHECK(c.contributions.size() == 606u);
  CHECK(c.sup.error == Approx(a.sup_error().error));
  CHECK(c.target[50] == 1.0f);
  // Given parameters: the fit starts from them.
  UatFit given(6, bump, 99, 0.05f, a.params());
  CHECK(given.loss() == a.loss());
}

TEST_CASE("UAT: bad settings name their field", "[uat][errors]") {
  const UatTarget sine{UatTargetKind::sine, {}};
  CHECK_THROWS_WITH(UatFit(0, sine, 1, 0.05f), "units must be between 1 and 64, got 0");
  CHECK_THROWS_WITH(UatFit(65, sine, 1, 0.05f), "units must be between 1 and 64, got 65");
  CHECK_THROWS_WITH(UatFit(4, sine, 1, -1.0f), Catch::StartsWith("learning_rate must be"));
  CHECK_THROWS_WITH(validated(UatTarget{UatTargetKind::drawn, {1.0f}}), "knots must be between 2 and 257, got 1");
  CHECK_THROWS_WITH(validated(UatTarget{UatTargetKind::drawn, {1.0f, NAN}}), Catch::StartsWith("knot must be finite"));
  CHECK_THROWS_WITH(uat_target_from_name("saw"), Catch::StartsWith("target must be one of sine, abs, step, bump, drawn"));
  const std::vector<float> five(5, 0.0f);
  CHECK_THROWS_WITH(uat_curves(five, 2, sine, 11), "parameter count must be 3 × units = 6, got 5");
  CHECK_THROWS_WITH(uat_curves(std::vector<float>(6, 0.0f), 2, sine, 1), "points must be between 2 and 1001, got 1");
}
