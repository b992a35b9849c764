#pragma once
// `mlp-cli reference-input`: everything an independent implementation needs to
// retrace the core's training of a tiny seeded MLP — the network, the data,
// the core's initial weights, the example indices of every step and the
// optimizer settings as the core holds them (float32, printed to round-trip).
// tests/reference/tiny_mlp.py reads it and writes the fixture that
// tests/native/test_reference.cpp compares the core against.
#include <cstdio>
#include <span>
#include <string>

#include "batch_schedule.hpp"
#include "mlp.hpp"
#include "optimizers.hpp"
#include "synthetic.hpp"

namespace mlp::cli {

inline void print_floats(std::span<const float> v) {
  std::printf("[");
  for (std::size_t i = 0; i < v.size(); ++i) std::printf("%s%.9g", i ? "," : "", static_cast<double>(v[i]));
  std::printf("]");
}

inline int cmd_reference_input() {
  constexpr int kRows = 24, kBatch = 6, kEpochs = 5;
  constexpr std::uint64_t kShuffleSeed = 3;
  MlpSpec spec;
  spec.inputs = 5;
  spec.layers = {{7, {Activation::tanh, 0}}, {4, {Activation::relu, 0}}, {3, {Activation::identity, 0}}};
  spec.seed = 11;
  const Mlp net(spec);
  const Dataset data = gaussian_blobs(kRows, spec.inputs, 3, 1.0f, 4);

  std::printf("{\"network\":{\"inputs\":%d,\"layers\":[", spec.inputs);
  for (std::size_t l = 0; l < spec.layers.size(); ++l)
    std::printf("%s{\"units\":%d,\"activation\":\"%s\"}", l ? "," : "", spec.layers[l].units,
                activation_name(spec.layers[l].activation.kind));
  std::printf("],\"loss\":\"%s\",\"init\":\"%s\",\"seed\":%llu},\n", loss_name(spec.loss), init_name(spec.init),
              static_cast<unsigned long long>(spec.seed));
  std::printf("\"data\":{\"rows\":%d,\"features\":%d,\"classes\":%d,\"x\":", data.size(), data.features(),
              data.classes());
  print_floats(data.feature_rows(0, data.size()));
  std::printf(",\"labels\":[");
  for (int i = 0; i < data.size(); ++i) std::printf("%s%d", i ? "," : "", data.labels()[i]);
  std::printf("]},\n\"batch_size\":%d,\"shuffle_seed\":%llu,\"steps\":%d,\n\"batches\":[", kBatch,
              static_cast<unsigned long long>(kShuffleSeed), kEpochs * (kRows / kBatch));
  BatchSchedule schedule(kRows, kBatch, kShuffleSeed);
  for (int e = 0; e < kEpochs; ++e) {
    schedule.shuffle();
    for (int b = 0; b < schedule.batches_per_epoch(); ++b) {
      std::printf("%s[", e || b ? "," : "");
      const auto idx = schedule.batch(b);
      for (std::size_t i = 0; i < idx.size(); ++i) std::printf("%s%d", i ? "," : "", idx[i]);
      std::printf("]");
    }
  }
  std::printf("],\n\"initial_params\":");
  print_floats(net.params());
  OptimizerConfig sgd = optimizer_defaults(OptimizerKind::sgd), adam = validated(optimizer_defaults(OptimizerKind::adam));
  sgd.learning_rate = 0.1f;
  adam.learning_rate = 0.01f;
  std::printf(",\n\"runs\":[{\"optimizer\":\"sgd\",\"learning_rate\":%.9g},\n", static_cast<double>(sgd.learning_rate));
  std::printf("{\"optimizer\":\"adam\",\"learning_rate\":%.9g,\"beta1\":%.9g,\"beta2\":%.9g,\"epsilon\":%.9g}]}\n",
              static_cast<double>(adam.learning_rate), static_cast<double>(adam.beta1),
              static_cast<double>(adam.beta2), static_cast<double>(adam.epsilon));
  return 0;
}

}  // namespace mlp::cli
