#pragma once
// The activation functions as the activations lesson plots them: f and f′
// sampled on a grid of z by the very kernels a network's layers run
// (activation_forward on a 1 × n row, then activation_backward with dA = 1),
// and the stretches of the grid where the function is saturated, |f′(z)|
// below a threshold, where backpropagation passes almost nothing on.
//
// step's f′ is the documented 0 everywhere (activations.hpp): at z = 0 the
// function jumps and has no derivative; everywhere else it is flat. That zero
// is why the perceptron rule, not gradient descent, trains step units.
#include <vector>

#include "activations.hpp"

namespace mlp {

inline constexpr int kMinCurveSamples = 2;
inline constexpr int kMaxCurveSamples = 8193;
inline constexpr float kMaxCurveSpan = 1000.0f;  // |z0|, |z1| at most this

struct ActivationCurve {
  std::vector<float> z;           // n grid points, z0 to z1 inclusive, evenly spaced
  std::vector<float> value;       // f(z)
  std::vector<float> derivative;  // f′(z), as backpropagation uses it
  // Saturated stretches as [from, to] pairs of z, in order: a run of grid
  // points with |f′| < threshold, extended half a grid step either side
  // (clipped to [z0, z1]) so adjacent runs of the plot shade without gaps.
  std::vector<float> saturated;
};

// f and f′ of `s` (alpha filled in per with_default_alpha) at n points of
// [z0, z1]. Throws, naming the field, for softmax (not a function of one z),
// a span outside ±kMaxCurveSpan or z0 >= z1, n outside [kMinCurveSamples,
// kMaxCurveSamples], or a threshold that is not finite and >= 0.
ActivationCurve sample_activation(ActivationSpec s, float z0, float z1, int n, float saturation_threshold);

// The same numbers from the scalar forms (activation_value and
// activation_derivative_from_output), one z at a time: the reference twin
// of the row kernels that sample_activation runs.
ActivationCurve sample_activation_scalar(ActivationSpec s, float z0, float z1, int n, float saturation_threshold);

}  // namespace mlp
