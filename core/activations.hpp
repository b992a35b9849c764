#pragma once
// Activation functions, applied row by row to a batch (rows = examples).
// Every derivative is written in terms of the activation's *output* A, so the
// forward pass can overwrite Z with A and the backward pass needs nothing else:
//   step' = 0, sigmoid' = A(1-A), tanh' = 1-A², relu' = [A>0],
//   leaky' = A>0 ? 1 : α, elu' = A>0 ? 1 : A+α, softmax: dZ = A ⊙ (dA − Σ dA⊙A).
#include <cstdint>
#include <string>
#include <string_view>

#include "matrix.hpp"

namespace mlp {

enum class Activation : std::uint8_t { identity, step, sigmoid, tanh, relu, leaky_relu, elu, softmax };

struct ActivationSpec {
  Activation kind = Activation::identity;
  float alpha = 0.0f;  // slope for leaky_relu (default 0.01), scale for elu (default 1)
};

// "relu", "leaky_relu", ... Throws InvalidArgument naming the field for anything else.
Activation activation_from_name(std::string_view name, std::string_view field = "activation");
const char* activation_name(Activation a);
// The spec with the conventional alpha filled in when the caller gave none (alpha <= 0).
ActivationSpec with_default_alpha(ActivationSpec s);

// A (rows × cols) = f(Z), in place.
void activation_forward(ActivationSpec s, MatrixView z_to_a);
// dZ = f'(Z) ⊙ dA (softmax: its vector-Jacobian product), in place over dA.
void activation_backward(ActivationSpec s, ConstMatrixView a, MatrixView da_to_dz);

// Scalar forms, for tests and plots of the activation curves.
float activation_value(ActivationSpec s, float z);
float activation_derivative_from_output(ActivationSpec s, float a);

}  // namespace mlp
