// The one place that decides which kernels this build runs.
#include <cstdio>

#include "gemm_packed.hpp"
#include "vec.hpp"

namespace mlp {

#if MLP_SIMD
// 6 rows × 2 vectors: 12 accumulators + 2 B vectors + 1 broadcast fit the 16
// registers of SSE/WASM SIMD128 (and leave room on AVX-512).
using GemmLanes = VecSimd;
inline constexpr int kMR = 6, kNV = 2;
#else
using GemmLanes = VecScalar;
inline constexpr int kMR = 4, kNV = 4;
#endif

void gemm(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep,
          GemmWorkspace& ws) {
  gemm_packed<GemmLanes, kMR, kNV>(ta, tb, a, b, c, ep, ws);
}

void gemm_packed_scalar(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c,
                        const GemmEpilogue& ep, GemmWorkspace& ws) {
  gemm_packed<VecScalar, 4, 4>(ta, tb, a, b, c, ep, ws);
}

const char* gemm_kernel_name() {
#if MLP_SIMD
  static const char* name = [] {
    static char buf[64];
    std::snprintf(buf, sizeof buf, "packed %dx%d xsimd %s", kMR, kNV * GemmLanes::size,
                  xsimd::default_arch::name());
    return buf;
  }();
  return name;
#else
  return "packed 4x4 scalar";
#endif
}

}  // namespace mlp
