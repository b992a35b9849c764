#pragma once
// Activation functions, applied row by row to a batch (rows = examples).
// Every derivative is written in terms of the activation's *output* A, so the
// forward pass can overwrite Z with A and the backward pass needs nothing else:
//   step' = 0, sigmoid' = A(1-A), tanh' = 1-A², relu' = [A>0],
//   leaky' = A>0 ? 1 : α, elu' = A>0 ? 1 : A+α, softmax: dZ = A ⊙ (dA − Σ dA⊙A).
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "errors.hpp"
#include "matrix.hpp"

namespace mlp {

enum class Activation : std::uint8_t { identity, step, sigmoid, tanh, relu, leaky_relu, elu, softmax };

// Every activation, in the order the vocabulary lists them.
inline constexpr Activation kActivations[] = {Activation::identity, Activation::step,       Activation::sigmoid,
                                              Activation::tanh,     Activation::relu,       Activation::leaky_relu,
                                              Activation::elu,      Activation::softmax};

// The alphas with_default_alpha accepts: 0 selects the default, anything
// finite above it is taken as given (an alpha only matters to leaky_relu/elu).
inline constexpr float kMinAlpha = 0.0f;
inline constexpr float kMaxAlpha = std::numeric_limits<float>::max();

struct ActivationSpec {
  Activation kind = Activation::identity;
  float alpha = 0.0f;  // slope for leaky_relu, scale for elu; 0 selects default_alpha()
};

// "relu", "leaky_relu", ... Throws InvalidArgument naming the field for anything else.
Activation activation_from_name(std::string_view name, const Field& field = "activation");
const char* activation_name(Activation a);
// The conventional alpha: 0.01 for leaky_relu (Keras/PyTorch), 1 for elu
// (Clevert et al.); 0 for activations that have none.
float default_alpha(Activation a);
// The spec with default_alpha filled in when the caller gave 0; throws
// (naming `field`) unless kMinAlpha <= alpha <= kMaxAlpha.
ActivationSpec with_default_alpha(ActivationSpec s, const Field& field = "alpha");

// A (rows × cols) = f(Z), in place.
void activation_forward(ActivationSpec s, MatrixView z_to_a);
// dZ = f'(Z) ⊙ dA (softmax: its vector-Jacobian product), in place over dA.
void activation_backward(ActivationSpec s, ConstMatrixView a, MatrixView da_to_dz);

// Scalar forms, for tests and plots of the activation curves.
float activation_value(ActivationSpec s, float z);
float activation_derivative_from_output(ActivationSpec s, float a);

}  // namespace mlp
