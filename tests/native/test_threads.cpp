// The thread pool, and the promise it makes: every kernel and a whole
// training run give the same bits on 1, 2, 3 or 4 threads.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "helpers.hpp"
#include "kernels/gemm.hpp"
#include "kernels/partition.hpp"
#include "synthetic.hpp"
#include "thread_pool.hpp"
#include "trainer.hpp"

using namespace mlp;
using mlp::test::Strided;

namespace {

// Sets the shared pool's size for one scope, and back to one thread after.
struct ScopedThreads {
  explicit ScopedThreads(int n) { set_threads(n); }
  ~ScopedThreads() { set_threads(1); }
};

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

std::vector<float> values(ConstMatrixView m) {
  std::vector<float> out;
  for (int i = 0; i < m.rows; ++i) out.insert(out.end(), m.row(i), m.row(i) + m.cols);
  return out;
}

}  // namespace

TEST_CASE("split_range cuts [0, n) into ordered, aligned, balanced parts", "[threads]") {
  for (int n : {0, 1, 5, 6, 7, 50, 300, 784})
    for (int parts : {1, 2, 3, 4, 7})
      for (int align : {1, 6, 32}) {
        int next = 0, smallest = n, largest = 0;
        for (int p = 0; p < parts; ++p) {
          const Range r = split_range(n, parts, p, align);
          INFO("n=" << n << " parts=" << parts << " align=" << align << " part " << p);
          CHECK(r.first == next);
          CHECK(r.count >= 0);
          if (r.first + r.count < n) CHECK((r.first + r.count) % align == 0);
          next = r.first + r.count;
          smallest = std::min(smallest, r.count);
          largest = std::max(largest, r.count);
        }
        CHECK(next == n);
        if (n >= parts * align) CHECK(largest - smallest <= align);
      }
}

TEST_CASE("the pool runs every part exactly once, loop after loop", "[threads]") {
  for (int threads : {1, 2, 3, 4}) {
    ThreadPool pool(threads);
    for (int parts : {1, 2, 3, 4, 5, 17}) {
      std::vector<std::atomic<int>> calls(static_cast<std::size_t>(parts));
      for (int loop = 0; loop < 200; ++loop) pool.run(parts, [&](int p) { calls[static_cast<std::size_t>(p)]++; });
      for (int p = 0; p < parts; ++p) CHECK(calls[static_cast<std::size_t>(p)] == 200);
    }
  }
}

TEST_CASE("the pool wakes sleeping workers", "[threads]") {
  ThreadPool pool(3);
  std::atomic<int> sum{0};
  for (int loop = 0; loop < 3; ++loop) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // longer than the spin: workers sleep
    pool.run(3, [&](int p) { sum += p + 1; });
  }
  CHECK(sum == 18);
}

TEST_CASE("a part's exception reaches the caller after the loop; nested loops run inline", "[threads]") {
  ThreadPool pool(2);
  std::atomic<int> ran{0};
  CHECK_THROWS_WITH(pool.run(4,
                             [&](int p) {
                               ++ran;
                               if (p == 2) throw std::runtime_error("part 2 failed");
                             }),
                    "part 2 failed");
  CHECK(ran == 4);
  std::atomic<int> inner{0};
  pool.run(2, [&](int) { pool.run(3, [&](int) { ++inner; }); });
  CHECK(inner == 6);
  CHECK_THROWS_WITH(ThreadPool(0), "threads must be between 1 and 64, got 0");
}

namespace {

// C for op(A)·op(B) with the epilogue, computed by `fn` with the shared pool at `threads`.
template <class Fn>
std::vector<float> product(Fn fn, int threads, const Strided& a, const Strided& b, const Strided& c0,
                           const GemmEpilogue& ep) {
  ScopedThreads scope(threads);
  Strided c = c0;
  c.view.data = c.storage.data();
  fn(a.view, b.view, c.view, ep);
  if (!ep.accumulate) fn(a.view, b.view, c.view, ep);  // again: reused workspaces change nothing
  CHECK(c.padding_intact());
  return values(c.view);
}

void zero_most(Strided& a, Rng& rng) {
  for (int i = 0; i < a.view.rows; ++i)
    for (int j = 0; j < a.view.cols; ++j)
      if (rng.uniform() < 0.8) a.view(i, j) = 0.0f;
}

}  // namespace

TEST_CASE("every GEMM route gives the same bits on 1 to 4 threads", "[threads][gemm]") {
  Rng rng(23);
  // Odd shapes on both sides of the split rule (rows when m >= n), all above the
  // size at which products are shared, and k beyond one depth block (256).
  const int shapes[][3] = {{53, 97, 61}, {97, 53, 61}, {50, 300, 101}, {301, 99, 51}, {7, 333, 300}, {250, 11, 73}};
  for (const auto& s : shapes)
    for (Trans ta : {Trans::no, Trans::yes})
      for (Trans tb : {Trans::no, Trans::yes})
        for (bool sparse_a : {false, true}) {
          const int m = s[0], n = s[1], k = s[2];
          Strided a(ta == Trans::no ? m : k, ta == Trans::no ? k : m, 3, rng);
          if (sparse_a) zero_most(a, rng);
          Strided b(tb == Trans::no ? k : n, tb == Trans::no ? n : k, 5, rng), c(m, n, 7, rng);
          std::vector<float> bias(static_cast<std::size_t>(n));
          for (float& v : bias) v = static_cast<float>(rng.uniform(-1, 1));
          GemmEpilogue ep;
          ep.bias = bias.data();
          ep.act = FusedAct::relu;
          ep.accumulate = sparse_a;
          GemmWorkspace ws;
          const auto dispatched = [&](ConstMatrixView av, ConstMatrixView bv, MatrixView cv, const GemmEpilogue& e) {
            gemm(ta, tb, av, bv, cv, e, ws);
          };
          const auto dense = [&](ConstMatrixView av, ConstMatrixView bv, MatrixView cv, const GemmEpilogue& e) {
            gemm_dense(ta, tb, av, bv, cv, e, ws);
          };
          const auto scalar = [&](ConstMatrixView av, ConstMatrixView bv, MatrixView cv, const GemmEpilogue& e) {
            gemm_packed_scalar(ta, tb, av, bv, cv, e, ws);
          };
          const auto forced_sparse = [&](ConstMatrixView av, ConstMatrixView bv, MatrixView cv,
                                         const GemmEpilogue& e) { gemm_sparse(ta, av, bv, cv, e, ws); };
          const auto one = product(dispatched, 1, a, b, c, ep);
          const auto one_dense = product(dense, 1, a, b, c, ep);
          const auto one_scalar = product(scalar, 1, a, b, c, ep);
          const auto one_sparse = tb == Trans::no ? product(forced_sparse, 1, a, b, c, ep) : one;
          for (int threads = 2; threads <= 4; ++threads) {
            INFO("m=" << m << " n=" << n << " k=" << k << " ta=" << int(ta) << " tb=" << int(tb)
                      << " sparse A=" << sparse_a << " threads=" << threads);
            CHECK(same_bits(product(dispatched, threads, a, b, c, ep), one));
            CHECK(same_bits(product(dense, threads, a, b, c, ep), one_dense));
            CHECK(same_bits(product(scalar, threads, a, b, c, ep), one_scalar));
            if (tb == Trans::no) CHECK(same_bits(product(forced_sparse, threads, a, b, c, ep), one_sparse));
          }
        }
}

namespace {

struct Run {
  std::vector<float> losses, params;
};

// 40 mini-batches of about 56 (450 examples, 8 batches an epoch) of a
// 97-173-61-11 ReLU MLP on blobs whose features are mostly zeros (as MNIST's),
// so both GEMM routes, the bias gradients and the optimizer step are shared.
Run train(int threads, OptimizerKind kind) {
  ScopedThreads scope(threads);
  const Dataset blobs = gaussian_blobs(450, 97, 11, 0.5f, 9);
  std::vector<float> x = blobs.feature_rows(0, blobs.size());
  Rng rng(4);
  for (float& v : x)
    if (rng.uniform() < 0.8) v = 0.0f;
  auto data = std::make_shared<const Dataset>(
      Dataset::from_floats(x, blobs.size(), 97, blobs.labels(), 11));
  MlpSpec spec;
  spec.inputs = 97;
  spec.layers = {{173, {Activation::relu, 0}}, {61, {Activation::relu, 0}}, {11, {Activation::identity, 0}}};
  spec.seed = 5;
  Mlp net(spec);
  TrainConfig tc;
  tc.batch_size = 60;  // ~56 × 173 gradients: enough to share the bias gradient too
  tc.optimizer.kind = kind;
  tc.optimizer.learning_rate = kind == OptimizerKind::adam ? 0.001f : 0.05f;
  Trainer t(std::move(net), data, tc);
  Run r;
  while (r.losses.size() < 40) {  // slices of up to 5 batches; a slice stops at an epoch's end
    const TrainReport rep = t.train_batches(5);
    r.losses.insert(r.losses.end(), rep.losses.begin(), rep.losses.end());
  }
  r.params.assign(t.network().params().begin(), t.network().params().end());
  return r;
}

}  // namespace

TEST_CASE("training gives the same losses and weights on 1 to 4 threads", "[threads][training]") {
  for (OptimizerKind kind : {OptimizerKind::sgd, OptimizerKind::adam}) {
    const Run one = train(1, kind);
    REQUIRE(one.losses.size() == 40);
    CHECK(one.losses.back() < one.losses.front());
    for (int threads = 2; threads <= 4; ++threads) {
      INFO(optimizer_name(kind) << " on " << threads << " threads");
      const Run many = train(threads, kind);
      CHECK(same_bits(many.losses, one.losses));
      CHECK(same_bits(many.params, one.params));
    }
  }
}
