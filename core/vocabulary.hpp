#pragma once
// What the core accepts, in one place, so the page never re-types a limit or
// a name: every number here is read from the constant the matching check
// uses (mlp.hpp, activations.hpp, optimizers.hpp, trainer.hpp, rng.hpp,
// regularization.hpp, playground.hpp), and
// tests/native/test_vocabulary.cpp walks each boundary through the checks.
#include <vector>

#include "activations.hpp"
#include "init.hpp"
#include "losses.hpp"
#include "optimizers.hpp"
#include "playground.hpp"
#include "regularization.hpp"

namespace mlp {

struct Range {  // inclusive
  double min, max;
};

struct Limits {
  Range inputs, hidden_layers, units;
  Range batch_size;     // the core's cap; a trainer also caps it by its training set
  Range alpha;          // 0 selects the activation's default
  Range learning_rate;  // every finite float32 > 0: min is the smallest one
  Range seed;           // weight and shuffle seeds
  Range train_batches;  // batches per train_batches() call
  Range parameters;     // from the smallest network to the largest the other limits allow
  Range regularization_rate;  // L1/L2's λ: 0 to the largest finite float
};

struct ActivationInfo {
  Activation kind;
  bool hidden;                     // accepted in a hidden layer
  std::vector<Loss> output_losses; // the losses that accept it in the output layer
  float default_alpha;             // 0: it has no alpha
};

struct OptimizerParamInfo {
  const OptimizerParam* param;  // name and range
  float default_value;          // for this optimizer
};

struct OptimizerInfo {
  OptimizerKind kind;
  float learning_rate;  // default
  std::vector<OptimizerParamInfo> params;
};

struct PlaygroundSetInfo {
  PlaygroundSet set;
  bool regression;
  Range classes;  // {0, 0} for the regression sets
};

// The decision-boundary playground's data (playground.hpp).
struct PlaygroundVocabulary {
  std::vector<PlaygroundSetInfo> sets;
  std::vector<Feature> features;
  Range points, noise, train_percent, drawn, extent;
};

struct Vocabulary {
  Limits limits;
  std::vector<ActivationInfo> activations;
  std::vector<Loss> losses;
  std::vector<Init> initializers;
  std::vector<OptimizerInfo> optimizers;
  std::vector<Regularization> regularizations;
  PlaygroundVocabulary playground;
};

Vocabulary vocabulary();

}  // namespace mlp
