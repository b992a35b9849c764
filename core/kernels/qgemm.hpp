#pragma once
// Integer GEMM for inference with int8 weights (quantize.hpp):
//   C (M×N, int32) = A (M×K, int16) · W (K×N, int8 values)
// The SIMD kernel multiplies pairs along K in one instruction: SSE2's
// _mm_madd_epi16, which Emscripten lowers to WASM SIMD's i32x4.dot_i16x8_s —
// 8 multiply-adds per instruction, against 4 per f32x4.mul + f32x4.add pair
// (WASM SIMD has no FMA). Integer sums are exact, so the SIMD kernel and the
// scalar twin qgemm_ref give the same bits.
//
// Range: |A| <= kQgemmMaxA and |W| <= 127 keep every sum within int32 for any
// K up to 4096 (4095 · 127 · 4096 < 2^31).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mlp {

inline constexpr int kQgemmMaxA = 4095;

// W packed for the kernel: panels of 8 columns, each holding for every pair
// of rows (k, k+1) the 8 columns' (W[k][j], W[k+1][j]) as int16, zero-padded
// to an even K and to whole panels.
struct PackedQWeights {
  int k = 0, n = 0;
  std::vector<std::int16_t> data;
  int k_pairs() const { return (k + 1) / 2; }
  int panels() const { return (n + 7) / 8; }
};

// w: k × n int8, row-major.
PackedQWeights pack_qweights(const std::int8_t* w, int k, int n);

// a: m rows of K int16 each, `a_stride` apart, every row zero-padded to an even
// length (a_stride >= k rounded up to even). c: m rows of n int32, `c_stride` apart.
void qgemm(const std::int16_t* a, int m, std::ptrdiff_t a_stride, const PackedQWeights& w, std::int32_t* c,
           std::ptrdiff_t c_stride);

// The plain triple loop, on unpacked W (k × n int8, row-major).
void qgemm_ref(const std::int16_t* a, int m, std::ptrdiff_t a_stride, const std::int8_t* w, int k, int n,
               std::int32_t* c, std::ptrdiff_t c_stride);

}  // namespace mlp
