#pragma once
// Inference over whole data sets or arbitrary rows, in chunks through one
// workspace allocated on first use. Shared by the Trainer and by a bare
// Network (a loaded model that only predicts).
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "dataset.hpp"
#include "mlp.hpp"

namespace mlp {

struct EvalResult {
  double loss = 0.0;
  double accuracy = 0.0;
  int count = 0;
};

class Evaluator {
 public:
  static constexpr int kChunk = 1000;

  // Throws unless `data` fits `net` (features, labels or targets).
  static void check_dataset(const Mlp& net, const Dataset& data);

  EvalResult evaluate(const Mlp& net, const Dataset& data);
  // Predicted class per row of `data`.
  std::vector<std::int32_t> predict_labels(const Mlp& net, const Dataset& data);
  // Probabilities (softmax / sigmoid) or values (mse) for the rows of x: out is rows × outputs.
  void predict(const Mlp& net, ConstMatrixView x, MatrixView out);
  // Every layer's output for the rows of x, for pictures of each neuron:
  // out[l] is rows × units of layer l; a hidden layer gives its activations,
  // the output layer what predict() gives (probabilities or values).
  void layer_outputs(const Mlp& net, ConstMatrixView x, std::span<const MatrixView> out);

 private:
  template <class Fn>
  void for_each_chunk(const Mlp& net, const Dataset& data, Fn&& fn);
  void ensure(const Mlp& net, int rows);

  std::unique_ptr<MlpWorkspace> ws_;
  Matrix x_, y_;
  std::vector<std::int32_t> labels_, idx_;
};

// A network on its own: a loaded model that predicts and evaluates.
class Network {
 public:
  Network(MlpSpec spec, std::span<const float> params);
  const Mlp& mlp() const { return net_; }
  EvalResult evaluate(const Dataset& data) { return eval_.evaluate(net_, data); }
  std::vector<std::int32_t> predict_labels(const Dataset& data) { return eval_.predict_labels(net_, data); }
  void predict(ConstMatrixView x, MatrixView out) { eval_.predict(net_, x, out); }
  void layer_outputs(ConstMatrixView x, std::span<const MatrixView> out) { eval_.layer_outputs(net_, x, out); }

 private:
  Mlp net_;
  Evaluator eval_;
};

}  // namespace mlp
