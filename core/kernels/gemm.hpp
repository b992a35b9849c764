#pragma once
// Single-precision GEMM for the three products training needs:
//   forward   Z  = X · W        (+ bias, activation fused in the epilogue)
//   backward  dX = dZ · Wᵀ      (trans_b)
//   backward  dW = Xᵀ · dZ      (trans_a)
// C (M×N) = op(A) (M×K) · op(B) (K×N), all row-major with arbitrary strides.
//
// `gemm_ref` is the plain triple loop every fast kernel is tested against.
// `gemm` is the packed, register-blocked kernel picked in kernels/dispatch.cpp,
// run on the shared thread pool: C is split into whole rows or columns per
// thread (kernels/gemm_parallel.hpp), so every thread count gives the same bits.
#include <cstdint>
#include <vector>

#include "../aligned_buffer.hpp"
#include "../matrix.hpp"

namespace mlp {

enum class Trans : std::uint8_t { no, yes };

// Activations cheap enough to apply while the output tile is still in registers.
enum class FusedAct : std::uint8_t { none, relu, leaky_relu };

struct GemmEpilogue {
  bool accumulate = false;       // C += op(A)·op(B) instead of C = ...
  const float* bias = nullptr;   // length N, added to every row
  FusedAct act = FusedAct::none;
  float alpha = 0.0f;            // leaky_relu slope
};

// The nonzeros of a matrix grouped by output row r: entries
// [start[r], start[r+1]) of (index, value). See kernels/gemm_sparse.hpp.
struct SparseRows {
  std::vector<std::int32_t> start, index;
  std::vector<float> value;
};

// One part's packing buffers and sparse lists (kernels/gemm_parallel.hpp),
// allocated on first use and reused (they only grow), so a training step never
// allocates. Cache-line aligned: parts run on different threads.
struct alignas(64) GemmScratch {
  AlignedBuffer<float> a_pack;
  AlignedBuffer<float> b_pack;
  SparseRows sparse;
};

// Scratch for each part a product is cut into (one per thread of the pool).
struct GemmWorkspace {
  std::vector<GemmScratch> parts;
  // Grows to n parts' scratch; called before a parallel loop starts.
  void ensure(int n) {
    if (parts.size() < static_cast<std::size_t>(n)) parts.resize(static_cast<std::size_t>(n));
  }
};

// Throws InvalidArgument when the shapes do not chain.
void check_gemm_shapes(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c);

void gemm_ref(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c,
              const GemmEpilogue& ep = {});

void gemm(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c,
          const GemmEpilogue& ep, GemmWorkspace& ws);

// gemm without the sparse route, and the sparse route forced (tests, benchmarks).
void gemm_dense(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep,
                GemmWorkspace& ws);
void gemm_sparse(Trans ta, ConstMatrixView a, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep,
                 GemmWorkspace& ws);

// The packed kernel with scalar lanes, present in every build so tests can
// check the blocking logic separately from the SIMD lanes.
void gemm_packed_scalar(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c,
                        const GemmEpilogue& ep, GemmWorkspace& ws);

// Name of the kernel `gemm` runs, e.g. "packed 6x32 avx512bw" (shown in the UI and benchmarks).
const char* gemm_kernel_name();

}  // namespace mlp
