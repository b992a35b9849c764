// The integer inference path: the packed int16 × int8 kernel against its
// triple-loop twin (exact: the same bits), and the integer network against the
// float one it was quantized from.
#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include "int8_network.hpp"
#include "kernels/qgemm.hpp"
#include "rng.hpp"
#include "synthetic.hpp"
#include "evaluator.hpp"

using namespace mlp;

TEST_CASE("qgemm matches its scalar twin exactly on odd sizes and the extreme values", "[qgemm]") {
  Rng rng(19);
  const int sizes[] = {1, 2, 3, 7, 8, 9, 15, 17, 33, 100, 301};
  for (int m : {1, 3, 4, 5, 13, 64, 67})
    for (int k : sizes)
      for (int n : {1, 7, 8, 9, 16, 31, 300}) {
        const std::ptrdiff_t a_stride = ((k + 1) & ~1) + 4;  // padded rows, the pad filled with garbage
        std::vector<std::int16_t> a(static_cast<std::size_t>(m) * a_stride, 777);
        for (int i = 0; i < m; ++i) {
          for (int j = 0; j < k; ++j)
            a[static_cast<std::size_t>(i * a_stride + j)] = static_cast<std::int16_t>(rng.below(2 * kQgemmMaxA + 1)) - kQgemmMaxA;
          if (k % 2) a[static_cast<std::size_t>(i * a_stride + k)] = 0;  // the zero pad qgemm requires
        }
        std::vector<std::int8_t> w(static_cast<std::size_t>(k) * n);
        for (auto& v : w) v = static_cast<std::int8_t>(static_cast<int>(rng.below(255)) - 127);
        if (m == 1 && n == 1) {  // the largest sums: every product at its extreme
          for (int j = 0; j < k; ++j) a[static_cast<std::size_t>(j)] = -kQgemmMaxA;
          for (auto& v : w) v = -127;
        }
        const std::ptrdiff_t c_stride = n + 3;
        std::vector<std::int32_t> fast(static_cast<std::size_t>(m) * c_stride, -1), ref = fast;
        qgemm(a.data(), m, a_stride, pack_qweights(w.data(), k, n), fast.data(), c_stride);
        qgemm_ref(a.data(), m, a_stride, w.data(), k, n, ref.data(), c_stride);
        INFO("m=" << m << " k=" << k << " n=" << n);
        REQUIRE(std::memcmp(fast.data(), ref.data(), fast.size() * sizeof(std::int32_t)) == 0);
      }
}

TEST_CASE("the integer network predicts what the float network predicts, nearly always", "[qgemm]") {
  const Dataset blobs = gaussian_blobs(2000, 64, 10, 1.0f, 21);
  MlpSpec spec;
  spec.inputs = 64;
  spec.layers = {{48, {Activation::relu, 0}}, {24, {Activation::tanh, 0}}, {10, {Activation::identity, 0}}};
  spec.seed = 3;
  Mlp init(spec);
  std::vector<float> params(init.params().begin(), init.params().end());
  Network exact(spec, params);
  Int8Network integer(spec, params);
  const auto want = exact.predict_labels(blobs), got = integer.predict_labels(blobs);
  int same = 0;
  for (std::size_t i = 0; i < want.size(); ++i) same += want[i] == got[i];
  CHECK(same >= 1960);  // 98%: an untrained network has many near-ties, which rounding may tip
  // The logits themselves stay close: within 2% of the largest.
  Matrix x(5, 64), a(5, 10), b(5, 10);
  const std::vector<float> rows = blobs.feature_rows(0, 5);
  std::copy(rows.begin(), rows.end(), x.data());
  integer.forward(x.view(), a.view());
  MlpWorkspace ws(init, 5);
  const ConstMatrixView z = mlp_forward(init, x.view(), ws);
  for (int i = 0; i < 5; ++i) {
    float top = 0.0f;
    for (int j = 0; j < 10; ++j) top = std::max(top, std::abs(z(i, j)));
    for (int j = 0; j < 10; ++j) CHECK(std::abs(a(i, j) - z(i, j)) <= 0.02f * top);
  }
  CHECK_THROWS_WITH(integer.forward(ConstMatrixView(x.data(), 5, 63, 64), a.view()), Catch::Contains("input columns"));
}
