#include "vocabulary.hpp"

#include "mlp.hpp"
#include "rng.hpp"
#include "trainer.hpp"

namespace mlp {
namespace {

// A network with `hidden` hidden layers of `units`, `units` outputs and MSE
// (which allows a single output unit).
MlpSpec uniform_spec(int inputs, int hidden, int units) {
  MlpSpec s;
  s.inputs = inputs;
  s.layers.assign(static_cast<std::size_t>(hidden) + 1, LayerSpec{units, {}});
  s.loss = Loss::mse;
  return s;
}

Limits limits() {
  const MlpSpec smallest = uniform_spec(1, 0, 1), largest = uniform_spec(kMaxInputs, kMaxHiddenLayers, kMaxUnits);
  return {
      .inputs = {1, kMaxInputs},
      .hidden_layers = {0, kMaxHiddenLayers},
      .units = {1, kMaxUnits},
      .batch_size = {1, kMaxBatchSize},
      .alpha = {kMinAlpha, kMaxAlpha},
      .learning_rate = {kMinLearningRate, kMaxLearningRate},
      .seed = {0, static_cast<double>(kMaxSeed)},
      .train_batches = {1, kMaxBatchesPerCall},
      .parameters = {static_cast<double>(parameter_count(smallest)), static_cast<double>(parameter_count(largest))},
      .regularization_rate = {kMinRegularizationRate, kMaxRegularizationRate},
  };
}

PlaygroundVocabulary playground() {
  PlaygroundVocabulary p;
  for (PlaygroundSet s : kPlaygroundSets)
    p.sets.push_back({s, is_regression(s), {static_cast<double>(min_classes(s)), static_cast<double>(max_classes(s))}});
  p.features.assign(std::begin(kFeatures), std::end(kFeatures));
  p.points = {0, kMaxPlaygroundPoints};
  p.noise = {0, kMaxPlaygroundNoise};
  p.train_percent = {kMinTrainPercent, kMaxTrainPercent};
  p.drawn = {0, kMaxDrawnPoints};
  p.extent = {-kPlaygroundExtent, kPlaygroundExtent};
  return p;
}

}  // namespace

Vocabulary vocabulary() {
  Vocabulary v;
  v.limits = limits();
  for (Activation a : kActivations) {
    ActivationInfo info{a, hidden_activation_allowed(a), {}, default_alpha(a)};
    for (Loss l : kLosses)
      if (output_activation_allowed(l, a)) info.output_losses.push_back(l);
    v.activations.push_back(info);
  }
  v.losses.assign(std::begin(kLosses), std::end(kLosses));
  v.initializers.assign(std::begin(kInits), std::end(kInits));
  for (OptimizerKind k : kOptimizerKinds) {
    const OptimizerConfig defaults = optimizer_defaults(k);
    OptimizerInfo info{k, defaults.learning_rate, {}};
    for (const OptimizerParam* p : optimizer_params(k)) info.params.push_back({p, defaults.*(p->field)});
    v.optimizers.push_back(info);
  }
  v.regularizations.assign(std::begin(kRegularizations), std::end(kRegularizations));
  v.playground = playground();
  return v;
}

}  // namespace mlp
