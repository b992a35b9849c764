// The one place that decides which kernels this build runs.
#include <cstdio>

#include "gemm_parallel.hpp"
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

// At or below this fraction of nonzeros in A, skipping zeros beats the packed
// kernel (MNIST pixels: 0.19). Measured on the seed MLP's shapes: see
// tests/bench. Listing A's nonzeros costs about 1/N of the product.
inline constexpr double kSparseDensity = 0.3;

void gemm_dense(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep,
                GemmWorkspace& ws) {
  gemm_packed_parallel<GemmLanes, kMR, kNV>(ta, tb, a, b, c, ep, ws);
}

void gemm_sparse(Trans ta, ConstMatrixView a, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep,
                 GemmWorkspace& ws) {
  sparse_parallel<GemmLanes>(ta, a, b, c, ep, ws, 1.0);
}

void gemm(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep,
          GemmWorkspace& ws) {
  if (tb == Trans::no && c.cols >= 16 && sparse_parallel<GemmLanes>(ta, a, b, c, ep, ws, kSparseDensity)) return;
  gemm_dense(ta, tb, a, b, c, ep, ws);
}

void gemm_packed_scalar(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c,
                        const GemmEpilogue& ep, GemmWorkspace& ws) {
  gemm_packed_parallel<VecScalar, 4, 4>(ta, tb, a, b, c, ep, ws);
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
