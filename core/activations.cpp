#include "activations.hpp"

#include <algorithm>
#include <cmath>

#include "enum_names.hpp"
#include "errors.hpp"

namespace mlp {
namespace {

// Overflow-free: exp is only ever taken of a non-positive number.
float stable_sigmoid(float z) {
  if (z >= 0.0f) return 1.0f / (1.0f + std::exp(-z));
  const float e = std::exp(z);
  return e / (1.0f + e);
}

}  // namespace

const char* activation_name(Activation a) {
  switch (a) {
    case Activation::identity: return "identity";
    case Activation::step: return "step";
    case Activation::sigmoid: return "sigmoid";
    case Activation::tanh: return "tanh";
    case Activation::relu: return "relu";
    case Activation::leaky_relu: return "leaky_relu";
    case Activation::elu: return "elu";
    case Activation::softmax: return "softmax";
  }
  return "?";
}

Activation activation_from_name(std::string_view name, const Field& field) {
  return enum_from_name(name, kActivations, activation_name, field);
}

float default_alpha(Activation a) {
  switch (a) {
    case Activation::leaky_relu: return 0.01f;
    case Activation::elu: return 1.0f;
    default: return 0.0f;
  }
}

ActivationSpec with_default_alpha(ActivationSpec s, const Field& field) {
  // Written so that NaN fails too; kMaxAlpha is the largest finite float.
  require(s.alpha >= kMinAlpha && s.alpha <= kMaxAlpha, field, "be finite and >= 0", s.alpha);
  if (s.alpha == 0.0f) s.alpha = default_alpha(s.kind);
  return s;
}

float activation_value(ActivationSpec s, float z) {
  switch (s.kind) {
    case Activation::identity:
    case Activation::softmax: return z;  // softmax needs the whole row; see activation_forward
    case Activation::step: return z >= 0.0f ? 1.0f : 0.0f;
    case Activation::sigmoid: return stable_sigmoid(z);
    case Activation::tanh: return std::tanh(z);
    case Activation::relu: return z > 0.0f ? z : 0.0f;
    case Activation::leaky_relu: return z > 0.0f ? z : s.alpha * z;
    case Activation::elu: return z > 0.0f ? z : s.alpha * std::expm1(z);
  }
  return z;
}

float activation_derivative_from_output(ActivationSpec s, float a) {
  switch (s.kind) {
    case Activation::identity:
    case Activation::softmax: return 1.0f;
    case Activation::step: return 0.0f;
    case Activation::sigmoid: return a * (1.0f - a);
    case Activation::tanh: return 1.0f - a * a;
    case Activation::relu: return a > 0.0f ? 1.0f : 0.0f;
    case Activation::leaky_relu: return a > 0.0f ? 1.0f : s.alpha;
    case Activation::elu: return a > 0.0f ? 1.0f : a + s.alpha;
  }
  return 1.0f;
}

void activation_forward(ActivationSpec s, MatrixView z) {
  if (s.kind == Activation::identity) return;
  for (int i = 0; i < z.rows; ++i) {
    float* row = z.row(i);
    if (s.kind == Activation::softmax) {
      const float mx = *std::max_element(row, row + z.cols);
      float sum = 0.0f;
      for (int j = 0; j < z.cols; ++j) sum += row[j] = std::exp(row[j] - mx);
      const float inv = 1.0f / sum;
      for (int j = 0; j < z.cols; ++j) row[j] *= inv;
      continue;
    }
    for (int j = 0; j < z.cols; ++j) row[j] = activation_value(s, row[j]);
  }
}

void activation_backward(ActivationSpec s, ConstMatrixView a, MatrixView d) {
  if (s.kind == Activation::identity) return;
  for (int i = 0; i < d.rows; ++i) {
    const float* arow = a.row(i);
    float* drow = d.row(i);
    if (s.kind == Activation::relu || s.kind == Activation::leaky_relu) {
      // Branch-free, so it vectorises: a per-element branch on ReLU data
      // mispredicts about half the time (measured 85 µs vs 6 µs for 50×300 in WASM).
      const float low = s.kind == Activation::relu ? 0.0f : s.alpha;
      for (int j = 0; j < d.cols; ++j) drow[j] *= arow[j] > 0.0f ? 1.0f : low;
      continue;
    }
    if (s.kind == Activation::softmax) {
      float dot = 0.0f;
      for (int j = 0; j < d.cols; ++j) dot += drow[j] * arow[j];
      for (int j = 0; j < d.cols; ++j) drow[j] = arow[j] * (drow[j] - dot);
      continue;
    }
    for (int j = 0; j < d.cols; ++j) drow[j] *= activation_derivative_from_output(s, arow[j]);
  }
}

}  // namespace mlp
