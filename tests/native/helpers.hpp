#pragma once
// Shared test helpers: random matrices with padded strides, a one-hidden-layer
// network spec, and a central-difference gradient check (h = sqrt(eps)-ish,
// tiny-dnn style, in double).
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <vector>

#include "matrix.hpp"
#include "mlp.hpp"
#include "rng.hpp"

namespace mlp::test {

// inputs → units (activation) → outputs (identity, for softmax cross-entropy).
inline MlpSpec one_hidden_layer(int inputs, int units, Activation activation, int outputs, std::uint64_t seed) {
  MlpSpec s;
  s.inputs = inputs;
  s.layers = {{units, {activation, 0}}, {outputs, {Activation::identity, 0}}};
  s.seed = seed;
  return s;
}

// A rows × cols matrix stored with `pad` extra floats per row, filled with
// uniform values in [-1, 1); the padding holds a sentinel that must survive.
struct Strided {
  std::vector<float> storage;
  MatrixView view;
  static constexpr float kSentinel = 12345.0f;
  Strided(int rows, int cols, int pad, Rng& rng)
      : storage(static_cast<std::size_t>(rows) * (cols + pad) + 1, kSentinel) {
    view = MatrixView(storage.data(), rows, cols, cols + pad);
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < cols; ++j) view(i, j) = static_cast<float>(rng.uniform(-1.0, 1.0));
  }
  bool padding_intact() const {
    for (int i = 0; i < view.rows; ++i)
      for (std::ptrdiff_t j = view.cols; j < view.stride; ++j)
        if (storage[static_cast<std::size_t>(i * view.stride + j)] != kSentinel) return false;
    return storage.back() == kSentinel;
  }
};

// Checks analytic gradient `grad` of scalar function `f` over `params` by
// central differences; every component must agree within abs + rel tolerance.
inline void check_gradient(std::span<float> params, std::span<const float> grad, const std::function<double()>& f,
                           double h = 1e-3, double abs_tol = 2e-3, double rel_tol = 2e-2) {
  REQUIRE(params.size() == grad.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    const float saved = params[i];
    params[i] = saved + static_cast<float>(h);
    const double up = f();
    params[i] = saved - static_cast<float>(h);
    const double down = f();
    params[i] = saved;
    const double numeric = (up - down) / (2 * h);
    const double analytic = grad[i];
    INFO("component " << i << " analytic " << analytic << " numeric " << numeric);
    CHECK(std::abs(numeric - analytic) <= abs_tol + rel_tol * std::abs(numeric));
  }
}

}  // namespace mlp::test
