// The dense layer and a whole 3-layer MLP against central differences, for
// every loss; plus workspace and shape checks.
#include <catch2/catch.hpp>

#include "dense.hpp"
#include "helpers.hpp"
#include "mlp.hpp"

using namespace mlp;

namespace {

Matrix random_matrix(int r, int c, Rng& rng) {
  Matrix m(r, c);
  for (int i = 0; i < r; ++i)
    for (int j = 0; j < c; ++j) m(i, j) = static_cast<float>(rng.uniform(-1, 1));
  return m;
}

}  // namespace

// ReLU and leaky ReLU are fused into the GEMM epilogue; ELU, tanh and sigmoid
// run after it. For the kinked ones every pre-activation is kept at least
// 0.05 from 0, far more than a step of h = 1e-3 can move it, and both sides
// of the kink are visited, so the differences never straddle it.
TEST_CASE("dense layer: dW, db and dX match central differences", "[dense][gradcheck]") {
  for (Activation act : {Activation::identity, Activation::tanh, Activation::sigmoid, Activation::relu,
                         Activation::leaky_relu, Activation::elu}) {
    DYNAMIC_SECTION(activation_name(act)) {
      const int B = 4, K = 5, N = 3;
      Matrix x, w, r;
      std::vector<float> b = {0.1f, -0.2f, 0.3f};
      for (std::uint64_t seed = 21;; ++seed) {  // the first draw whose Z keeps clear of the kink
        Rng rng(seed);
        x = random_matrix(B, K, rng), w = random_matrix(K, N, rng), r = random_matrix(B, N, rng);
        int negative = 0, near_kink = 0;
        for (int i = 0; i < B; ++i)
          for (int j = 0; j < N; ++j) {
            double z = b[j];
            for (int k = 0; k < K; ++k) z += static_cast<double>(x(i, k)) * w(k, j);
            negative += z < 0, near_kink += std::abs(z) < 0.05;
          }
        if (near_kink == 0 && negative >= 3 && negative <= B * N - 3) break;
      }
      const ActivationSpec s = with_default_alpha({act, act == Activation::leaky_relu ? 0.1f : 0.0f});
      GemmWorkspace ws;
      auto objective = [&] {  // L = Σ r ⊙ dense(x)
        Matrix a(B, N);
        dense_forward(x, w, b, s, a, ws);
        double sum = 0;
        for (int i = 0; i < B; ++i)
          for (int j = 0; j < N; ++j) sum += static_cast<double>(a(i, j)) * r(i, j);
        return sum;
      };
      Matrix a(B, N), da = r, dw(K, N), dx(B, K);
      std::vector<float> db(N);
      dense_forward(x, w, b, s, a, ws);
      MatrixView dxv = dx;
      dense_backward(x, w, a, da, s, dw, db, &dxv, ws);
      mlp::test::check_gradient(std::span<float>(w.data(), K * N), std::span<const float>(dw.data(), K * N), objective);
      mlp::test::check_gradient(b, db, objective);
      mlp::test::check_gradient(std::span<float>(x.data(), B * K), std::span<const float>(dx.data(), B * K), objective);
    }
  }
}

TEST_CASE("3-layer MLP gradients match central differences for every loss", "[mlp][gradcheck]") {
  for (Loss loss : {Loss::softmax_cross_entropy, Loss::mse, Loss::binary_cross_entropy}) {
    DYNAMIC_SECTION(loss_name(loss)) {
      MlpSpec spec;
      spec.inputs = 6;
      spec.layers = {{5, {Activation::tanh, 0}}, {4, {Activation::leaky_relu, 0.1f}}, {3, {Activation::identity, 0}}};
      spec.loss = loss;
      spec.init = Init::glorot_uniform;
      spec.seed = 5;
      Mlp net(spec);
      Rng rng(8);
      for (float& b : net.params()) b += static_cast<float>(rng.uniform(-0.1, 0.1));  // non-zero biases
      const int B = 7;
      Matrix x = random_matrix(B, 6, rng), t(B, 3);
      std::vector<std::int32_t> labels(B);
      for (int i = 0; i < B; ++i) {
        labels[i] = i % 3;
        for (int j = 0; j < 3; ++j) t(i, j) = static_cast<float>(rng.uniform());
      }
      const Targets y{labels, t};
      MlpWorkspace ws(net, B);
      mlp_forward(net, x, ws);
      mlp_backward(net, x, y, ws);
      std::vector<float> analytic(net.grads().begin(), net.grads().end());
      mlp::test::check_gradient(net.params(), analytic, [&] { return mlp_loss(net, mlp_forward(net, x, ws), y); });
    }
  }
}

TEST_CASE("parameters live in one flat buffer with named views", "[mlp]") {
  Mlp net(seed_mlp_spec());
  CHECK(net.params().size() == 784 * 300 + 300 + 300 * 100 + 100 + 100 * 10 + 10);
  CHECK(net.weight(1).data == net.params().data() + 784 * 300 + 300);
  CHECK(net.bias(2).data() + 10 == net.params().data() + net.params().size());
}

TEST_CASE("the seed's truncated normal init: stddev 2/sqrt(n_inputs), nothing beyond 2 sigma", "[mlp][init]") {
  MlpSpec spec;
  spec.inputs = 784;
  spec.layers = {{300, {Activation::relu, 0}}, {10, {Activation::identity, 0}}};
  spec.seed = 42;
  Mlp net(spec);
  const double sigma = 2.0 / std::sqrt(784.0);
  double sum = 0, sum2 = 0, max_abs = 0;
  const auto w = net.weight(0);
  for (int i = 0; i < w.rows; ++i)
    for (int j = 0; j < w.cols; ++j) {
      sum += w(i, j), sum2 += static_cast<double>(w(i, j)) * w(i, j);
      max_abs = std::max(max_abs, std::abs(static_cast<double>(w(i, j))));
    }
  const double n = static_cast<double>(w.size());
  CHECK(max_abs <= 2 * sigma);
  CHECK(max_abs > 1.9 * sigma);
  CHECK(sum / n == Approx(0.0).margin(0.002));
  // A normal truncated at ±2σ has standard deviation 0.8796σ.
  CHECK(std::sqrt(sum2 / n) == Approx(0.8796 * sigma).epsilon(0.01));
  for (float b : net.bias(0)) CHECK(b == 0.0f);
}

TEST_CASE("network specs are validated by field", "[mlp][errors]") {
  MlpSpec spec;
  spec.inputs = 2;
  spec.layers = {{0, {Activation::relu, 0}}, {2, {Activation::identity, 0}}};
  CHECK_THROWS_WITH(Mlp(spec), "units of hidden layer 1 must be between 1 and 1024, got 0");
  spec.layers[0].units = 1025;
  CHECK_THROWS_WITH(Mlp(spec), "units of hidden layer 1 must be between 1 and 1024, got 1025");
  spec.layers[0].units = 4;
  spec.inputs = 0;
  CHECK_THROWS_WITH(Mlp(spec), "inputs must be between 1 and 4096, got 0");
  spec.inputs = 2;
  spec.layers.assign(12, {4, {Activation::relu, 0}});
  CHECK_THROWS_WITH(Mlp(spec), "hidden layer count must be between 0 and 10, got 11");
  spec.layers = {{4, {Activation::relu, 0}}, {2, {Activation::softmax, 0}}};
  CHECK_THROWS_WITH(Mlp(spec), Catch::Contains("output activation must be identity"));
  spec.layers.back().activation.kind = Activation::identity;
  Mlp net(spec);
  MlpWorkspace ws(net, 4);
  Matrix wide(2, 3);
  CHECK_THROWS_WITH(mlp_forward(net, wide, ws), "input columns must equal the network's inputs (2), got 3");
  Matrix tall(5, 2);
  CHECK_THROWS_WITH(mlp_forward(net, tall, ws), "batch rows must be between 1 and 4, got 5");
}
