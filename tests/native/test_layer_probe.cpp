// The vanishing-gradients lesson's probe: per-layer statistics against their
// scalar twin on random odd shapes, per-layer gradient norms against central
// differences of the loss, and the classic pictures it exists to show —
// sigmoid with N(0, 1) weights 8 layers deep starves its first layer of
// gradient (< 1e-3 of the last layer's), ReLU with He's init does not (within 10×).
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <numeric>

#include "helpers.hpp"
#include "layer_probe.hpp"
#include "synthetic.hpp"

using namespace mlp;

namespace {

MlpSpec deep(Activation act, Init init, int hidden_layers, int width, std::uint64_t seed) {
  MlpSpec s;
  s.inputs = 2;
  for (int l = 0; l < hidden_layers; ++l) s.layers.push_back({width, {act, 0}});
  s.layers.push_back({2, {Activation::identity, 0}});
  s.init = init;
  s.seed = seed;
  return validated(s);
}

std::shared_ptr<const Dataset> circles_set() { return std::make_shared<Dataset>(circles(512, 0.1f, 1)); }

}  // namespace

TEST_CASE("layer statistics: one pass equals the two-pass scalar twin on odd shapes", "[probe]") {
  Rng rng(11);
  const Activation kinds[] = {Activation::sigmoid, Activation::tanh, Activation::relu,
                              Activation::leaky_relu, Activation::elu, Activation::step};
  for (Activation kind : kinds) {
    for (auto [rows, cols, bins] : {std::tuple{1, 1, 2}, {3, 5, 7}, {17, 9, 33}, {31, 13, 40}}) {
      const ActivationSpec s = with_default_alpha({kind, 0});
      // Activations of the function itself, from z spread well past its range; odd stride.
      mlp::test::Strided a(rows, cols, 3, rng);
      for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j) a.view(i, j) = activation_value(s, a.view(i, j) * 6.0f);
      std::vector<float> hist(static_cast<std::size_t>(bins));
      const HiddenLayerStats fast = hidden_layer_stats(s, a.view, 0.05f, hist);
      const HiddenLayerStats ref = hidden_layer_stats_reference(s, a.view, bins, 0.05f);
      INFO(activation_name(kind) << " " << rows << "×" << cols << ", " << bins << " bins");
      CHECK(fast.mean == Approx(ref.mean).margin(1e-12));
      CHECK(fast.std == Approx(ref.std).margin(1e-6));
      CHECK(fast.saturated == Approx(ref.saturated).margin(1e-12));
      for (int b = 0; b < bins; ++b) CHECK(hist[b] == Approx(ref.histogram[b]).margin(1e-6));
      CHECK(std::accumulate(hist.begin(), hist.end(), 0.0) == Approx(1.0));
      CHECK(a.padding_intact());
    }
  }
}

TEST_CASE("layer probe: each layer's gradient norm is that of the loss's central differences", "[probe][gradcheck]") {
  const auto data = std::make_shared<Dataset>(two_moons(40, 0.1f, 3));
  for (Activation act : {Activation::sigmoid, Activation::tanh, Activation::elu}) {
    DYNAMIC_SECTION(activation_name(act)) {
      const MlpSpec spec = deep(act, Init::glorot_uniform, 3, 5, 2);
      Mlp net(spec);
      LayerProbe probe(spec, data, 23, 10, 0.05f);
      const LayerStats& st = probe.measure(net.params());
      REQUIRE(st.weight_grad_norm.size() == 4u);
      REQUIRE(st.activation_mean.size() == 3u);
      // The loss on the same 23 rows, as a function of every parameter.
      Matrix x(23, 2), y(23, 2);
      std::vector<std::int32_t> labels(23), idx(23);
      std::iota(idx.begin(), idx.end(), 0);
      MatrixView yv = y.view();
      data->gather(idx, x.view(), labels.data(), &yv);
      MlpWorkspace ws(net, 23);
      const auto loss = [&] { return mlp_loss(net, mlp_forward(net, x, ws), {labels, y.view()}); };
      CHECK(st.loss == Approx(loss()).epsilon(1e-6));
      std::size_t at = 0;
      for (int l = 0; l < net.n_layers(); ++l) {
        double w2 = 0.0, b2 = 0.0;
        const std::size_t nw = static_cast<std::size_t>(net.fan_in(l)) * spec.layers[l].units;
        for (std::size_t k = 0; k < nw + spec.layers[l].units; ++k, ++at) {
          float& p = net.params()[at];
          const float saved = p;
          const double h = 1e-2;
          p = saved + static_cast<float>(h);
          const double up = loss();
          p = saved - static_cast<float>(h);
          const double down = loss();
          p = saved;
          const double g = (up - down) / (2 * h);
          (k < nw ? w2 : b2) += g * g;
        }
        INFO("layer " << l);
        CHECK(st.weight_grad_norm[l] == Approx(std::sqrt(w2)).epsilon(2e-3));
        CHECK(st.bias_grad_norm[l] == Approx(std::sqrt(b2)).epsilon(2e-3));
      }
    }
  }
}

namespace {

// The ratio of the first hidden layer's gradient per weight (RMS) to the
// last hidden layer's, 8 hidden layers of `width` at init, on the circles,
// for seeds 1 to 5. Per weight, because a 2-input first layer has 2·width
// weights and a hidden one width²: their plain norms differ by that alone.
std::vector<double> first_to_last(Activation act, Init init, int width) {
  const auto data = circles_set();
  std::vector<double> r;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const MlpSpec spec = deep(act, init, 8, width, seed);
    LayerProbe probe(spec, data, 256, 20, 0.05f);
    const LayerStats& st = probe.measure(Mlp(spec).params());
    r.push_back(st.weight_grad_rms[0] / st.weight_grad_rms[7]);
  }
  return r;
}

}  // namespace

TEST_CASE("layer probe: the vanishing preset (sigmoid, σ = 2/√n) loses 1000× toward the first layer, ReLU + He stays within 10×", "[probe][vanishing]") {
  for (double r : first_to_last(Activation::sigmoid, Init::truncated_normal, 16)) {
    INFO("sigmoid + truncated normal σ = 2/√n: first/last " << r);
    CHECK(r < 1e-3);
  }
  for (int width : {16, 64, 128}) {
    for (double r : first_to_last(Activation::relu, Init::he_normal, width)) {
      INFO("ReLU + He, width " << width << ": first/last " << r);
      CHECK(r > 0.1);
      CHECK(r < 10.0);
    }
  }
}

TEST_CASE("layer probe: sigmoid with N(0, 1) saturates but its large weights carry the gradient back; tanh with N(0, 1) explodes", "[probe][vanishing]") {
  // Géron's account of Glorot & Bengio: N(0, 1) weights push sigmoid units to
  // 0 or 1, where σ′ ≈ 0. True — but the same weights multiply the gradient by
  // about √n on its way down, so it falls far less than with the small σ = 2/√n,
  // where σ′ ≤ ¼ at every layer does the damage.
  const std::vector<double> large = first_to_last(Activation::sigmoid, Init::standard_normal, 16);
  const std::vector<double> small = first_to_last(Activation::sigmoid, Init::truncated_normal, 16);
  for (std::size_t k = 0; k < large.size(); ++k) {
    INFO("seed " << k + 1 << ": N(0, 1) " << large[k] << ", σ = 2/√n " << small[k]);
    CHECK(large[k] > 3 * small[k]);
  }
  {
    const MlpSpec spec = deep(Activation::sigmoid, Init::standard_normal, 8, 16, 1);
    LayerProbe probe(spec, circles_set(), 256, 20, 0.05f);
    const LayerStats& st = probe.measure(Mlp(spec).params());
    CHECK(st.saturated[0] < 0.1);  // the 2-D inputs are small: the first layer is not saturated
    double deep_saturated = 0.0;
    for (int l = 1; l < 8; ++l) deep_saturated += st.saturated[l] / 7;
    CHECK(deep_saturated > 0.1);
  }
  // tanh′(0) = 1: with N(0, 1) weights each layer multiplies the gradient by about √n on the way down.
  for (double r : first_to_last(Activation::tanh, Init::standard_normal, 16)) {
    INFO("tanh + N(0, 1): first/last " << r);
    CHECK(r > 2.0);
  }
}

TEST_CASE("layer probe: activations and saturation per layer", "[probe]") {
  const auto data = circles_set();
  // Sigmoid with N(0, 1) weights: the deep layers' units sit at 0 or 1, saturated.
  {
    const MlpSpec spec = deep(Activation::sigmoid, Init::standard_normal, 6, 64, 1);
    LayerProbe probe(spec, data, 256, 20, 0.05f);
    const LayerStats& st = probe.measure(Mlp(spec).params());
    CHECK(st.saturated.back() > 0.5);
    CHECK(st.range[0] == 0.0f);
    CHECK(st.range[1] == 1.0f);
    const float* last = st.histogram.data() + 5 * st.bins;
    CHECK(last[0] + last[st.bins - 1] > 0.5f);  // piled at the ends
  }
  // ReLU with N(0, 1) weights: every layer multiplies the spread by about √(64/2): it explodes.
  {
    const MlpSpec spec = deep(Activation::relu, Init::standard_normal, 6, 64, 1);
    LayerProbe probe(spec, data, 256, 20, 0.05f);
    const LayerStats& st = probe.measure(Mlp(spec).params());
    for (int l = 1; l < 6; ++l) CHECK(st.activation_std[l] > 3 * st.activation_std[l - 1]);
  }
}

TEST_CASE("layer probe: bad settings name their field", "[probe][errors]") {
  const auto data = circles_set();
  const MlpSpec spec = deep(Activation::relu, Init::he_normal, 2, 4, 1);
  CHECK_THROWS_WITH(LayerProbe(spec, data, 0, 10, 0.05f), "probe rows must be between 1 and 4096, got 0");
  CHECK_THROWS_WITH(LayerProbe(spec, data, 10, 1, 0.05f), "bins must be between 2 and 256, got 1");
  CHECK_THROWS_WITH(LayerProbe(spec, data, 10, 10, NAN), Catch::StartsWith("saturation threshold must be finite"));
  CHECK_THROWS_WITH(LayerProbe(spec, nullptr, 10, 10, 0.05f), "probe data must be given");
  LayerProbe probe(spec, data, 10, 10, 0.05f);
  CHECK(probe.rows() == 10);
  const std::vector<float> wrong(3, 0.0f);
  CHECK_THROWS_WITH(probe.measure(wrong), Catch::StartsWith("parameter count must be"));
}
