// Every GEMM variant against the triple-loop reference, for all transpose
// cases, sizes around the SIMD width, padded strides and each epilogue.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include "helpers.hpp"
#include "kernels/gemm.hpp"
#include "kernels/pack.hpp"

using namespace mlp;
using mlp::test::Strided;

namespace {

const int kSizes[] = {1, 3, 4, 5, 7, 8, 15, 16, 17, 31, 33, 63, 64, 65, 300, 784};

using GemmFn = void (*)(Trans, Trans, ConstMatrixView, ConstMatrixView, MatrixView, const GemmEpilogue&,
                        GemmWorkspace&);

void compare(GemmFn fn, Trans ta, Trans tb, int m, int n, int k, const GemmEpilogue& ep_in, Rng& rng) {
  // Odd, prime paddings so no row starts aligned by accident.
  Strided a(ta == Trans::no ? m : k, ta == Trans::no ? k : m, 3, rng);
  Strided b(tb == Trans::no ? k : n, tb == Trans::no ? n : k, 5, rng);
  Strided c_fast(m, n, 7, rng);
  Strided c_ref = c_fast;
  c_ref.view.data = c_ref.storage.data();
  std::vector<float> bias(static_cast<std::size_t>(n));
  for (float& v : bias) v = static_cast<float>(rng.uniform(-1, 1));
  GemmEpilogue ep = ep_in;
  if (ep.bias) ep.bias = bias.data();
  GemmWorkspace ws;
  fn(ta, tb, a.view, b.view, c_fast.view, ep, ws);
  gemm_ref(ta, tb, a.view, b.view, c_ref.view, ep);
  const float tol = 1e-5f * static_cast<float>(k) + 1e-5f;
  int bad = 0;
  for (int i = 0; i < m && bad < 3; ++i)
    for (int j = 0; j < n && bad < 3; ++j) {
      const float want = c_ref.view(i, j), got = c_fast.view(i, j);
      if (!(std::abs(want - got) <= tol * (1.0f + std::abs(want)))) {
        ++bad;
        FAIL_CHECK("C(" << i << "," << j << ") = " << got << ", reference " << want << " for m=" << m
                        << " n=" << n << " k=" << k << " ta=" << int(ta) << " tb=" << int(tb)
                        << " accumulate=" << ep.accumulate << " act=" << int(ep.act));
      }
    }
  CHECK(c_fast.padding_intact());
}

void sweep(GemmFn fn) {
  Rng rng(7);
  for (Trans ta : {Trans::no, Trans::yes})
    for (Trans tb : {Trans::no, Trans::yes})
      for (int s : kSizes) {
        // Square-ish around s, plus the thin shapes training uses.
        compare(fn, ta, tb, s, s == 784 ? 17 : s, s == 784 ? 9 : s, {}, rng);
        compare(fn, ta, tb, 50 % (s + 1) + 1, s, 33, {}, rng);
        compare(fn, ta, tb, s, 10, s == 784 ? 300 : s + 2, {}, rng);
      }
}

}  // namespace

TEST_CASE("packed gemm matches the reference for every transpose case and size", "[gemm]") {
  sweep(gemm);
}

TEST_CASE("scalar-lane packed gemm matches the reference", "[gemm]") { sweep(gemm_packed_scalar); }

TEST_CASE("gemm epilogues: accumulate, bias, relu, leaky relu", "[gemm]") {
  Rng rng(11);
  GemmEpilogue eps[4];
  eps[0].accumulate = true;
  eps[1].bias = reinterpret_cast<const float*>(1);  // replaced by a real bias in compare()
  eps[2].bias = eps[1].bias, eps[2].act = FusedAct::relu;
  eps[3].bias = eps[1].bias, eps[3].act = FusedAct::leaky_relu, eps[3].alpha = 0.1f;
  for (const auto& ep : eps)
    for (int s : {1, 5, 17, 64, 300}) {
      compare(gemm, Trans::no, Trans::no, s, s + 3, 2 * s + 1, ep, rng);
      compare(gemm, Trans::yes, Trans::yes, s + 1, s, 300, ep, rng);  // k > KC: several depth blocks
      compare(gemm_packed_scalar, Trans::no, Trans::yes, s, 7, s, ep, rng);
    }
}

TEST_CASE("gemm with k = 0 leaves only the epilogue", "[gemm]") {
  Rng rng(3);
  Strided a(4, 0, 1, rng), b(0, 5, 1, rng), c(4, 5, 0, rng);
  const float bias[5] = {1, -2, 3, -4, 5};
  GemmEpilogue ep;
  ep.bias = bias;
  ep.act = FusedAct::relu;
  GemmWorkspace ws;
  gemm(Trans::no, Trans::no, a.view, b.view, c.view, ep, ws);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 5; ++j) CHECK(c.view(i, j) == std::max(bias[j], 0.0f));
}

TEST_CASE("gemm propagates NaN and infinity like the reference", "[gemm]") {
  Rng rng(5);
  Strided a(9, 13, 1, rng), b(13, 11, 1, rng), c(9, 11, 0, rng);
  a.view(2, 4) = std::numeric_limits<float>::quiet_NaN();
  b.view(6, 3) = std::numeric_limits<float>::infinity();
  GemmWorkspace ws;
  gemm(Trans::no, Trans::no, a.view, b.view, c.view, {}, ws);
  for (int j = 0; j < 11; ++j) CHECK(std::isnan(c.view(2, j)));
  CHECK(std::isinf(c.view(0, 3)));
}

TEST_CASE("gemm rejects shapes that do not chain", "[gemm][errors]") {
  Rng rng(1);
  Strided a(3, 4, 0, rng), b(5, 2, 0, rng), c(3, 2, 0, rng);
  GemmWorkspace ws;
  CHECK_THROWS_WITH(gemm(Trans::no, Trans::no, a.view, b.view, c.view, {}, ws),
                    Catch::Contains("op(A) is 3x4, op(B) is 5x2"));
}

TEST_CASE("pack_b zero-pads the ragged panel", "[gemm]") {
  Rng rng(2);
  Strided b(3, 5, 2, rng);
  std::vector<float> out(3 * 8, -1.0f);
  pack_b(Trans::no, b.view, 0, 3, 0, 5, 8, out.data());
  for (int k = 0; k < 3; ++k) {
    for (int c = 0; c < 5; ++c) CHECK(out[k * 8 + c] == b.view(k, c));
    for (int c = 5; c < 8; ++c) CHECK(out[k * 8 + c] == 0.0f);
  }
}

namespace {

// A with only `keep` of its entries nonzero, some rows entirely zero.
void sparsify(Strided& a, double keep, Rng& rng) {
  for (int i = 0; i < a.view.rows; ++i)
    for (int j = 0; j < a.view.cols; ++j)
      if (i % 7 == 3 || rng.uniform() > keep) a.view(i, j) = 0.0f;
}

void compare_sparse(GemmFn fn, Trans ta, int m, int n, int k, double keep, const GemmEpilogue& ep_in, Rng& rng) {
  Strided a(ta == Trans::no ? m : k, ta == Trans::no ? k : m, 3, rng);
  sparsify(a, keep, rng);
  Strided b(k, n, 5, rng), c_fast(m, n, 7, rng);
  Strided c_ref = c_fast;
  c_ref.view.data = c_ref.storage.data();
  std::vector<float> bias(static_cast<std::size_t>(n));
  for (float& v : bias) v = static_cast<float>(rng.uniform(-1, 1));
  GemmEpilogue ep = ep_in;
  if (ep.bias) ep.bias = bias.data();
  GemmWorkspace ws;
  fn(ta, Trans::no, a.view, b.view, c_fast.view, ep, ws);
  gemm_ref(ta, Trans::no, a.view, b.view, c_ref.view, ep);
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) {
      const float want = c_ref.view(i, j), got = c_fast.view(i, j);
      if (!(std::abs(want - got) <= 1e-5f * k * (1.0f + std::abs(want)))) {
        FAIL_CHECK("C(" << i << "," << j << ") = " << got << ", reference " << want << " for m=" << m << " n=" << n
                        << " k=" << k << " ta=" << int(ta) << " keep=" << keep);
        return;
      }
    }
  CHECK(c_fast.padding_intact());
}

void gemm_sparse_forced(Trans ta, Trans, ConstMatrixView a, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep,
                        GemmWorkspace& ws) {
  gemm_sparse(ta, a, b, c, ep, ws);
}

}  // namespace

TEST_CASE("the sparse route (zeros of A skipped) matches the reference", "[gemm][sparse]") {
  Rng rng(13);
  GemmEpilogue with_bias;
  with_bias.bias = reinterpret_cast<const float*>(1);
  with_bias.act = FusedAct::relu;
  GemmEpilogue accumulate;
  accumulate.accumulate = true;
  for (Trans ta : {Trans::no, Trans::yes})
    for (int s : kSizes)
      for (double keep : {0.0, 0.05, 0.2, 1.0}) {
        // The forced kernel at every density, and gemm() whose dispatch picks it for sparse A.
        compare_sparse(gemm_sparse_forced, ta, s, s == 784 ? 33 : s, s == 784 ? 17 : s + 1, keep, {}, rng);
        compare_sparse(gemm, ta, 50 % (s + 1) + 1, s, 40, keep, with_bias, rng);
        compare_sparse(gemm, ta, s, 300, 9, keep, accumulate, rng);
      }
}

TEST_CASE("the sparse route propagates NaN in A and B", "[gemm][sparse]") {
  Rng rng(17);
  Strided a(6, 40, 0, rng), b(40, 20, 0, rng), c(6, 20, 0, rng);
  sparsify(a, 0.1, rng);
  a.view(1, 5) = std::numeric_limits<float>::quiet_NaN();
  b.view(0, 2) = std::numeric_limits<float>::quiet_NaN();
  a.view(2, 0) = 1.0f;
  GemmWorkspace ws;
  gemm(Trans::no, Trans::no, a.view, b.view, c.view, {}, ws);
  for (int j = 0; j < 20; ++j) CHECK(std::isnan(c.view(1, j)));
  CHECK(std::isnan(c.view(2, 2)));
}
