#pragma once
// Step-based training: the caller decides the cadence. `train_batches(k)` runs
// up to k mini-batches and stops early at the end of an epoch, so the caller
// sees every epoch boundary. A non-finite loss or parameter, or a loss or
// weights that exploded while finite (core/divergence.hpp), stops the slice
// and restores the weights, optimizer state and counters from its start.
// Between slices the optimizer, the batch size, the weight penalty and
// augmentation can change on the live trainer, continuing from the current
// weights. The losses reported are the data loss alone: an L1/L2 penalty
// (regularization.hpp) shapes the gradient but is not added to them, so they
// compare across penalties (as TensorFlow Playground's curves do).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "augment.hpp"
#include "batch_schedule.hpp"
#include "dataset.hpp"
#include "divergence.hpp"
#include "evaluator.hpp"
#include "mlp.hpp"
#include "optimizers.hpp"
#include "regularization.hpp"

namespace mlp {

inline constexpr int kMaxBatchesPerCall = 1000000;

struct TrainConfig {
  int batch_size = 50;  // 1 to min(training set size, kMaxBatchSize)
  OptimizerConfig optimizer;
  std::uint64_t shuffle_seed = 1;  // in [0, kMaxSeed]
  AugmentConfig augment;  // off unless enabled; draws from its own stream (shuffle_seed + 1)
  RegularizationConfig regularization;  // L1/L2 on the weights; none by default
};

struct TrainReport {
  std::vector<float> losses;      // one per batch run in this slice
  std::vector<float> accuracies;  // fraction correct in each of those batches
  int epoch = 0;                  // epochs completed so far
  int batch = 0;                  // next batch within the current epoch
  int batches_per_epoch = 0;
  std::int64_t steps = 0;         // optimizer steps so far (across optimizer changes)
  std::int64_t examples_seen = 0;
  double epoch_loss = 0.0;        // running mean over the batches of the current
  double epoch_accuracy = 0.0;    // (or, if epoch_ended, the just finished) epoch
  bool epoch_ended = false;
  bool diverged = false;
  std::string message;            // why training stopped, when it did
};

class Trainer {
 public:
  // A network drawn from spec.seed (see Mlp), or one given with its weights.
  Trainer(MlpSpec spec, std::shared_ptr<const Dataset> train, const TrainConfig& config);
  Trainer(Mlp net, std::shared_ptr<const Dataset> train, const TrainConfig& config);

  TrainReport train_batches(int k);
  EvalResult evaluate(const Dataset& data) { return eval_.evaluate(net_, data); }
  // Output-layer probabilities (softmax/sigmoid) or values for the rows of x.
  void predict(ConstMatrixView x, MatrixView out) { eval_.predict(net_, x, out); }
  // Every layer's outputs for the rows of x (see Evaluator::layer_outputs).
  void layer_outputs(ConstMatrixView x, std::span<const MatrixView> out) { eval_.layer_outputs(net_, x, out); }
  // Predicted class per row of `data` (classification sets).
  std::vector<std::int32_t> predict_labels(const Dataset& data) { return eval_.predict_labels(net_, data); }

  Mlp& network() { return net_; }
  const Mlp& network() const { return net_; }
  const Optimizer& optimizer() const { return optimizer_; }
  int epoch() const { return epoch_; }
  int batch() const { return batch_; }
  // The configuration as it stands (after the changes below), defaults filled in.
  const TrainConfig& config() const { return config_; }
  // Batches in the current epoch (the next one's when at an epoch boundary).
  int batches_per_epoch() const;
  std::int64_t steps() const { return steps_; }

  // Each change below is checked first and changes nothing on error; it
  // applies from the next batch and keeps the weights, the epoch, the position
  // in it and the step count.
  // New optimizer settings. The same kind keeps its state (moment buffers,
  // Adam's step count for bias correction); another kind starts fresh.
  void set_optimizer(const OptimizerConfig& optimizer);
  // New batch size: the rest of this epoch is re-split (see BatchSchedule),
  // later epochs use it throughout. 1 to min(training set size, kMaxBatchSize).
  void set_batch_size(int batch_size);
  void set_augment(bool enabled);
  void set_regularization(const RegularizationConfig& regularization);
  // Replace the weights (same architecture); resets the optimizer state.
  void set_parameters(std::span<const float> params);

 private:
  void run_batch(std::span<const std::int32_t> idx, float& loss, float& acc);

  Mlp net_;
  std::shared_ptr<const Dataset> train_;
  TrainConfig config_;
  Optimizer optimizer_;
  BatchSchedule schedule_;
  MlpWorkspace ws_;
  Evaluator eval_;
  Matrix xb_, yb_;                   // the gathered batch
  std::vector<std::int32_t> lb_;
  AlignedBuffer<float> saved_params_, saved_s1_, saved_s2_;
  DivergenceMonitor monitor_;
  Rng augment_rng_;
  std::vector<float> augment_scratch_;

  int epoch_ = 0, batch_ = 0;
  std::int64_t steps_ = 0, examples_ = 0;
  double epoch_loss_sum_ = 0.0, epoch_correct_ = 0.0;
  std::int64_t epoch_examples_ = 0;
  int epoch_batches_ = 0;
};

}  // namespace mlp
