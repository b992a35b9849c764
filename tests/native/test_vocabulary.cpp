// The vocabulary says what the checks do: every limit's ends are accepted and
// the values just outside are refused, naming the field; every listed name
// parses; every optimizer reads exactly the hyper-parameters it lists.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <memory>

#include "synthetic.hpp"
#include "trainer.hpp"
#include "vocabulary.hpp"

using namespace mlp;

namespace {

const Limits L = vocabulary().limits;

// inputs → hidden layers of `units` → outputs, softmax cross-entropy.
MlpSpec spec(int inputs, int hidden, int units, int outputs = 2) {
  MlpSpec s;
  s.inputs = inputs;
  s.layers.assign(static_cast<std::size_t>(hidden), LayerSpec{units, {Activation::relu, 0}});
  s.layers.push_back({outputs, {Activation::identity, 0}});
  return s;
}

int as_int(double v) { return static_cast<int>(v); }

float next_up(float v) { return std::nextafter(v, std::numeric_limits<float>::infinity()); }
float next_down(float v) { return std::nextafter(v, -std::numeric_limits<float>::infinity()); }

// A trainer on `rows` one-feature examples (two classes), with `config`.
Trainer trainer_on(int rows, const TrainConfig& config) {
  std::vector<float> x(static_cast<std::size_t>(rows));
  std::vector<std::int32_t> y(static_cast<std::size_t>(rows));
  for (int i = 0; i < rows; ++i) x[i] = static_cast<float>(i % 7), y[i] = i % 2;
  auto data = std::make_shared<const Dataset>(Dataset::from_floats(x, rows, 1, y, 2));
  return Trainer(spec(1, 0, 1), data, config);
}

}  // namespace

TEST_CASE("vocabulary: network size limits are the ones validated() applies", "[vocabulary]") {
  CHECK_NOTHROW(validated(spec(as_int(L.inputs.max), 1, 4)));
  CHECK_NOTHROW(validated(spec(as_int(L.inputs.min), 1, 4)));
  CHECK_THROWS_WITH(validated(spec(as_int(L.inputs.max) + 1, 1, 4)), "inputs must be between 1 and 4096, got 4097");
  CHECK_THROWS_WITH(validated(spec(as_int(L.inputs.min) - 1, 1, 4)), "inputs must be between 1 and 4096, got 0");

  CHECK_NOTHROW(validated(spec(3, as_int(L.hidden_layers.max), 4)));
  CHECK_NOTHROW(validated(spec(3, as_int(L.hidden_layers.min), 4)));
  CHECK_THROWS_WITH(validated(spec(3, as_int(L.hidden_layers.max) + 1, 4)),
                    "hidden layer count must be between 0 and 10, got 11");

  CHECK_NOTHROW(validated(spec(3, 1, as_int(L.units.max), as_int(L.units.max))));
  CHECK_THROWS_WITH(validated(spec(3, 1, as_int(L.units.max) + 1)),
                    "units of hidden layer 1 must be between 1 and 1024, got 1025");
  CHECK_THROWS_WITH(validated(spec(3, 1, 4, as_int(L.units.max) + 1)),
                    "output units must be between 1 and 1024, got 1025");
  CHECK_NOTHROW(validated(spec(3, 1, as_int(L.units.min))));
  CHECK_THROWS_WITH(validated(spec(3, 1, as_int(L.units.min) - 1)),
                    "units of hidden layer 1 must be between 1 and 1024, got 0");
  MlpSpec one_output = spec(3, 0, 1, as_int(L.units.min));
  one_output.loss = Loss::mse;
  CHECK_NOTHROW(validated(one_output));
}

TEST_CASE("vocabulary: the parameter range runs from the smallest to the largest valid network", "[vocabulary]") {
  MlpSpec largest = spec(as_int(L.inputs.max), as_int(L.hidden_layers.max), as_int(L.units.max),
                         as_int(L.units.max));
  CHECK(parameter_count(validated(largest)) == static_cast<std::size_t>(L.parameters.max));
  MlpSpec smallest = spec(1, 0, 1, 1);
  smallest.loss = Loss::mse;
  CHECK(parameter_count(validated(smallest)) == static_cast<std::size_t>(L.parameters.min));
  // There is no cap of its own: one more unit, input or layer is refused by those limits.
  largest.layers[0].units += 1;
  CHECK_THROWS_WITH(validated(largest), Catch::Contains("units of hidden layer 1 must be between"));
}

TEST_CASE("vocabulary: seeds up to 2^53 - 1, for weights and shuffles", "[vocabulary]") {
  CHECK(L.seed.min == 0);
  CHECK(L.seed.max == 9007199254740991.0);
  MlpSpec s = spec(2, 1, 3);
  s.seed = static_cast<std::uint64_t>(L.seed.max);
  CHECK(validated(s).seed == kMaxSeed);
  s.seed = kMaxSeed + 1;
  CHECK_THROWS_WITH(validated(s), "seed must be an integer in [0, 2^53), got 9007199254740992");
  TrainConfig tc;
  tc.batch_size = 2;
  tc.shuffle_seed = kMaxSeed;
  CHECK_NOTHROW(trainer_on(4, tc));
  tc.shuffle_seed = kMaxSeed + 1;
  CHECK_THROWS_WITH(trainer_on(4, tc), "shuffle_seed must be an integer in [0, 2^53), got 9007199254740992");
}

TEST_CASE("vocabulary: alpha from 0 (the default) to the largest float", "[vocabulary]") {
  MlpSpec s = spec(2, 1, 3);
  s.layers[0].activation = {Activation::leaky_relu, static_cast<float>(L.alpha.max)};
  CHECK(validated(s).layers[0].activation.alpha == std::numeric_limits<float>::max());
  s.layers[0].activation.alpha = next_up(static_cast<float>(L.alpha.max));  // inf
  CHECK_THROWS_WITH(validated(s), "alpha of hidden layer 1 must be finite and >= 0, got Infinity");
  s.layers[0].activation.alpha = static_cast<float>(L.alpha.min);
  CHECK(validated(s).layers[0].activation.alpha == 0.01f);
  s.layers[0].activation.alpha = next_down(static_cast<float>(L.alpha.min));
  CHECK_THROWS_WITH(validated(s), Catch::StartsWith("alpha of hidden layer 1 must be finite and >= 0, got -"));
}

TEST_CASE("vocabulary: learning rates are every finite float above 0", "[vocabulary]") {
  OptimizerConfig c;
  c.learning_rate = static_cast<float>(L.learning_rate.min);
  CHECK(c.learning_rate > 0.0f);
  CHECK_NOTHROW(validated(c));
  c.learning_rate = next_down(c.learning_rate);
  CHECK_THROWS_WITH(validated(c), "learning_rate must be finite and > 0, got 0");
  c.learning_rate = static_cast<float>(L.learning_rate.max);
  CHECK_NOTHROW(validated(c));
  c.learning_rate = next_up(c.learning_rate);
  CHECK_THROWS_WITH(validated(c), "learning_rate must be finite and > 0, got Infinity");
  c.learning_rate = std::numeric_limits<float>::quiet_NaN();
  CHECK_THROWS_WITH(validated(c), "learning_rate must be finite and > 0, got NaN");
}

TEST_CASE("vocabulary: batch sizes up to the core's cap, and the training set's size", "[vocabulary]") {
  const int cap = as_int(L.batch_size.max);
  TrainConfig tc;
  tc.batch_size = cap;
  CHECK(trainer_on(cap, tc).batches_per_epoch() == 1);
  tc.batch_size = cap + 1;
  CHECK_THROWS_WITH(trainer_on(cap + 1, tc), "batch_size must be between 1 and 1048576, got 1048577");
  tc.batch_size = as_int(L.batch_size.min);
  Trainer t = trainer_on(10, tc);
  CHECK(t.batches_per_epoch() == 10);
  tc.batch_size = as_int(L.batch_size.min) - 1;
  CHECK_THROWS_WITH(trainer_on(10, tc), "batch_size must be between 1 and 10, got 0");
  CHECK_THROWS_WITH(t.set_batch_size(11), "batch_size must be between 1 and 10, got 11");
}

TEST_CASE("vocabulary: batches per call", "[vocabulary]") {
  TrainConfig tc;
  tc.batch_size = 4;
  Trainer t = trainer_on(4, tc);
  CHECK(t.train_batches(as_int(L.train_batches.max)).losses.size() == 1u);  // one epoch of one batch
  CHECK(t.train_batches(as_int(L.train_batches.min)).losses.size() == 1u);
  CHECK_THROWS_WITH(t.train_batches(as_int(L.train_batches.max) + 1),
                    "batches per call must be between 1 and 1000000, got 1000001");
  CHECK_THROWS_WITH(t.train_batches(0), "batches per call must be between 1 and 1000000, got 0");
}

TEST_CASE("vocabulary: every listed name parses back, and activations sit where it says", "[vocabulary]") {
  const Vocabulary v = vocabulary();
  CHECK(v.losses.size() == 3u);
  for (Loss l : v.losses) CHECK(loss_from_name(loss_name(l)) == l);
  CHECK(v.initializers.size() == 5u);
  for (Init i : v.initializers) CHECK(init_from_name(init_name(i)) == i);
  CHECK(v.activations.size() == 8u);
  for (const ActivationInfo& a : v.activations) {
    INFO(activation_name(a.kind));
    CHECK(activation_from_name(activation_name(a.kind)) == a.kind);
    CHECK(a.default_alpha == with_default_alpha({a.kind, 0.0f}).alpha);
    MlpSpec s = spec(2, 1, 3);
    s.layers[0].activation.kind = a.kind;
    if (a.hidden) CHECK_NOTHROW(validated(s));
    else CHECK_THROWS(validated(s));
    for (Loss l : kLosses) {
      MlpSpec o = spec(2, 1, 3);
      o.loss = l;
      o.layers.back().activation.kind = a.kind;
      const bool listed = std::find(a.output_losses.begin(), a.output_losses.end(), l) != a.output_losses.end();
      INFO(loss_name(l));
      if (listed) CHECK_NOTHROW(validated(o));
      else CHECK_THROWS_WITH(validated(o), Catch::StartsWith("output activation must be identity"));
    }
  }
}

TEST_CASE("vocabulary: optimizer defaults, parameter ranges and which parameters each reads", "[vocabulary]") {
  const Vocabulary v = vocabulary();
  REQUIRE(v.optimizers.size() == 6u);
  for (const OptimizerInfo& o : v.optimizers) {
    INFO(optimizer_name(o.kind));
    CHECK(optimizer_from_name(optimizer_name(o.kind)) == o.kind);
    const OptimizerConfig defaults = optimizer_defaults(o.kind);
    CHECK(o.learning_rate == defaults.learning_rate);
    for (const OptimizerParamInfo& p : o.params) {
      INFO(p.param->name);
      CHECK(p.default_value == validated(defaults).*(p.param->field));
      OptimizerConfig c = defaults;
      c.*(p.param->field) = p.param->min;
      CHECK_NOTHROW(validated(c));
      c.*(p.param->field) = next_down(p.param->min);
      CHECK_THROWS_WITH(validated(c), Catch::StartsWith(std::string(p.param->name) + " must"));
      c.*(p.param->field) = p.param->max;
      if (p.param->max_exclusive) {
        CHECK_THROWS_WITH(validated(c), Catch::StartsWith(std::string(p.param->name) + " must"));
        c.*(p.param->field) = next_down(p.param->max);
      }
      CHECK_NOTHROW(validated(c));
    }
    // Exactly the listed parameters change the steps taken.
    auto three_steps = [&](const OptimizerConfig& c) {
      Optimizer opt(c, 2);
      float p[2] = {1.0f, -1.0f};
      for (float g : {0.5f, 0.25f, -1.0f}) {
        const float grad[2] = {g, -0.3f * g};
        opt.step(p, grad);
      }
      return std::pair{p[0], p[1]};
    };
    for (const OptimizerParam& p : kOptimizerParams) {
      INFO(p.name);
      OptimizerConfig c = validated(defaults);
      c.*(p.field) = p.name == std::string("epsilon") ? 0.5f : 0.3f;
      const auto& listed = o.params;
      const bool reads = std::any_of(listed.begin(), listed.end(), [&](const auto& q) { return q.param == &p; });
      CHECK((three_steps(c) != three_steps(validated(defaults))) == reads);
    }
  }
}

TEST_CASE("vocabulary: regularization names parse, and rates run from 0 to the largest float", "[vocabulary][regularization]") {
  const Vocabulary v = vocabulary();
  REQUIRE(v.regularizations.size() == std::size(kRegularizations));
  for (Regularization r : v.regularizations) CHECK(regularization_from_name(regularization_name(r)) == r);
  CHECK_NOTHROW(validated(RegularizationConfig{Regularization::l2, static_cast<float>(L.regularization_rate.min)}));
  CHECK_NOTHROW(validated(RegularizationConfig{Regularization::l2, static_cast<float>(L.regularization_rate.max)}));
  CHECK_THROWS_WITH(validated(RegularizationConfig{Regularization::l1, next_down(static_cast<float>(L.regularization_rate.min))}),
                    Catch::StartsWith("regularization_rate must be finite and >= 0, got -"));
  CHECK_THROWS_WITH(validated(RegularizationConfig{Regularization::l1, next_up(static_cast<float>(L.regularization_rate.max))}),
                    "regularization_rate must be finite and >= 0, got inf");
}

TEST_CASE("vocabulary: the playground's sets, features and limits are what make_playground_data accepts", "[vocabulary][playground]") {
  const PlaygroundVocabulary p = vocabulary().playground;
  REQUIRE(p.sets.size() == std::size(kPlaygroundSets));
  for (const PlaygroundSetInfo& s : p.sets) {
    INFO(playground_set_name(s.set));
    CHECK(playground_set_from_name(playground_set_name(s.set)) == s.set);
    CHECK(s.regression == is_regression(s.set));
    PlaygroundDataSpec d;
    d.set = s.set;
    d.points = 40;
    if (s.regression) {
      CHECK(s.classes.min == 0);
      CHECK(s.classes.max == 0);
      CHECK(make_playground_data(d).classes == 0);
      continue;
    }
    for (double c : {s.classes.min, s.classes.max}) {
      d.classes = as_int(c);
      CHECK(make_playground_data(d).classes == d.classes);
    }
    d.classes = as_int(s.classes.min) - 1;
    CHECK_THROWS_WITH(make_playground_data(d), Catch::StartsWith("classes must be between"));
    d.classes = as_int(s.classes.max) + 1;
    CHECK_THROWS_WITH(make_playground_data(d), Catch::StartsWith("classes must be between"));
  }
  for (Feature f : p.features) CHECK(feature_from_name(feature_name(f)) == f);
  CHECK(p.features.size() == std::size(kFeatures));

  PlaygroundDataSpec d;
  d.drawn = {{0, 0, 1}};  // so that points = 0 still trains something
  for (double n : {p.points.min, p.points.max}) {
    d.points = as_int(n);
    CHECK_NOTHROW(make_playground_data(d));
  }
  d.points = as_int(p.points.max) + 1;
  CHECK_THROWS_WITH(make_playground_data(d), Catch::StartsWith("points must be between"));
  d.points = as_int(p.points.min) - 1;
  CHECK_THROWS_WITH(make_playground_data(d), Catch::StartsWith("points must be between"));
  d.points = 100;
  for (double noise : {p.noise.min, p.noise.max}) {
    d.noise = static_cast<float>(noise);
    CHECK_NOTHROW(make_playground_data(d));
  }
  d.noise = next_up(static_cast<float>(p.noise.max));
  CHECK_THROWS_WITH(make_playground_data(d), Catch::StartsWith("noise must be in [0, 0.5]"));
  d.noise = next_down(static_cast<float>(p.noise.min));
  CHECK_THROWS_WITH(make_playground_data(d), Catch::StartsWith("noise must be in [0, 0.5]"));
  d.noise = 0;
  for (double t : {p.train_percent.min, p.train_percent.max}) {
    d.train_percent = as_int(t);
    CHECK_NOTHROW(make_playground_data(d));
  }
  d.train_percent = as_int(p.train_percent.max) + 1;
  CHECK_THROWS_WITH(make_playground_data(d), Catch::StartsWith("train_percent must be between"));
  d.train_percent = as_int(p.train_percent.min) - 1;
  CHECK_THROWS_WITH(make_playground_data(d), Catch::StartsWith("train_percent must be between"));
  d.train_percent = 50;
  const float e = static_cast<float>(p.extent.max);
  CHECK(p.extent.min == -p.extent.max);
  d.drawn.assign(static_cast<std::size_t>(p.drawn.max), DrawnPoint{e, -e, 0});
  CHECK_NOTHROW(make_playground_data(d));
  d.drawn.push_back({0, 0, 0});
  CHECK_THROWS_WITH(make_playground_data(d), Catch::StartsWith("drawn points must be between 0 and"));
  d.drawn = {{next_up(e), 0, 0}};
  CHECK_THROWS_WITH(make_playground_data(d), Catch::StartsWith("drawn point 1 must lie in [-6, 6]²"));
}
