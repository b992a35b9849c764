// L1 and L2 weight penalties: the penalty's gradient against central
// differences on random runs of odd lengths, the whole network's objective
// (data loss + penalty) against central differences through the trainer's own
// backward pass, one SGD step against the step written out by hand, and the
// checks that name the field.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <vector>

#include "helpers.hpp"
#include "regularization.hpp"
#include "synthetic.hpp"
#include "trainer.hpp"

using namespace mlp;

namespace {

std::vector<float> random_weights(std::size_t n, Rng& rng) {
  std::vector<float> w(n);
  // Kept at least 0.01 from 0, so a step of h = 1e-3 never crosses L1's kink.
  for (float& v : w) {
    const double m = rng.uniform(0.01, 1.0);
    v = static_cast<float>(rng.uniform() < 0.5 ? -m : m);
  }
  return w;
}

MlpSpec small_spec(Loss loss, int outputs, int inputs = 3) {
  MlpSpec s;
  s.inputs = inputs;
  s.layers = {{5, {Activation::tanh, 0}}, {4, {Activation::relu, 0}}, {outputs, {Activation::identity, 0}}};
  s.loss = loss;
  s.init = Init::glorot_uniform;
  s.seed = 9;
  return s;
}

}  // namespace

TEST_CASE("L1 and L2 penalties: their gradients match central differences on odd lengths", "[regularization][gradcheck]") {
  Rng rng(17);
  for (std::size_t n : {1u, 3u, 7u, 17u, 33u, 101u}) {
    for (Regularization kind : {Regularization::l1, Regularization::l2}) {
      DYNAMIC_SECTION(regularization_name(kind) << " n=" << n) {
        std::vector<float> w = random_weights(n, rng);
        const float rate = 0.37f;
        std::vector<float> g(n, 0.25f);  // the gradient is added to what is there
        if (kind == Regularization::l1) l1_gradient(w, g, rate);
        else l2_gradient(w, g, rate);
        for (float& v : g) v -= 0.25f;
        auto penalty = [&] { return kind == Regularization::l1 ? l1_penalty(w, rate) : l2_penalty(w, rate); };
        mlp::test::check_gradient(w, g, penalty, 1e-3, 1e-5, 1e-4);
        // And the definitions themselves: λ Σ|w| and λ Σ ½w².
        double want = 0;
        for (float v : w) want += kind == Regularization::l1 ? std::abs(v) : 0.5 * v * v;
        CHECK(penalty() == Approx(rate * want).epsilon(1e-12));
      }
    }
  }
}

TEST_CASE("L1's subgradient is 0 at a zero weight; a zero rate adds nothing", "[regularization]") {
  std::vector<float> w = {0.0f, -0.0f, 2.0f, -3.0f};
  std::vector<float> g(4, 1.0f);
  l1_gradient(w, g, 0.5f);
  CHECK(g == std::vector<float>{1.0f, 1.0f, 1.5f, 0.5f});
  l2_gradient(w, g, 0.5f);
  CHECK(g == std::vector<float>{1.0f, 1.0f, 2.5f, -1.0f});
  Mlp net(small_spec(Loss::mse, 1));
  std::fill(net.grads().begin(), net.grads().end(), 0.0f);
  add_regularization_gradient(net, {Regularization::l2, 0.0f});
  add_regularization_gradient(net, {Regularization::none, 5.0f});
  for (float v : net.grads()) CHECK(v == 0.0f);
  CHECK(regularization_penalty(net, {Regularization::l1, 0.0f}) == 0.0);
  CHECK(regularization_penalty(net, {Regularization::none, 3.0f}) == 0.0);
}

TEST_CASE("an MLP's loss plus its L1/L2 penalty: gradients match central differences; biases are not penalised",
          "[regularization][mlp][gradcheck]") {
  for (Loss loss : {Loss::softmax_cross_entropy, Loss::mse}) {
    for (Regularization kind : {Regularization::l1, Regularization::l2}) {
      DYNAMIC_SECTION(loss_name(loss) << " + " << regularization_name(kind)) {
        const int outputs = loss == Loss::mse ? 1 : 3;
        Mlp net(small_spec(loss, outputs));
        Rng rng(4);
        // Weights away from L1's kink, biases non-zero.
        for (float& p : net.params()) {
          const double m = rng.uniform(0.05, 0.8);
          p = static_cast<float>(rng.uniform() < 0.5 ? -m : m);
        }
        const int B = 7;
        Matrix x(B, 3), t(B, outputs);
        std::vector<std::int32_t> labels(B);
        for (int i = 0; i < B; ++i) {
          for (int j = 0; j < 3; ++j) x(i, j) = static_cast<float>(rng.uniform(-2, 2));
          for (int j = 0; j < outputs; ++j) t(i, j) = static_cast<float>(rng.uniform(-1, 1));
          labels[i] = i % outputs;
        }
        const Targets y{labels, t};
        const RegularizationConfig reg{kind, 0.3f};
        MlpWorkspace ws(net, B);
        mlp_forward(net, x, ws);
        mlp_backward(net, x, y, ws);
        const std::vector<float> data_only(net.grads().begin(), net.grads().end());
        add_regularization_gradient(net, reg);
        const std::vector<float> analytic(net.grads().begin(), net.grads().end());
        mlp::test::check_gradient(net.params(), analytic, [&] {
          return mlp_loss(net, mlp_forward(net, x, ws), y) + regularization_penalty(net, reg);
        });
        // The biases' gradients are the data loss's alone.
        std::size_t at = 0;
        for (int l = 0; l < net.n_layers(); ++l) {
          at += static_cast<std::size_t>(net.fan_in(l)) * net.spec().layers[l].units;
          for (int j = 0; j < net.spec().layers[l].units; ++j, ++at) CHECK(analytic[at] == data_only[at]);
        }
      }
    }
  }
}

TEST_CASE("a trainer's SGD step with L2 is w − η(∂L/∂w + λw); with L1 w − η(∂L/∂w + λ sign w)", "[regularization][trainer]") {
  const auto data = std::make_shared<const Dataset>(gaussian_blobs(12, 3, 3, 0.7f, 2));
  for (Regularization kind : {Regularization::l1, Regularization::l2}) {
    DYNAMIC_SECTION(regularization_name(kind)) {
      TrainConfig c;
      c.batch_size = 12;  // the whole set: the step's gradient is computed below from the same rows
      c.optimizer.learning_rate = 0.1f;
      c.regularization = {kind, 0.5f};
      Trainer with(small_spec(Loss::softmax_cross_entropy, 3), data, c);
      c.regularization = {};
      Trainer without(small_spec(Loss::softmax_cross_entropy, 3), data, c);
      const std::vector<float> w0(with.network().params().begin(), with.network().params().end());
      const TrainReport r_with = with.train_batches(1), r_without = without.train_batches(1);
      // Both saw the same batch from the same weights: they differ by η·∂Ω/∂w on the weights only.
      std::vector<float> penalty_grad(w0.size(), 0.0f);
      std::size_t at = 0;
      const Mlp& net = with.network();
      for (int l = 0; l < net.n_layers(); ++l) {
        const std::size_t nw = static_cast<std::size_t>(net.fan_in(l)) * net.spec().layers[l].units;
        const std::span<const float> w(w0.data() + at, nw);
        if (kind == Regularization::l1) l1_gradient(w, std::span<float>(penalty_grad.data() + at, nw), 0.5f);
        else l2_gradient(w, std::span<float>(penalty_grad.data() + at, nw), 0.5f);
        at += nw + static_cast<std::size_t>(net.spec().layers[l].units);
      }
      for (std::size_t i = 0; i < w0.size(); ++i) {
        INFO("parameter " << i);
        CHECK(with.network().params()[i] ==
              Approx(without.network().params()[i] - 0.1f * penalty_grad[i]).epsilon(1e-6).margin(1e-7));
      }
      // The reported loss is the data loss alone: the same for both.
      REQUIRE(r_with.losses.size() == 1);
      CHECK(r_with.losses[0] == r_without.losses[0]);
    }
  }
}

TEST_CASE("L2 shrinks the weights over training; the rate can change on a live trainer; bad rates name the field",
          "[regularization][trainer][errors]") {
  const auto data = std::make_shared<const Dataset>(two_moons(100, 0.1f, 3));
  auto norm = [](const Trainer& t) {
    double s = 0;
    for (int l = 0; l < t.network().n_layers(); ++l) {
      const ConstMatrixView w = t.network().weight(l);
      for (int i = 0; i < w.rows; ++i)
        for (int j = 0; j < w.cols; ++j) s += static_cast<double>(w(i, j)) * w(i, j);
    }
    return s;
  };
  TrainConfig c;
  c.batch_size = 10;
  c.optimizer = optimizer_defaults(OptimizerKind::adam);
  c.optimizer.learning_rate = 0.03f;
  Trainer plain(small_spec(Loss::softmax_cross_entropy, 2, 2), data, c);
  c.regularization = {Regularization::l2, 0.1f};
  Trainer decayed(small_spec(Loss::softmax_cross_entropy, 2, 2), data, c);
  for (int e = 0; e < 30; ++e) plain.train_batches(10), decayed.train_batches(10);
  CHECK(norm(decayed) < 0.5 * norm(plain));

  decayed.set_regularization({Regularization::l1, 0.01f});
  CHECK(decayed.config().regularization.kind == Regularization::l1);
  CHECK_THROWS_WITH(decayed.set_regularization({Regularization::l2, -1.0f}),
                    "regularization_rate must be finite and >= 0, got -1");
  CHECK(decayed.config().regularization.kind == Regularization::l1);  // unchanged after a refusal
  CHECK(decayed.config().regularization.rate == 0.01f);
  c.regularization.rate = std::nanf("");
  CHECK_THROWS_WITH(Trainer(small_spec(Loss::softmax_cross_entropy, 2, 2), data, c),
                    "regularization_rate must be finite and >= 0, got nan");
  CHECK_THROWS_WITH(regularization_from_name("l3"), "regularization must be one of none, l1, l2, got 'l3'");
}
