// Loss values against hand-computed numbers, their gradients against central
// differences, and stability for extreme logits.
#include <catch2/catch.hpp>

#include <cmath>

#include "helpers.hpp"
#include "losses.hpp"

using namespace mlp;

namespace {

Matrix random_matrix(int r, int c, Rng& rng, double scale = 2.0) {
  Matrix m(r, c);
  for (int i = 0; i < r; ++i)
    for (int j = 0; j < c; ++j) m(i, j) = static_cast<float>(rng.uniform(-scale, scale));
  return m;
}

}  // namespace

TEST_CASE("softmax cross-entropy: value and gradient", "[losses][gradcheck]") {
  // One row, logits (1, 2, 3), label 2: L = log(e + e² + e³) − 3.
  Matrix z(1, 3);
  z(0, 0) = 1, z(0, 1) = 2, z(0, 2) = 3;
  const std::int32_t y1[] = {2};
  CHECK(softmax_cross_entropy(z, y1, nullptr) ==
        Approx(std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0)) - 3.0));

  Rng rng(9);
  Matrix logits = random_matrix(5, 4, rng);
  const std::int32_t y[] = {0, 3, 1, 1, 2};
  Matrix g(5, 4);
  MatrixView gv = g;
  softmax_cross_entropy(logits, y, &gv);
  mlp::test::check_gradient(std::span<float>(logits.data(), 20), std::span<const float>(g.data(), 20),
                            [&] { return softmax_cross_entropy(logits, y, nullptr); });
}

TEST_CASE("softmax cross-entropy is finite for logits of ±1000", "[losses]") {
  Matrix z(2, 2);
  z(0, 0) = 1000, z(0, 1) = -1000, z(1, 0) = -1000, z(1, 1) = 1000;
  const std::int32_t right[] = {0, 1}, wrong[] = {1, 0};
  CHECK(softmax_cross_entropy(z, right, nullptr) == Approx(0.0).margin(1e-12));
  CHECK(softmax_cross_entropy(z, wrong, nullptr) == Approx(2000.0));
}

TEST_CASE("mean squared error: value and gradient", "[losses][gradcheck]") {
  Matrix p(1, 2), t(1, 2);
  p(0, 0) = 1, p(0, 1) = 3, t(0, 0) = 0, t(0, 1) = 1;
  CHECK(mean_squared_error(p, t, nullptr) == Approx((1.0 + 4.0) / 2.0));
  Rng rng(10);
  Matrix pred = random_matrix(4, 3, rng), target = random_matrix(4, 3, rng), g(4, 3);
  MatrixView gv = g;
  mean_squared_error(pred, target, &gv);
  mlp::test::check_gradient(std::span<float>(pred.data(), 12), std::span<const float>(g.data(), 12),
                            [&] { return mean_squared_error(pred, target, nullptr); });
}

TEST_CASE("binary cross-entropy from logits: value, gradient, extremes", "[losses][gradcheck]") {
  Matrix z(1, 1), t(1, 1);
  z(0, 0) = 0.0f, t(0, 0) = 1.0f;
  CHECK(binary_cross_entropy(z, t, nullptr) == Approx(std::log(2.0)));
  z(0, 0) = 200.0f, t(0, 0) = 0.0f;
  CHECK(binary_cross_entropy(z, t, nullptr) == Approx(200.0));
  z(0, 0) = -200.0f;
  CHECK(binary_cross_entropy(z, t, nullptr) == Approx(0.0).margin(1e-12));

  Rng rng(12);
  Matrix logits = random_matrix(3, 3, rng), target(3, 3), g(3, 3);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) target(i, j) = static_cast<float>(rng.uniform());
  MatrixView gv = g;
  binary_cross_entropy(logits, target, &gv);
  mlp::test::check_gradient(std::span<float>(logits.data(), 9), std::span<const float>(g.data(), 9),
                            [&] { return binary_cross_entropy(logits, target, nullptr); });
}

TEST_CASE("losses refuse bad labels and shapes by name", "[losses][errors]") {
  Matrix z(2, 3);
  const std::int32_t bad[] = {0, 3}, neg[] = {-1, 0}, short_y[] = {0};
  CHECK_THROWS_WITH(softmax_cross_entropy(z, bad, nullptr), Catch::Contains("label must be in [0, 3), got 3"));
  CHECK_THROWS_WITH(softmax_cross_entropy(z, neg, nullptr), Catch::Contains("got -1"));
  CHECK_THROWS_WITH(softmax_cross_entropy(z, short_y, nullptr), Catch::Contains("labels must have one entry per row"));
  Matrix t(3, 3);
  CHECK_THROWS_WITH(mean_squared_error(z, t, nullptr), Catch::Contains("targets must match the output shape 2x3"));
  CHECK_THROWS_WITH(loss_from_name("hinge"), Catch::Contains("loss must be one of"));
}
