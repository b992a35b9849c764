// The core against an independent implementation: tests/reference/tiny_mlp.json
// holds the per-step losses and final weights that a NumPy MLP
// (tests/reference/tiny_mlp.py, float64, no code shared with the core) got
// training the same tiny network from the same initial weights on the same
// batches with SGD and Adam. The core must reproduce the set-up bit for bit and
// the results within a relative error of 1e-5.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

#include "json.hpp"
#include "trainer.hpp"

using namespace mlp;
using mlp::test::Json;

namespace {

Json fixture() {
  // Beside this file in the source tree (absolute when CMake compiles it), or from the repository root.
  std::string path = __FILE__;
  path = path.substr(0, path.rfind("native")) + "reference/tiny_mlp.json";
  try {
    return Json::read_file(path);
  } catch (const std::runtime_error&) {
    return Json::read_file("tests/reference/tiny_mlp.json");
  }
}

MlpSpec spec_of(const Json& net) {
  MlpSpec s;
  s.inputs = static_cast<int>(net["inputs"].num);
  for (const Json& l : net["layers"].items)
    s.layers.push_back({static_cast<int>(l["units"].num), {activation_from_name(l["activation"].str), 0.0f}});
  s.loss = loss_from_name(net["loss"].str);
  s.init = init_from_name(net["init"].str);
  s.seed = static_cast<std::uint64_t>(net["seed"].num);
  return s;
}

OptimizerConfig optimizer_of(const Json& run) {
  OptimizerConfig c = optimizer_defaults(optimizer_from_name(run["optimizer"].str));
  c.learning_rate = static_cast<float>(run["learning_rate"].num);
  if (c.kind == OptimizerKind::adam) {
    c.beta1 = static_cast<float>(run["beta1"].num);
    c.beta2 = static_cast<float>(run["beta2"].num);
    c.epsilon = static_cast<float>(run["epsilon"].num);
  }
  return c;
}

double relative_error(double got, double want) { return std::abs(got - want) / std::abs(want); }

}  // namespace

TEST_CASE("the core trains a tiny MLP as an independent NumPy implementation does", "[reference]") {
  const Json f = fixture();
  const MlpSpec spec = spec_of(f["network"]);
  const Json& d = f["data"];
  const int rows = static_cast<int>(d["rows"].num);
  const auto x = d["x"].as_vector<float>();
  const auto labels = d["labels"].as_vector<std::int32_t>();
  const auto data = std::make_shared<const Dataset>(
      Dataset::from_floats(x, rows, static_cast<int>(d["features"].num), labels, static_cast<int>(d["classes"].num)));
  const int batch_size = static_cast<int>(f["batch_size"].num);
  const auto shuffle_seed = static_cast<std::uint64_t>(f["shuffle_seed"].num);
  const int steps = static_cast<int>(f["steps"].num);

  // The same start: the core's initial weights and batch order are the fixture's.
  const Mlp initial(spec);
  CHECK(std::vector<float>(initial.params().begin(), initial.params().end()) ==
        f["initial_params"].as_vector<float>());
  BatchSchedule schedule(rows, batch_size, shuffle_seed);
  REQUIRE(static_cast<int>(f["batches"].size()) == steps);
  for (int step = 0; step < steps; ++step) {
    const int b = step % schedule.batches_per_epoch();
    if (b == 0) schedule.shuffle();
    const auto idx = schedule.batch(b);
    INFO("step " << step + 1);
    CHECK(std::vector<std::int32_t>(idx.begin(), idx.end()) == f["batches"][step].as_vector<std::int32_t>());
  }

  for (const Json& run : f["runs"].items) {
    DYNAMIC_SECTION(run["optimizer"].str) {
      TrainConfig tc;
      tc.batch_size = batch_size;
      tc.shuffle_seed = shuffle_seed;
      tc.optimizer = optimizer_of(run);
      Trainer t(spec, data, tc);
      const Json& losses = run["losses"];
      REQUIRE(static_cast<int>(losses.size()) == steps);
      double worst = 0;
      for (int step = 0; step < steps; ++step) {
        const double got = t.train_batches(1).losses.at(0), want = losses[step].num;
        INFO("step " << step + 1 << ": core " << got << ", NumPy " << want);
        CHECK(relative_error(got, want) <= 1e-5);
        worst = std::max(worst, relative_error(got, want));
      }
      const auto want = run["final_params"].as_vector<double>();
      const auto got = t.network().params();
      REQUIRE(got.size() == want.size());
      for (std::size_t i = 0; i < want.size(); ++i) {
        INFO("final weight " << i << ": core " << got[i] << ", NumPy " << want[i]);
        CHECK(relative_error(got[i], want[i]) <= 1e-5);
        worst = std::max(worst, relative_error(got[i], want[i]));
      }
      INFO("largest relative error " << worst);
      SUCCEED();
    }
  }
}
