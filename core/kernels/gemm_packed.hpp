#pragma once
// The packed GEMM (the BLIS loop nest) over a lane type V (kernels/vec.hpp).
// Loops: columns in blocks of NC, depth in blocks of KC (pack op(B) once per
// block), rows in blocks of MC (pack op(A)), then MR×NR register tiles.
// The bias and fused activation are applied only after the last depth block,
// while the tile is still in registers.
#include <algorithm>

#include "gemm.hpp"
#include "pack.hpp"

namespace mlp {

inline constexpr int kGemmKC = 256;
inline constexpr int kGemmMC = 120;   // a multiple of every MR used
inline constexpr int kGemmNC = 1024;  // a multiple of every NR used

template <class V>
inline V apply_fused(V x, FusedAct act, float alpha) {
  if (act == FusedAct::relu) return max(x, V::zero());
  if (act == FusedAct::leaky_relu) return leaky(x, alpha);
  return x;
}

// One MR×NR tile: c[0..m)[0..n) (= or +=) a_panel · b_panel, then the epilogue.
// a_panel is kc×MR, b_panel is kc×NR (NR = NV lanes × V::size), both packed.
template <class V, int MR, int NV>
void micro_kernel(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, int m, int n,
                  bool accumulate, const float* bias, FusedAct act, float alpha) {
  constexpr int W = V::size;
  constexpr int NR = NV * W;
  V acc[MR][NV];
  for (int i = 0; i < MR; ++i)
    for (int j = 0; j < NV; ++j) acc[i][j] = V::zero();
  for (int k = 0; k < kc; ++k, a += MR, b += NR) {
    V bv[NV];
    for (int j = 0; j < NV; ++j) bv[j] = V::load(b + j * W);
    for (int i = 0; i < MR; ++i) {
      const V av = V::splat(a[i]);
      for (int j = 0; j < NV; ++j) acc[i][j] = fma(av, bv[j], acc[i][j]);
    }
  }
  if (m == MR && n == NR) {
    for (int i = 0; i < MR; ++i) {
      for (int j = 0; j < NV; ++j) {
        float* dst = c + i * ldc + j * W;
        V r = acc[i][j];
        if (accumulate) r = r + V::load(dst);
        if (bias) r = r + V::load(bias + j * W);
        apply_fused(r, act, alpha).store(dst);
      }
    }
    return;
  }
  // Ragged edge: spill the tile, then finish only the valid part.
  alignas(64) float tile[MR * NR];
  for (int i = 0; i < MR; ++i)
    for (int j = 0; j < NV; ++j) acc[i][j].store(tile + i * NR + j * W);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      float r = tile[i * NR + j];
      if (accumulate) r += c[i * ldc + j];
      if (bias) r += bias[j];
      if (act == FusedAct::relu) r = std::max(r, 0.0f);
      if (act == FusedAct::leaky_relu) r = r > 0.0f ? r : alpha * r;
      c[i * ldc + j] = r;
    }
  }
}

// On one thread, with that thread's scratch.
template <class V, int MR, int NV>
void gemm_packed(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep,
                 GemmScratch& ws) {
  constexpr int NR = NV * V::size;
  static_assert(kGemmMC % MR == 0 && kGemmNC % NR == 0);
  check_gemm_shapes(ta, tb, a, b, c);
  const int m = c.rows, n = c.cols, k_dim = ta == Trans::no ? a.cols : a.rows;
  if (m == 0 || n == 0) return;
  if (k_dim == 0) {  // empty product: only the epilogue remains
    for (int i = 0; i < m; ++i)
      for (int j = 0; j < n; ++j) {
        float r = ep.accumulate ? c(i, j) : 0.0f;
        if (ep.bias) r += ep.bias[j];
        if (ep.act == FusedAct::relu) r = std::max(r, 0.0f);
        if (ep.act == FusedAct::leaky_relu) r = r > 0.0f ? r : ep.alpha * r;
        c(i, j) = r;
      }
    return;
  }
  if (ws.a_pack.size() < static_cast<std::size_t>(kGemmMC) * kGemmKC)
    ws.a_pack = AlignedBuffer<float>(static_cast<std::size_t>(kGemmMC) * kGemmKC);
  if (ws.b_pack.size() < static_cast<std::size_t>(kGemmKC) * kGemmNC)
    ws.b_pack = AlignedBuffer<float>(static_cast<std::size_t>(kGemmKC) * kGemmNC);
  float* ap = ws.a_pack.data();
  float* bp = ws.b_pack.data();

  for (int jc = 0; jc < n; jc += kGemmNC) {
    const int nc = std::min(kGemmNC, n - jc);
    for (int pc = 0; pc < k_dim; pc += kGemmKC) {
      const int kc = std::min(kGemmKC, k_dim - pc);
      const bool last = pc + kc == k_dim;
      const bool accumulate = pc > 0 || ep.accumulate;
      pack_b(tb, b, pc, kc, jc, nc, NR, bp);
      for (int ic = 0; ic < m; ic += kGemmMC) {
        const int mc = std::min(kGemmMC, m - ic);
        pack_a(ta, a, ic, mc, pc, kc, MR, ap);
        for (int jr = 0; jr < nc; jr += NR) {
          const float* bias = last && ep.bias ? ep.bias + jc + jr : nullptr;
          const FusedAct act = last ? ep.act : FusedAct::none;
          for (int ir = 0; ir < mc; ir += MR) {
            micro_kernel<V, MR, NV>(kc, ap + ir * kc, bp + jr * kc, c.row(ic + ir) + jc + jr, c.stride,
                                    std::min(MR, mc - ir), std::min(NR, nc - jr), accumulate, bias, act,
                                    ep.alpha);
          }
        }
      }
    }
  }
}

}  // namespace mlp
