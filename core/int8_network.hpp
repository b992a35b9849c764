#pragma once
// Inference in integers (the stretch of issue 11, section 4): weights int8 per
// output unit, exactly as model file version 2 stores them; activations int16
// per row, scale = max|row| / 4095, for every row of every layer; products
// summed in int32 by kernels/qgemm.hpp (WASM: i32x4.dot_i16x8_s). Then, per
// layer, back to float: z = C · (row scale · unit scale) + bias, the layer's
// activation, and the next layer's quantization. The output layer's values
// (logits) are float.
#include <cstdint>
#include <span>
#include <vector>

#include "dataset.hpp"
#include "kernels/qgemm.hpp"
#include "mlp.hpp"

namespace mlp {

class Int8Network {
 public:
  static constexpr int kChunk = 1000;  // rows per pass through the layers

  Int8Network(const MlpSpec& spec, std::span<const float> params);
  int inputs() const { return inputs_; }
  int outputs() const { return static_cast<int>(layers_.back().bias.size()); }

  // Output-layer values (logits for the cross-entropy losses) for the rows of x: out is rows × outputs.
  void forward(ConstMatrixView x, MatrixView out);
  // The class with the largest output, per row of `data` (its features must match the inputs).
  std::vector<std::int32_t> predict_labels(const Dataset& data);

 private:
  struct Layer {
    PackedQWeights w;
    std::vector<float> scales, bias;
    ActivationSpec act;
  };
  // One part's rows through every layer, with that part's buffers.
  struct Scratch {
    std::vector<std::int16_t> a;
    std::vector<std::int32_t> c;
    std::vector<float> z, row_scale;
  };
  void forward_rows(ConstMatrixView x, MatrixView out, Scratch& s) const;

  int inputs_ = 0, widest_ = 0;
  std::vector<Layer> layers_;
  std::vector<Scratch> parts_;
  Matrix x_, out_;
  std::vector<std::int32_t> idx_;
};

}  // namespace mlp
