// Rosenblatt's perceptron learns the linearly separable gates and never XOR/XNOR
// (Minsky & Papert, 1969); a 2-4-1 MLP learns XOR.
#include <catch2/catch.hpp>

#include "perceptron.hpp"
#include "synthetic.hpp"
#include "trainer.hpp"

using namespace mlp;

namespace {

PerceptronResult fit_gate(const char* gate) {
  const Dataset d = logic_gate(gate);
  Matrix x(4, 2);
  std::vector<std::int32_t> y(4);
  const std::int32_t idx[] = {0, 1, 2, 3};
  d.gather(idx, x, y.data(), nullptr);
  return train_perceptron(x, y, 0.1f, 1000);
}

}  // namespace

TEST_CASE("perceptron converges on the linearly separable gates", "[perceptron]") {
  for (const char* gate : {"and", "or", "nand", "nor"}) {
    DYNAMIC_SECTION(gate) {
      const PerceptronResult r = fit_gate(gate);
      CHECK(r.converged);
      CHECK(r.epochs < 50);
      CHECK(r.errors.back() == 0);
      const Dataset d = logic_gate(gate);
      for (int i = 0; i < 4; ++i) {
        const float x[2] = {d.feature(i, 0), d.feature(i, 1)};
        CHECK(perceptron_predict(r.weights, x, 2) == d.labels()[i]);
      }
    }
  }
}

TEST_CASE("perceptron never converges on XOR or XNOR within 1000 epochs", "[perceptron]") {
  for (const char* gate : {"xor", "xnor"}) {
    DYNAMIC_SECTION(gate) {
      const PerceptronResult r = fit_gate(gate);
      CHECK_FALSE(r.converged);
      CHECK(r.epochs == 1000);
      for (int e : r.errors) CHECK(e > 0);
    }
  }
}

TEST_CASE("perceptron arguments are validated", "[perceptron][errors]") {
  Matrix x(2, 2);
  const std::int32_t y[] = {0, 2};
  CHECK_THROWS_WITH(train_perceptron(x, y, 0.1f, 10), "label 1 must be 0 or 1, got 2");
  const std::int32_t ok[] = {0, 1};
  CHECK_THROWS_WITH(train_perceptron(x, ok, -0.1f, 10), "learning_rate must be finite and > 0, got -0.1");
  CHECK_THROWS_WITH(train_perceptron(x, ok, 0.1f, 0), "max_epochs must be between 1 and 1000000, got 0");
}

TEST_CASE("a 2-4-1 MLP reaches 100% on XOR with a fixed seed", "[mlp][xor]") {
  MlpSpec spec;
  spec.inputs = 2;
  spec.layers = {{4, {Activation::tanh, 0}}, {2, {Activation::identity, 0}}};
  spec.loss = Loss::softmax_cross_entropy;
  spec.init = Init::glorot_uniform;
  spec.seed = 1;
  Mlp net(spec);
  TrainConfig tc;
  tc.batch_size = 4;
  tc.optimizer.kind = OptimizerKind::adam;
  tc.optimizer.learning_rate = 0.05f;
  auto data = std::make_shared<const Dataset>(logic_gate("xor"));
  Trainer trainer(std::move(net), data, tc);
  for (int i = 0; i < 300; ++i) trainer.train_batches(1);
  const EvalResult r = trainer.evaluate(*data);
  CHECK(r.accuracy == 1.0);
  CHECK(r.loss < 0.05);
}
