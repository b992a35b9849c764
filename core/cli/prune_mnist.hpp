#pragma once
// `mlp-cli prune-mnist`: the shipped digit model's last stage. Starting from a
// trained model, it prunes each layer's smallest weights a little more every
// epoch (core/pruning.hpp, gradual schedule) while training on MNIST with the
// same augmentation, the mask re-applied after every step, then trains on with
// the final mask. Its int8 file is mostly zeros, which gzip removes on the
// wire: the first reading in a fresh browser waits for fewer bytes.
#include <chrono>
#include <cstdio>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "mnist_files.hpp"
#include "model_file.hpp"
#include "pruning.hpp"
#include "trainer.hpp"

namespace mlp::cli {

struct PruneOptions {
  std::string data, model, out;
  std::vector<double> density;  // per layer, the final fraction of weights kept
  int epochs = 12;              // in all
  int prune_epochs = 8;         // of which the mask tightens in the first ones
  double lr_decay = 1.0;        // the learning rate's factor after each epoch
  TrainConfig train;
};

inline std::string density_json(std::span<const double> v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s + "]";
}

inline int cmd_prune_mnist(const PruneOptions& o) {
  const ModelFile m = load_model(read_file(o.model));
  if (o.density.size() != m.spec.layers.size())
    throw std::invalid_argument("--density needs " + std::to_string(m.spec.layers.size()) + " values, one per layer");
  const Dataset all = load_mnist(o.data, "train");
  const Dataset test = load_mnist(o.data, "t10k");
  auto train = std::make_shared<const Dataset>(all.slice(0, 55000));
  const Dataset valid = all.slice(55000, 5000);
  Trainer t(Mlp(m.spec, m.params), train, o.train);
  std::fprintf(stderr, "start: val acc %.4f\n", t.evaluate(valid).accuracy);
  const auto start = std::chrono::steady_clock::now();
  PruneMask mask;
  std::vector<double> density(o.density.size());
  for (int e = 0; e < o.epochs; ++e) {
    for (std::size_t l = 0; l < density.size(); ++l) density[l] = gradual_density(o.density[l], e + 1, o.prune_epochs);
    if (e < o.prune_epochs) mask = magnitude_mask(t.network(), density);
    apply_mask(mask, t.network().params());
    TrainReport r;
    do {
      r = t.train_batches(1);
      apply_mask(mask, t.network().params());
    } while (!r.epoch_ended && !r.diverged);
    if (r.diverged) throw std::runtime_error(r.message);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "epoch %2d  density %s  train loss %.4f  val acc %.4f  (%.1f s)\n", e + 1,
                 density_json(density).c_str(), r.epoch_loss, t.evaluate(valid).accuracy, secs);
    OptimizerConfig next = t.config().optimizer;
    next.learning_rate = static_cast<float>(next.learning_rate * o.lr_decay);
    t.set_optimizer(next);
  }
  const EvalResult te = t.evaluate(test);
  const std::string meta = "{\"trainer\":\"mlp-cli prune-mnist\",\"source\":" +
                           (m.metadata.rfind("{", 0) == 0 ? m.metadata : std::string("null")) +
                           ",\"density\":" + density_json(o.density) + ",\"epochs\":" + std::to_string(o.epochs) +
                           ",\"prune_epochs\":" + std::to_string(o.prune_epochs) +
                           ",\"test_accuracy\":" + std::to_string(te.accuracy) + "}";
  if (!o.out.empty()) write_file(o.out, save_model(t.network().spec(), t.network().params(), meta));
  std::printf("{\"test_accuracy\":%.4f,\"test_loss\":%.4f,\"sparsity\":%s}\n", te.accuracy, te.loss,
              density_json(weight_sparsity(t.network())).c_str());
  return 0;
}

}  // namespace mlp::cli
