#pragma once
// What happens inside a deep network, layer by layer: the vanishing- and
// exploding-gradients lesson's numbers. A probe runs the network's own
// forward and backward pass (mlp_forward, mlp_backward) on a fixed batch at
// given weights and reports, for every layer l (hidden layers, then the
// output layer):
//   ‖∂L/∂W_l‖ (Frobenius), the same per weight (‖∂L/∂W_l‖ / √(fan_in·units),
//   the RMS of one weight's gradient, so a 2-input first layer and a
//   64 × 64 hidden one compare like with like) and ‖∂L/∂b_l‖ — how fast each
//   layer would learn;
// and for every hidden layer:
//   the mean and standard deviation of its activations A_l, the fraction of
//   them where the unit is saturated (|f′(Z)| below a threshold: sigmoid
//   near 0 or 1, tanh near ±1, ReLU's dead side), and their histogram.
// The same batch every time, so numbers measured at different steps of a
// training run compare like with like. The probe keeps its own copy of the
// network and workspace, sized once: measuring never touches a trainer.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "dataset.hpp"
#include "mlp.hpp"

namespace mlp {

inline constexpr int kMinHistogramBins = 2;
inline constexpr int kMaxHistogramBins = 256;
inline constexpr int kMaxProbeRows = 4096;

// The values a histogram of A_l covers: a bounded function's whole range
// (sigmoid and step [0, 1], tanh [−1, 1]); otherwise from its floor (ReLU 0,
// leaky ReLU −1, ELU −α, identity −4) to 4. Values beyond fall in the end bins.
struct HistogramRange {
  float lo, hi;
};
HistogramRange histogram_range(ActivationSpec s);

struct LayerStats {
  double loss = 0.0;                      // on the probe batch
  std::vector<double> weight_grad_norm;   // per layer
  std::vector<double> weight_grad_rms;    // per layer: weight_grad_norm / √(weights in W_l)
  std::vector<double> bias_grad_norm;     // per layer
  std::vector<double> activation_mean;    // per hidden layer
  std::vector<double> activation_std;     // per hidden layer
  std::vector<double> saturated;          // per hidden layer, in [0, 1]
  int bins = 0;
  std::vector<float> range;               // per hidden layer: lo, hi
  std::vector<float> histogram;           // hidden layers × bins: fraction of A_l's entries per bin
};

class LayerProbe {
 public:
  // Probes the first min(rows, data size) examples of `data` on networks of
  // `spec`'s architecture. Throws, naming the field, for rows outside
  // [1, kMaxProbeRows], bins outside [kMinHistogramBins, kMaxHistogramBins],
  // a threshold that is not finite and >= 0, or data that does not fit.
  LayerProbe(const MlpSpec& spec, std::shared_ptr<const Dataset> data, int rows, int bins, float saturation_threshold);

  // Every number above at the weights `params` (the layout of Mlp::params()).
  const LayerStats& measure(std::span<const float> params);

  int rows() const { return x_.rows(); }
  int layers() const { return net_.n_layers(); }

 private:
  Mlp net_;
  MlpWorkspace ws_;
  Matrix x_, y_;
  std::vector<std::int32_t> labels_;
  float threshold_;
  LayerStats stats_;
};

// One hidden layer's statistics from its activations A (rows × units) and
// its (validated) activation: mean, standard deviation, saturated fraction,
// and the histogram over histogram_range(s) written into `hist` (its size is
// the bin count). One pass, as LayerProbe::measure runs it.
struct HiddenLayerStats {
  double mean = 0.0, std = 0.0, saturated = 0.0;
  std::vector<float> histogram;  // the reference's only
};
HiddenLayerStats hidden_layer_stats(ActivationSpec s, ConstMatrixView a, float saturation_threshold, std::span<float> hist);
// Its scalar reference twin: two passes for the variance, bins found by
// walking their edges.
HiddenLayerStats hidden_layer_stats_reference(ActivationSpec s, ConstMatrixView a, int bins, float saturation_threshold);

}  // namespace mlp
