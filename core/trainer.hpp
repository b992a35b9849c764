#pragma once
// Step-based training: the caller decides the cadence. `train_batches(k)` runs
// up to k mini-batches and stops early at the end of an epoch, so the caller
// sees every epoch boundary. A non-finite loss or parameter stops the slice and
// restores the weights and optimizer state from the slice's start.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "augment.hpp"
#include "batch_schedule.hpp"
#include "dataset.hpp"
#include "evaluator.hpp"
#include "mlp.hpp"
#include "optimizers.hpp"

namespace mlp {

struct TrainConfig {
  int batch_size = 50;
  OptimizerConfig optimizer;
  std::uint64_t shuffle_seed = 1;
  AugmentConfig augment;  // off unless enabled; draws from its own stream (shuffle_seed + 1)
};

struct TrainReport {
  std::vector<float> losses;      // one per batch run in this slice
  std::vector<float> accuracies;  // fraction correct in each of those batches
  int epoch = 0;                  // epochs completed so far
  int batch = 0;                  // next batch within the current epoch
  int batches_per_epoch = 0;
  std::int64_t steps = 0;         // optimizer steps so far
  std::int64_t examples_seen = 0;
  double epoch_loss = 0.0;        // running mean over the batches of the current
  double epoch_accuracy = 0.0;    // (or, if epoch_ended, the just finished) epoch
  bool epoch_ended = false;
  bool diverged = false;
  std::string message;            // why training stopped, when it did
};

class Trainer {
 public:
  Trainer(Mlp net, std::shared_ptr<const Dataset> train, const TrainConfig& config);

  TrainReport train_batches(int k);
  EvalResult evaluate(const Dataset& data) { return eval_.evaluate(net_, data); }
  // Output-layer probabilities (softmax/sigmoid) or values for the rows of x.
  void predict(ConstMatrixView x, MatrixView out) { eval_.predict(net_, x, out); }
  // Predicted class per row of `data` (classification sets).
  std::vector<std::int32_t> predict_labels(const Dataset& data) { return eval_.predict_labels(net_, data); }

  Mlp& network() { return net_; }
  const Mlp& network() const { return net_; }
  const TrainConfig& config() const { return config_; }
  int batches_per_epoch() const { return schedule_.batches_per_epoch(); }
  // Changes the step size from the next batch on (learning-rate schedules).
  void set_learning_rate(float lr);
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
  Rng augment_rng_;
  std::vector<float> augment_scratch_;

  int epoch_ = 0, batch_ = 0;
  std::int64_t examples_ = 0;
  double epoch_loss_sum_ = 0.0, epoch_correct_ = 0.0;
  std::int64_t epoch_examples_ = 0;
  int epoch_batches_ = 0;
};

}  // namespace mlp
