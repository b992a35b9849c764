// The decision-boundary playground's core: its generated sets (shapes,
// splits, the same bits for the same seed, what noise does), the input
// features against their formulas, every layer's outputs against a plain
// per-point forward pass, errors that name the field, and the spiral solved
// by the widget's preset network.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <numeric>
#include <vector>

#include "playground.hpp"
#include "trainer.hpp"

using namespace mlp;

namespace {

PlaygroundDataSpec spec_of(PlaygroundSet set, int classes = 2, float noise = 0.0f, int points = 500) {
  PlaygroundDataSpec s;
  s.set = set;
  s.classes = classes;
  s.noise = noise;
  s.points = points;
  s.seed = 7;
  return s;
}

double radius(const PlaygroundData& d, int i) { return std::hypot(d.xy[2 * i], d.xy[2 * i + 1]); }

}  // namespace

TEST_CASE("playground sets: sizes, the train/test split, balanced classes, points inside the square", "[playground]") {
  for (PlaygroundSet set : kPlaygroundSets) {
    for (int classes = std::max(2, min_classes(set)); classes <= std::max(2, max_classes(set)); ++classes) {
      DYNAMIC_SECTION(playground_set_name(set) << " classes " << classes) {
        PlaygroundDataSpec s = spec_of(set, classes, 0.2f, 301);
        s.train_percent = 30;
        const PlaygroundData d = make_playground_data(s);
        CHECK(d.train == 301 * 30 / 100);
        CHECK(d.test == 301 - d.train);
        CHECK(d.xy.size() == 2u * 301);
        for (float v : d.xy) CHECK(std::abs(v) <= 6.0f + 2.0f);  // gauss's tails may leave the square a little
        if (is_regression(set)) {
          CHECK(d.classes == 0);
          REQUIRE(d.targets.size() == 301);
          for (float t : d.targets) CHECK(std::abs(t) <= 1.4f);  // the plane's noise reaches past ±1
        } else {
          CHECK(d.classes == classes);
          REQUIRE(d.labels.size() == 301);
          std::vector<int> count(static_cast<std::size_t>(classes));
          for (int y : d.labels) {
            REQUIRE((y >= 0 && y < classes));
            ++count[static_cast<std::size_t>(y)];
          }
          // Every class is present; all but xor (and noisy circles) give each class its share.
          for (int c : count) CHECK(c > 301 / classes / 3);
        }
      }
    }
  }
}

TEST_CASE("playground sets: a seed gives the same bits, another seed other points", "[playground]") {
  for (PlaygroundSet set : kPlaygroundSets) {
    DYNAMIC_SECTION(playground_set_name(set)) {
      PlaygroundDataSpec s = spec_of(set, 2, 0.3f);
      const PlaygroundData a = make_playground_data(s), b = make_playground_data(s);
      CHECK(a.xy == b.xy);
      CHECK(a.labels == b.labels);
      CHECK(a.targets == b.targets);
      s.seed = 8;
      CHECK(make_playground_data(s).xy != a.xy);
    }
  }
}

TEST_CASE("playground sets without noise follow their rule exactly", "[playground]") {
  SECTION("circle: the inner ring is class k−1, rings are 5/k wide with a gap") {
    for (int k : {2, 3, 5}) {
      const PlaygroundData d = make_playground_data(spec_of(PlaygroundSet::circle, k));
      const double w = 5.0 / k;
      for (int i = 0; i < d.train + d.test; ++i) {
        const int ring = k - 1 - d.labels[i];
        INFO("k " << k << " point " << i << " r " << radius(d, i));
        CHECK(radius(d, i) <= (ring + 1) * w + 1e-5);
        CHECK(radius(d, i) >= (ring > 0 ? (ring + 0.4) * w - 1e-5 : 0.0));
      }
    }
  }
  SECTION("xor: class 1 where x1·x2 >= 0, no point within 0.3 of an axis") {
    const PlaygroundData d = make_playground_data(spec_of(PlaygroundSet::xor_));
    for (int i = 0; i < d.train + d.test; ++i) {
      const float x = d.xy[2 * i], y = d.xy[2 * i + 1];
      CHECK(d.labels[i] == (x * y >= 0 ? 1 : 0));
      CHECK(std::abs(x) > 0.3f);
      CHECK(std::abs(y) > 0.3f);
    }
  }
  SECTION("gauss: two classes around (2, 2) (class 1) and (−2, −2) (class 0)") {
    const PlaygroundData d = make_playground_data(spec_of(PlaygroundSet::gauss));
    double mean[2][2] = {};
    int n[2] = {};
    for (int i = 0; i < d.train + d.test; ++i) {
      mean[d.labels[i]][0] += d.xy[2 * i], mean[d.labels[i]][1] += d.xy[2 * i + 1], ++n[d.labels[i]];
    }
    CHECK(mean[1][0] / n[1] == Approx(2).margin(0.15));
    CHECK(mean[1][1] / n[1] == Approx(2).margin(0.15));
    CHECK(mean[0][0] / n[0] == Approx(-2).margin(0.15));
    CHECK(mean[0][1] / n[0] == Approx(-2).margin(0.15));
  }
  SECTION("spiral: radius grows to 5 along each arm; arms are 2π/k apart") {
    const PlaygroundData d = make_playground_data(spec_of(PlaygroundSet::spiral, 3, 0.0f, 300));
    double longest = 0;
    for (int i = 0; i < 300; ++i) longest = std::max(longest, radius(d, i));
    CHECK(longest < 5.0);
    CHECK(longest > 4.9);
  }
  SECTION("plane: the target is (x1 + x2) / 10; multigauss: ±max(0, 1 − d/2) of the nearest bump") {
    const PlaygroundData p = make_playground_data(spec_of(PlaygroundSet::plane));
    for (int i = 0; i < p.train + p.test; ++i)
      CHECK(p.targets[i] == Approx((p.xy[2 * i] + p.xy[2 * i + 1]) / 10.0).margin(1e-6));
    PlaygroundDataSpec s = spec_of(PlaygroundSet::multigauss);
    s.drawn = {{-4, 2.5f, 0.5f}};  // a drawn point keeps its own target
    const PlaygroundData m = make_playground_data(s);
    int at_bump = 0;
    for (int i = 0; i < m.train + m.test; ++i) {
      const double x = m.xy[2 * i], y = m.xy[2 * i + 1];
      const double d = std::hypot(x - 4, y + 2.5);  // the bump at (4, −2.5) is negative
      if (d >= 1.5 || i == m.train - 1) continue;    // (skipping the drawn point); the others are >= 4 away
      CHECK(m.targets[i] == Approx(-(1 - d / 2)).margin(1e-6));
      ++at_bump;
    }
    CHECK(at_bump > 0);
  }
}

TEST_CASE("playground noise: label noise flips some labels near edges; gauss spreads; spiral jitters", "[playground]") {
  const PlaygroundData clean = make_playground_data(spec_of(PlaygroundSet::xor_, 2, 0.0f));
  const PlaygroundData noisy = make_playground_data(spec_of(PlaygroundSet::xor_, 2, 0.5f));
  int flipped = 0;
  for (int i = 0; i < 500; ++i) flipped += noisy.labels[i] != (noisy.xy[2 * i] * noisy.xy[2 * i + 1] >= 0 ? 1 : 0);
  CHECK(flipped > 25);
  CHECK(flipped < 250);
  CHECK(clean.xy == noisy.xy);  // xor's noise moves where the label is read, not the point
  auto spread = [](const PlaygroundData& d) {
    double s = 0;
    for (int i = 0; i < d.train + d.test; ++i) s += std::hypot(d.xy[2 * i] - (d.labels[i] ? 2 : -2), d.xy[2 * i + 1] - (d.labels[i] ? 2 : -2));
    return s;
  };
  CHECK(spread(make_playground_data(spec_of(PlaygroundSet::gauss, 2, 0.5f))) >
        2 * spread(make_playground_data(spec_of(PlaygroundSet::gauss, 2, 0.0f))));
}

TEST_CASE("playground: drawn points always train, after the generated ones; points 0 means only them", "[playground]") {
  PlaygroundDataSpec s = spec_of(PlaygroundSet::circle, 3, 0.0f, 100);
  s.drawn = {{1.5f, -2.0f, 2}, {-6.0f, 6.0f, 0}};
  const PlaygroundData d = make_playground_data(s);
  CHECK(d.train == 52);
  CHECK(d.test == 50);
  CHECK(d.xy[2 * 50] == 1.5f);
  CHECK(d.xy[2 * 51 + 1] == 6.0f);
  CHECK(d.labels[50] == 2);
  CHECK(d.labels[51] == 0);
  s.points = 0;
  const PlaygroundData only = make_playground_data(s);
  CHECK(only.train == 2);
  CHECK(only.test == 0);
}

TEST_CASE("playground data specs are checked field by field", "[playground][errors]") {
  PlaygroundDataSpec s = spec_of(PlaygroundSet::xor_, 3);
  CHECK_THROWS_WITH(make_playground_data(s), "classes must be between 2 and 2 for xor, got 3");
  s = spec_of(PlaygroundSet::spiral, 7);
  CHECK_THROWS_WITH(make_playground_data(s), "classes must be between 2 and 6 for spiral, got 7");
  s = spec_of(PlaygroundSet::plane, 9);  // regression sets ignore classes
  CHECK_NOTHROW(make_playground_data(s));
  s = spec_of(PlaygroundSet::circle, 2, 0.6f);
  CHECK_THROWS_WITH(make_playground_data(s), "noise must be in [0, 0.5], got 0.6");
  s = spec_of(PlaygroundSet::circle, 2, 0.0f, 2001);
  CHECK_THROWS_WITH(make_playground_data(s), "points must be between 0 and 2000, got 2001");
  s = spec_of(PlaygroundSet::circle);
  s.train_percent = 95;
  CHECK_THROWS_WITH(make_playground_data(s), "train_percent must be between 10 and 90, got 95");
  s = spec_of(PlaygroundSet::circle);
  s.drawn = {{0, 0, 1}, {7, 0, 0}};
  CHECK_THROWS_WITH(make_playground_data(s), Catch::StartsWith("drawn point 2 must lie in [-6, 6]²"));
  s.drawn = {{0, 0, 2}};
  CHECK_THROWS_WITH(make_playground_data(s), "drawn point 1 class must be an integer in [0, 2), got 2");
  s = spec_of(PlaygroundSet::plane);
  s.drawn = {{0, 0, 1.5f}};
  CHECK_THROWS_WITH(make_playground_data(s), "drawn point 1 target must be in [-1, 1], got 1.5");
  s = spec_of(PlaygroundSet::circle, 2, 0.0f, 0);
  CHECK_THROWS_WITH(make_playground_data(s), Catch::StartsWith("the training set is empty"));
  CHECK_THROWS_WITH(playground_set_from_name("moons"),
                    "data set must be one of circle, xor, gauss, spiral, plane, multigauss, got 'moons'");
  CHECK_THROWS_WITH(feature_from_name("cosx1"),
                    "feature must be one of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2, got 'cosx1'");
}

TEST_CASE("features: each is its formula of (x1, x2), in the order asked, on odd-sized inputs", "[playground][features]") {
  Rng rng(3);
  for (int rows : {1, 3, 17, 101}) {
    std::vector<float> xy(2 * static_cast<std::size_t>(rows));
    for (float& v : xy) v = static_cast<float>(rng.uniform(-6, 6));
    const std::vector<Feature> order = {Feature::sin_x2, Feature::x1, Feature::x1_times_x2, Feature::x2_squared,
                                        Feature::x2, Feature::sin_x1, Feature::x1_squared};
    const std::vector<float> out = map_features(xy, order);
    REQUIRE(out.size() == static_cast<std::size_t>(rows) * 7);
    for (int i = 0; i < rows; ++i) {
      const float a = xy[2 * i], b = xy[2 * i + 1];
      const float* r = out.data() + 7 * i;
      INFO("rows " << rows << " row " << i);
      CHECK(r[0] == Approx(std::sin(b)).margin(1e-7));
      CHECK(r[1] == a);
      CHECK(r[2] == a * b);
      CHECK(r[3] == b * b);
      CHECK(r[4] == b);
      CHECK(r[5] == Approx(std::sin(a)).margin(1e-7));
      CHECK(r[6] == a * a);
    }
  }
  const std::vector<float> two = {1, 2};
  CHECK_THROWS_WITH(map_features(two, std::vector<Feature>{}), "feature count must be between 1 and 7, got 0");
  CHECK_THROWS_WITH(map_features(two, std::vector<Feature>{Feature::x1, Feature::x1}),
                    "features must not repeat a feature, got x1");
  const std::vector<float> odd = {1, 2, 3};
  CHECK_THROWS_WITH(map_features(odd, std::vector<Feature>{Feature::x1}), "points length must be even (x1, x2 pairs), got 3");
  const std::vector<float> inf = {1, INFINITY};
  CHECK_THROWS_WITH(map_features(inf, std::vector<Feature>{Feature::x1}), Catch::StartsWith("point 1 must be finite"));
}

TEST_CASE("layer outputs: every neuron's value equals a plain per-point forward pass", "[playground][mlp]") {
  MlpSpec spec;
  spec.inputs = 3;
  spec.layers = {{5, {Activation::tanh, 0}}, {4, {Activation::relu, 0}}, {3, {Activation::identity, 0}}};
  spec.init = Init::glorot_uniform;
  spec.seed = 11;
  Mlp net(spec);
  Rng rng(5);
  for (float& p : net.params()) p += static_cast<float>(rng.uniform(-0.2, 0.2));
  Evaluator eval;
  for (int rows : {1, 7, 1003}) {  // 1003 crosses the evaluator's chunk of 1000
    Matrix x(rows, 3);
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < 3; ++j) x(i, j) = static_cast<float>(rng.uniform(-3, 3));
    std::vector<Matrix> outs;
    for (const LayerSpec& l : spec.layers) outs.emplace_back(rows, l.units);
    std::vector<MatrixView> views(outs.begin(), outs.end());
    eval.layer_outputs(net, x, views);
    Matrix predicted(rows, 3);
    eval.predict(net, x, predicted);
    for (int i = 0; i < rows; ++i) {
      // The reference: one point at a time, in double, layer by layer.
      std::vector<double> in = {x(i, 0), x(i, 1), x(i, 2)};
      for (int l = 0; l < net.n_layers(); ++l) {
        const int units = spec.layers[l].units;
        std::vector<double> out(static_cast<std::size_t>(units));
        for (int u = 0; u < units; ++u) {
          double z = net.bias(l)[u];
          for (std::size_t k = 0; k < in.size(); ++k) z += in[k] * net.weight(l)(static_cast<int>(k), u);
          out[u] = l == 0 ? std::tanh(z) : l == 1 ? std::max(0.0, z) : z;
        }
        if (l == 2) {
          const double m = std::max({out[0], out[1], out[2]});
          double sum = 0;
          for (double& v : out) sum += (v = std::exp(v - m));
          for (double& v : out) v /= sum;
        }
        for (int u = 0; u < units; ++u) {
          INFO("rows " << rows << " point " << i << " layer " << l << " unit " << u);
          CHECK(outs[l](i, u) == Approx(out[u]).margin(2e-6));
        }
        in = out;
      }
      for (int u = 0; u < 3; ++u) CHECK(outs[2](i, u) == predicted(i, u));
    }
  }
  Matrix x(2, 3), wrong(2, 4);
  std::vector<MatrixView> too_few = {wrong};
  CHECK_THROWS_WITH(eval.layer_outputs(net, x, too_few), "layer outputs must hold one matrix per layer (3), got 1");
  Matrix a(2, 5), b(2, 4), c(2, 2);
  std::vector<MatrixView> misshapen = {a, b, c};
  CHECK_THROWS_WITH(eval.layer_outputs(net, x, misshapen), "output of layer 3 must be rows × units, got 2x2");
}

// The widget's spiral preset (web/src/widgets/playground/presets.ts): TF
// Playground's spiral, noise 0, half the points for training; inputs x1, x2,
// sin x1, sin x2; two hidden layers of 8 tanh units; softmax over 2 classes;
// Adam 0.01, batches of 10, seeds 1. After 150 epochs the held-out half is
// classified with at least 95% accuracy.
TEST_CASE("the playground's spiral preset reaches >= 95% test accuracy", "[playground][training]") {
  PlaygroundDataSpec ds;
  ds.set = PlaygroundSet::spiral;
  ds.seed = 1;
  const PlaygroundData data = make_playground_data(ds);
  const std::vector<Feature> features = {Feature::x1, Feature::x2, Feature::sin_x1, Feature::sin_x2};
  const auto train = std::make_shared<const Dataset>(playground_dataset(data, features, 0, data.train));
  const Dataset test = playground_dataset(data, features, data.train, data.test);
  MlpSpec spec;
  spec.inputs = 4;
  spec.layers = {{8, {Activation::tanh, 0}}, {8, {Activation::tanh, 0}}, {2, {Activation::identity, 0}}};
  spec.init = Init::glorot_uniform;
  spec.seed = 1;
  TrainConfig c;
  c.batch_size = 10;
  c.optimizer = optimizer_defaults(OptimizerKind::adam);
  c.optimizer.learning_rate = 0.01f;
  c.shuffle_seed = 1;
  Trainer t(spec, train, c);
  const double before = t.evaluate(test).accuracy;
  while (t.epoch() < 150) REQUIRE_FALSE(t.train_batches(1000).diverged);
  const EvalResult r = t.evaluate(test);
  INFO("test accuracy " << r.accuracy << " (from " << before << "), loss " << r.loss);
  CHECK(test.size() == 250);
  CHECK(before < 0.7);
  CHECK(r.accuracy >= 0.95);
}
