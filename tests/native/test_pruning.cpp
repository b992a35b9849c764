// Magnitude pruning: which weights a mask keeps, that applying it zeroes
// exactly the rest, and the gradual schedule's end points and shape.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "pruning.hpp"

using namespace mlp;

namespace {

Mlp small_net() {
  MlpSpec s;
  s.inputs = 7;
  s.layers = {{5, {Activation::relu, 0}}, {3, {Activation::identity, 0}}};
  s.seed = 11;
  return Mlp(s);
}

}  // namespace

TEST_CASE("a magnitude mask keeps each layer's largest weights and every bias", "[pruning]") {
  Mlp net = small_net();
  const double density[] = {0.3, 0.5};
  const PruneMask mask = magnitude_mask(net, density);
  REQUIRE(mask.keep.size() == net.params().size());
  const float* base = net.params().data();
  for (int l = 0; l < net.n_layers(); ++l) {
    const ConstMatrixView w = std::as_const(net).weight(l);
    const std::size_t n = static_cast<std::size_t>(w.rows * w.cols), off = static_cast<std::size_t>(w.data - base);
    const auto want = static_cast<std::size_t>(std::ceil(density[l] * static_cast<double>(n)));
    std::size_t kept = 0;
    float smallest_kept = INFINITY, largest_dropped = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const float m = std::fabs(w.data[i]);
      if (mask.keep[off + i]) ++kept, smallest_kept = std::min(smallest_kept, m);
      else largest_dropped = std::max(largest_dropped, m);
    }
    CHECK(kept == want);  // 11 of 35, then 8 of 15
    CHECK(smallest_kept >= largest_dropped);
    const auto b = std::as_const(net).bias(l);
    const auto boff = static_cast<std::size_t>(b.data() - base);
    for (std::size_t i = 0; i < b.size(); ++i) CHECK(mask.keep[boff + i] == 1);
  }
}

TEST_CASE("applying a mask zeroes exactly what it drops", "[pruning]") {
  Mlp net = small_net();
  for (float& b : net.params().subspan(net.params().size() - 3)) b = 0.5f;  // the output biases, kept
  const double density[] = {0.2, 1.0};
  const PruneMask mask = magnitude_mask(net, density);
  const std::vector<float> before(net.params().begin(), net.params().end());
  apply_mask(mask, net.params());
  for (std::size_t i = 0; i < before.size(); ++i) CHECK(net.params()[i] == (mask.keep[i] ? before[i] : 0.0f));
  const auto sparsity = weight_sparsity(net);
  REQUIRE(sparsity.size() == 2);
  CHECK(sparsity[0] == Approx(1.0 - 7.0 / 35.0));  // ceil(0.2 · 35) = 7 kept
  CHECK(sparsity[1] == 0.0);
}

TEST_CASE("ties keep the lower index, so a mask does not depend on the sort", "[pruning]") {
  MlpSpec s;
  s.inputs = 4;
  s.layers = {{1, {Activation::identity, 0}}};
  s.loss = Loss::mse;
  Mlp net(s, std::vector<float>{1.0f, -1.0f, 1.0f, 0.5f, 0.0f});
  const double half[] = {0.5};
  const PruneMask mask = magnitude_mask(net, half);
  CHECK(mask.keep == std::vector<std::uint8_t>{1, 1, 0, 0, 1});  // three weights of magnitude 1 tie for two places
}

TEST_CASE("bad pruning requests are refused", "[pruning]") {
  Mlp net = small_net();
  const double one[] = {0.5};
  CHECK_THROWS_WITH(magnitude_mask(net, one), Catch::Contains("one density per layer: 2, got 1"));
  const double zero[] = {0.0, 0.5};
  CHECK_THROWS_WITH(magnitude_mask(net, zero), Catch::Contains("in (0, 1]"));
  const double nan[] = {NAN, 0.5};
  CHECK_THROWS(magnitude_mask(net, nan));
  PruneMask wrong{std::vector<std::uint8_t>(3, 1)};
  CHECK_THROWS_WITH(apply_mask(wrong, net.params()), Catch::Contains("covers 3 parameters"));
}

TEST_CASE("the gradual schedule falls from 1 to the target along a cubic", "[pruning]") {
  CHECK(gradual_density(0.1, 0, 10) == 1.0);
  CHECK(gradual_density(0.1, 10, 10) == 0.1);
  CHECK(gradual_density(0.1, 12, 10) == 0.1);
  CHECK(gradual_density(0.1, 5, 10) == Approx(0.1 + 0.9 * 0.125));
  CHECK(gradual_density(0.25, 3, 0) == 0.25);
  // Most of the pruning happens early.
  CHECK(gradual_density(0.1, 3, 10) < 0.5);
}
