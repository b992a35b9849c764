#pragma once
// L1 and L2 weight penalties, added to the data loss during training:
//   L1  Ω(W) = λ Σ |w|      ∂Ω/∂w = λ sign(w)   (0 at w = 0, the subgradient)
//   L2  Ω(W) = λ Σ ½ w²     ∂Ω/∂w = λ w
// summed over the weights of every layer, never the biases (as TensorFlow
// Playground and Keras' kernel_regularizer do). L2 carries TF Playground's ½,
// so its rates mean the same here as there: plain SGD then shrinks every
// weight by the factor (1 − η λ) per step, the "weight decay" reading.
//
// L1 uses the plain subgradient, so it works with every optimizer: with SGD a
// weight that L1 drives to zero ends within η λ of it rather than exactly on it
// (TF Playground snaps such weights to 0; a proximal step would too, but only
// for SGD).
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

namespace mlp {

class Mlp;

enum class Regularization : std::uint8_t { none, l1, l2 };

inline constexpr Regularization kRegularizations[] = {Regularization::none, Regularization::l1,
                                                      Regularization::l2};

Regularization regularization_from_name(std::string_view name);
const char* regularization_name(Regularization r);

// The rates validated() accepts: 0 (no penalty) to the largest finite float.
inline constexpr float kMinRegularizationRate = 0.0f;
inline constexpr float kMaxRegularizationRate = std::numeric_limits<float>::max();

struct RegularizationConfig {
  Regularization kind = Regularization::none;
  float rate = 0.0f;  // λ
};

// Throws InvalidArgument naming "regularization_rate" unless the rate is finite and >= 0.
RegularizationConfig validated(RegularizationConfig c);

// Ω over a flat run of weights, accumulated in double.
double l1_penalty(std::span<const float> w, float rate);
double l2_penalty(std::span<const float> w, float rate);
// g += ∂Ω/∂w, element by element (w and g of equal length).
void l1_gradient(std::span<const float> w, std::span<float> g, float rate);
void l2_gradient(std::span<const float> w, std::span<float> g, float rate);

// Ω(W) of the network's weights (0 when kind is none or the rate is 0).
double regularization_penalty(const Mlp& net, const RegularizationConfig& c);
// Adds ∂Ω/∂W to net.grads() (the weights' parts; biases untouched).
void add_regularization_gradient(Mlp& net, const RegularizationConfig& c);

}  // namespace mlp
