#include "trainer.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "errors.hpp"

namespace mlp {
namespace {

void check_batch_size(int batch_size, const Dataset& train) {
  require_in_range(batch_size, 1, std::min(train.size(), kMaxBatchSize), "batch_size");
}

const TrainConfig& checked(const TrainConfig& c, const Dataset& train) {
  check_batch_size(c.batch_size, train);
  if (c.shuffle_seed > kMaxSeed) fail_arg("shuffle_seed", "be an integer in [0, 2^53)", c.shuffle_seed);
  validated(c.regularization);
  return c;
}

double uniform_loss(const Mlp& net) { return uniform_prediction_loss(net.spec().loss, net.outputs()); }

}  // namespace

Trainer::Trainer(MlpSpec spec, std::shared_ptr<const Dataset> train, const TrainConfig& config)
    : Trainer(Mlp(std::move(spec)), std::move(train), config) {}

Trainer::Trainer(Mlp net, std::shared_ptr<const Dataset> train, const TrainConfig& config)
    : net_(std::move(net)),
      train_(train ? std::move(train) : throw InvalidArgument("training set must be given", "data")),
      config_(checked(config, *train_)),
      optimizer_(config.optimizer, net_.params().size()),
      schedule_(train_->size(), config.batch_size, config.shuffle_seed),
      ws_(net_, schedule_.max_batch_size()),
      xb_(schedule_.max_batch_size(), net_.inputs()),
      yb_(schedule_.max_batch_size(), net_.outputs()),
      lb_(static_cast<std::size_t>(schedule_.max_batch_size())),
      saved_params_(net_.params().size()),
      saved_s1_(optimizer_.state1().size()),
      saved_s2_(optimizer_.state2().size()),
      augment_rng_(config.shuffle_seed + 1) {
  config_.optimizer = optimizer_.config();
  Evaluator::check_dataset(net_, *train_);
  validate_augment(config_.augment, net_.inputs());
  if (config_.augment.enabled) augment_scratch_.resize(static_cast<std::size_t>(net_.inputs()));
  monitor_.reset(net_.params(), uniform_loss(net_));
}

void Trainer::run_batch(std::span<const std::int32_t> idx, float& loss, float& acc) {
  const int rows = static_cast<int>(idx.size());
  MatrixView x = xb_.view().rows_slice(0, rows);
  MatrixView y = yb_.view().rows_slice(0, rows);
  train_->gather(idx, x, lb_.data(), &y);
  if (config_.augment.enabled) {
    const int side = static_cast<int>(std::lround(std::sqrt(net_.inputs())));
    augment_images(x, side, config_.augment, augment_rng_, augment_scratch_);
  }
  const Targets t{std::span<const std::int32_t>(lb_.data(), idx.size()), y};
  const ConstMatrixView out = mlp_forward(net_, x, ws_);
  acc = static_cast<float>(mlp_count_correct(net_, out, t)) / rows;
  loss = static_cast<float>(mlp_backward(net_, x, t, ws_));
  add_regularization_gradient(net_, config_.regularization);
}

TrainReport Trainer::train_batches(int k) {
  require_in_range(k, 1, kMaxBatchesPerCall, {"batches", "batches per call"});
  // Everything needed to undo this slice if the numbers blow up.
  std::copy(net_.params().begin(), net_.params().end(), saved_params_.begin());
  std::copy(optimizer_.state1().begin(), optimizer_.state1().end(), saved_s1_.begin());
  std::copy(optimizer_.state2().begin(), optimizer_.state2().end(), saved_s2_.begin());
  const auto saved_optimizer_steps = optimizer_.steps(), saved_steps = steps_;
  const int saved_epoch = epoch_, saved_batch = batch_, saved_epoch_batches = epoch_batches_;
  const std::int64_t saved_examples = examples_, saved_epoch_examples = epoch_examples_;
  const double saved_loss_sum = epoch_loss_sum_, saved_correct = epoch_correct_;
  const DivergenceMonitor saved_monitor = monitor_;

  TrainReport r;
  std::string why;
  int last_epoch = epoch_ + 1, last_batch = batch_ + 1;  // 1-based, for messages
  for (int i = 0; i < k; ++i) {
    if (batch_ == 0) {
      schedule_.shuffle();
      epoch_loss_sum_ = epoch_correct_ = 0.0;
      epoch_examples_ = epoch_batches_ = 0;
    }
    const auto idx = schedule_.batch(batch_);
    last_epoch = epoch_ + 1, last_batch = batch_ + 1;
    float loss = 0.0f, acc = 0.0f;
    run_batch(idx, loss, acc);
    // Checked before the step: an exploded batch never updates the weights.
    const std::string exploded =
        std::isfinite(loss) ? monitor_.after_batch(loss) : "the loss became " + format_number(loss);
    if (!exploded.empty()) {
      why += exploded + " at epoch " + std::to_string(last_epoch) + ", batch " + std::to_string(last_batch);
      r.diverged = true;
      break;
    }
    optimizer_.step(net_.params(), net_.grads());
    ++steps_;
    r.losses.push_back(loss);
    r.accuracies.push_back(acc);
    epoch_loss_sum_ += static_cast<double>(loss) * idx.size();
    epoch_correct_ += static_cast<double>(acc) * idx.size();
    epoch_examples_ += static_cast<std::int64_t>(idx.size());
    ++epoch_batches_;
    examples_ += static_cast<std::int64_t>(idx.size());
    if (++batch_ == schedule_.batches_per_epoch()) {
      ++epoch_;
      batch_ = 0;
      r.epoch_ended = true;
      break;
    }
  }
  if (!r.diverged) {
    const std::string exploded = monitor_.check_weights(net_.params());
    if (!exploded.empty()) {
      why += exploded + " by epoch " + std::to_string(last_epoch) + ", batch " + std::to_string(last_batch);
      r.diverged = true;
    }
  }
  if (r.diverged) {
    std::copy(saved_params_.begin(), saved_params_.end(), net_.params().begin());
    std::copy(saved_s1_.begin(), saved_s1_.end(), optimizer_.state1().begin());
    std::copy(saved_s2_.begin(), saved_s2_.end(), optimizer_.state2().begin());
    optimizer_.set_steps(saved_optimizer_steps);
    steps_ = saved_steps;
    epoch_ = saved_epoch, batch_ = saved_batch, epoch_batches_ = saved_epoch_batches;
    examples_ = saved_examples, epoch_examples_ = saved_epoch_examples;
    epoch_loss_sum_ = saved_loss_sum, epoch_correct_ = saved_correct;
    monitor_ = saved_monitor;
    r.losses.clear();
    r.accuracies.clear();
    why += "; weights restored to their last good values. Try a smaller learning rate.";
    r.message = why;
  }
  r.epoch = epoch_;
  r.batch = batch_;
  r.batches_per_epoch = batches_per_epoch();
  r.steps = steps_;
  r.examples_seen = examples_;
  if (epoch_examples_ > 0) {
    r.epoch_loss = epoch_loss_sum_ / static_cast<double>(epoch_examples_);
    r.epoch_accuracy = epoch_correct_ / static_cast<double>(epoch_examples_);
  }
  return r;
}

int Trainer::batches_per_epoch() const {
  // At a boundary the next epoch's split is not drawn yet; it will be whole.
  return batch_ == 0 ? schedule_.batches_per_full_epoch() : schedule_.batches_per_epoch();
}

void Trainer::set_optimizer(const OptimizerConfig& optimizer) {
  const OptimizerConfig c = validated(optimizer);
  if (c.kind == optimizer_.config().kind) {
    optimizer_.configure(c);  // keeps the state; cannot fail once validated
  } else {
    // Everything allocated before anything is replaced.
    Optimizer fresh(c, net_.params().size());
    AlignedBuffer<float> s1(fresh.state1().size()), s2(fresh.state2().size());
    optimizer_ = std::move(fresh);
    saved_s1_ = std::move(s1);
    saved_s2_ = std::move(s2);
  }
  config_.optimizer = optimizer_.config();
}

void Trainer::set_batch_size(int batch_size) {
  check_batch_size(batch_size, *train_);
  BatchSchedule next = schedule_;
  next.set_batch_size(batch_size, batch_);
  const int rows = next.max_batch_size();
  if (rows > ws_.max_batch()) {
    MlpWorkspace ws(net_, rows);
    Matrix xb(rows, net_.inputs()), yb(rows, net_.outputs());
    std::vector<std::int32_t> lb(static_cast<std::size_t>(rows));
    ws_ = std::move(ws);
    xb_ = std::move(xb);
    yb_ = std::move(yb);
    lb_ = std::move(lb);
  }
  schedule_ = std::move(next);
  config_.batch_size = batch_size;
}

void Trainer::set_augment(bool enabled) {
  AugmentConfig a = config_.augment;
  a.enabled = enabled;
  validate_augment(a, net_.inputs());
  if (enabled) augment_scratch_.resize(static_cast<std::size_t>(net_.inputs()));
  config_.augment = a;
}

void Trainer::set_regularization(const RegularizationConfig& regularization) {
  config_.regularization = validated(regularization);
}

void Trainer::set_parameters(std::span<const float> params) {
  check_parameters(params, net_.params().size());
  std::copy(params.begin(), params.end(), net_.params().begin());
  optimizer_.reset();
  monitor_.reset(net_.params(), uniform_loss(net_));
}

}  // namespace mlp
