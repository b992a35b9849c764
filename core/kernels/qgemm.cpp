#include "qgemm.hpp"

#include <algorithm>
#include <cstring>

#if MLP_SIMD
#include <emmintrin.h>  // SSE2; in WASM, Emscripten's SIMD128 translation of it
#endif

namespace mlp {

PackedQWeights pack_qweights(const std::int8_t* w, int k, int n) {
  PackedQWeights p;
  p.k = k;
  p.n = n;
  p.data.assign(static_cast<std::size_t>(p.panels()) * p.k_pairs() * 16, 0);
  for (int panel = 0; panel < p.panels(); ++panel)
    for (int kp = 0; kp < p.k_pairs(); ++kp) {
      std::int16_t* dst = p.data.data() + (static_cast<std::size_t>(panel) * p.k_pairs() + kp) * 16;
      for (int j = 0; j < 8 && panel * 8 + j < n; ++j) {
        const std::size_t col = static_cast<std::size_t>(panel) * 8 + j;
        // Columns 0-3 fill the first 8 lanes, 4-7 the next 8; each column its (k, k+1) pair.
        const int lane = (j % 4) * 2 + (j / 4) * 8;
        dst[lane] = w[static_cast<std::size_t>(2 * kp) * n + col];
        dst[lane + 1] = 2 * kp + 1 < k ? w[static_cast<std::size_t>(2 * kp + 1) * n + col] : 0;
      }
    }
  return p;
}

namespace {

#if MLP_SIMD
// MR rows × one 8-column panel: out (MR × 8) = Σ over k pairs.
template <int MR>
void qkernel(const std::int16_t* a, std::ptrdiff_t a_stride, const std::int16_t* panel, int k_pairs,
             std::int32_t* out) {
  __m128i acc[MR][2];
  for (int r = 0; r < MR; ++r) acc[r][0] = acc[r][1] = _mm_setzero_si128();
  for (int kp = 0; kp < k_pairs; ++kp, panel += 16) {
    const __m128i w0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(panel));
    const __m128i w1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(panel + 8));
    for (int r = 0; r < MR; ++r) {
      std::int32_t pair;  // (A[r][2kp], A[r][2kp+1]) in every 32-bit lane
      std::memcpy(&pair, a + r * a_stride + 2 * kp, sizeof pair);
      const __m128i av = _mm_set1_epi32(pair);
      acc[r][0] = _mm_add_epi32(acc[r][0], _mm_madd_epi16(av, w0));
      acc[r][1] = _mm_add_epi32(acc[r][1], _mm_madd_epi16(av, w1));
    }
  }
  for (int r = 0; r < MR; ++r) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + r * 8), acc[r][0]);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + r * 8 + 4), acc[r][1]);
  }
}
#else
// The same loop over the packed layout, one lane at a time (the scalar build).
template <int MR>
void qkernel(const std::int16_t* a, std::ptrdiff_t a_stride, const std::int16_t* panel, int k_pairs,
             std::int32_t* out) {
  std::int32_t acc[MR][8] = {};
  for (int kp = 0; kp < k_pairs; ++kp, panel += 16)
    for (int r = 0; r < MR; ++r) {
      const std::int32_t a0 = a[r * a_stride + 2 * kp], a1 = a[r * a_stride + 2 * kp + 1];
      for (int j = 0; j < 8; ++j) {
        const int lane = (j % 4) * 2 + (j / 4) * 8;
        acc[r][j] += a0 * panel[lane] + a1 * panel[lane + 1];
      }
    }
  std::memcpy(out, acc, sizeof acc);
}
#endif

constexpr int kMR = 4;
constexpr int kRowBlock = 64;  // rows of A (~100 KB at K = 784) kept hot while every panel passes

template <int MR>
void panel_rows(const std::int16_t* a, std::ptrdiff_t a_stride, const PackedQWeights& w, int panel,
                std::int32_t* c, std::ptrdiff_t c_stride) {
  alignas(16) std::int32_t tile[MR * 8];
  qkernel<MR>(a, a_stride, w.data.data() + static_cast<std::size_t>(panel) * w.k_pairs() * 16, w.k_pairs(), tile);
  const int cols = std::min(8, w.n - panel * 8);
  for (int r = 0; r < MR; ++r) std::memcpy(c + r * c_stride + panel * 8, tile + r * 8, sizeof(std::int32_t) * cols);
}

}  // namespace

void qgemm(const std::int16_t* a, int m, std::ptrdiff_t a_stride, const PackedQWeights& w, std::int32_t* c,
           std::ptrdiff_t c_stride) {
  for (int i0 = 0; i0 < m; i0 += kRowBlock) {
    const int end = std::min(m, i0 + kRowBlock);
    for (int panel = 0; panel < w.panels(); ++panel) {
      int i = i0;
      for (; i + kMR <= end; i += kMR) panel_rows<kMR>(a + i * a_stride, a_stride, w, panel, c + i * c_stride, c_stride);
      for (; i < end; ++i) panel_rows<1>(a + i * a_stride, a_stride, w, panel, c + i * c_stride, c_stride);
    }
  }
}

void qgemm_ref(const std::int16_t* a, int m, std::ptrdiff_t a_stride, const std::int8_t* w, int k, int n,
               std::int32_t* c, std::ptrdiff_t c_stride) {
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) {
      std::int32_t sum = 0;
      for (int kk = 0; kk < k; ++kk) sum += std::int32_t{a[i * a_stride + kk]} * w[static_cast<std::size_t>(kk) * n + j];
      c[i * c_stride + j] = sum;
    }
}

}  // namespace mlp
