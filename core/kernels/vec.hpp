#pragma once
// The two lane types the packed kernels are written over. `VecSimd` wraps
// xsimd's widest batch for the target (AVX-512 natively, SSE4.1 -> WASM SIMD128
// in the browser); `VecScalar` is one float, for the scalar WASM build, where
// xsimd 8.1 has no architecture at all. Kernels are templates over these, so
// both flavours are the same source.
#include <algorithm>

#if MLP_SIMD
#include <xsimd/xsimd.hpp>
#endif

namespace mlp {

struct VecScalar {
  static constexpr int size = 1;
  float v;
  static VecScalar zero() { return {0.0f}; }
  static VecScalar splat(float x) { return {x}; }
  static VecScalar load(const float* p) { return {*p}; }
  void store(float* p) const { *p = v; }
  friend VecScalar fma(VecScalar a, VecScalar b, VecScalar c) { return {a.v * b.v + c.v}; }
  friend VecScalar operator+(VecScalar a, VecScalar b) { return {a.v + b.v}; }
  friend VecScalar operator*(VecScalar a, VecScalar b) { return {a.v * b.v}; }
  friend VecScalar max(VecScalar a, VecScalar b) { return {std::max(a.v, b.v)}; }
  // x > 0 ? x : alpha * x
  friend VecScalar leaky(VecScalar x, float alpha) { return {x.v > 0.0f ? x.v : alpha * x.v}; }
};

#if MLP_SIMD
struct VecSimd {
  using batch = xsimd::batch<float>;
  static constexpr int size = static_cast<int>(batch::size);
  batch v;
  static VecSimd zero() { return {batch(0.0f)}; }
  static VecSimd splat(float x) { return {batch(x)}; }
  static VecSimd load(const float* p) { return {batch::load_unaligned(p)}; }
  void store(float* p) const { v.store_unaligned(p); }
  friend VecSimd fma(VecSimd a, VecSimd b, VecSimd c) { return {xsimd::fma(a.v, b.v, c.v)}; }
  friend VecSimd operator+(VecSimd a, VecSimd b) { return {a.v + b.v}; }
  friend VecSimd operator*(VecSimd a, VecSimd b) { return {a.v * b.v}; }
  friend VecSimd max(VecSimd a, VecSimd b) { return {xsimd::max(a.v, b.v)}; }
  friend VecSimd leaky(VecSimd x, float alpha) {
    return {xsimd::select(x.v > batch(0.0f), x.v, x.v * batch(alpha))};
  }
};
#endif

}  // namespace mlp
