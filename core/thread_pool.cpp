#include "thread_pool.hpp"

#include <chrono>
#include <memory>
#include <utility>

#include "errors.hpp"

namespace mlp {
namespace {

// How long a thread spins before it sleeps. A training step of the seed MLP
// runs its loops tens of microseconds apart, so a worker that spins this long
// stays awake through a step; between the page's time slices it sleeps.
constexpr auto kSpin = std::chrono::microseconds(200);

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

// Spins until done() or kSpin has passed; true if done() became true.
template <class Done>
bool spin_until(Done done) {
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    for (int i = 0; i < 256; ++i) {
      if (done()) return true;
      cpu_relax();
    }
    if (std::chrono::steady_clock::now() - start > kSpin) return done();
    // On a busy machine the thread we wait for may be queued behind us on
    // this core: let it run (a no-op in WASM, where sleeping is the only yield).
    std::this_thread::yield();
  }
}

std::uint32_t generation_of(std::uint64_t claim) { return static_cast<std::uint32_t>(claim >> 32); }

// Set while a thread runs a part, so a nested run() stays on that thread.
thread_local bool t_inside = false;

}  // namespace

ThreadPool::ThreadPool(int threads) : size_(threads) {
  require_in_range(threads, 1, kMaxThreads, "threads");
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  // A WASM build without threads (the SIMD and scalar modules, the Catch2
  // suite under Node) cannot start any: the pool keeps its size, so kernels
  // cut the same parts, and the caller runs them all (run() below).
#else
  workers_.reserve(static_cast<std::size_t>(threads - 1));
  for (int t = 1; t < threads; ++t) workers_.emplace_back([this] { worker(); });
#endif
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    claim_.fetch_add(std::uint64_t{1} << 32);
  }
  wake_.notify_all();
  for (std::thread& w : workers_) w.join();
}

void ThreadPool::claim_parts(std::uint32_t generation) {
  std::uint64_t c = claim_.load();
  while (generation_of(c) == generation) {
    const auto part = static_cast<int>(c & 0xFFFFFFFFu);
    if (part >= parts_.load()) return;
    if (!claim_.compare_exchange_weak(c, c + 1)) continue;  // c now holds the fresh value
    // Until this part is done the caller cannot start another loop, so
    // call_ and ctx_ are this generation's.
    t_inside = true;
    try {
      call_(ctx_, part);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!error_) error_ = std::current_exception();
    }
    t_inside = false;
    if (done_.fetch_add(1) + 1 == parts_.load() && caller_sleeping_.load()) {
      std::lock_guard<std::mutex> lock(mutex_);
      finished_.notify_one();
    }
    c = claim_.load();
  }
}

void ThreadPool::worker() {
  std::uint32_t seen = 0;
  for (;;) {
    const auto started = [&] { return generation_of(claim_.load()) != seen; };
    if (!spin_until(started)) {
      std::unique_lock<std::mutex> lock(mutex_);
      sleepers_.fetch_add(1);
      wake_.wait(lock, started);
      sleepers_.fetch_sub(1);
    }
    if (stop_) return;
    seen = generation_of(claim_.load());
    claim_parts(seen);
  }
}

void ThreadPool::run_erased(int parts, Call call, void* ctx) {
  if (parts <= 0) return;
  bool idle = false;
  if (workers_.empty() || parts == 1 || t_inside || !busy_.compare_exchange_strong(idle, true)) {
    std::exception_ptr first;  // as on the pool: every part runs, the first error is rethrown
    for (int p = 0; p < parts; ++p) {
      try {
        call(ctx, p);
      } catch (...) {
        if (!first) first = std::current_exception();
      }
    }
    if (first) std::rethrow_exception(first);
    return;
  }
  call_ = call;
  ctx_ = ctx;
  parts_.store(parts);
  done_.store(0);
  const std::uint32_t generation = generation_of(claim_.load()) + 1;
  // Published before sleepers_ is read (both sequentially consistent): either
  // we see a worker that went to sleep, or it sees the new loop and stays up.
  claim_.store(std::uint64_t{generation} << 32);
  if (sleepers_.load() > 0) {
    std::lock_guard<std::mutex> lock(mutex_);
    wake_.notify_all();
  }
  claim_parts(generation);
  const auto finished = [&] { return done_.load() == parts; };
  if (!spin_until(finished)) {
    std::unique_lock<std::mutex> lock(mutex_);
    caller_sleeping_ = true;
    finished_.wait(lock, finished);
    caller_sleeping_ = false;
  }
  busy_.store(false);
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

namespace {
std::unique_ptr<ThreadPool>& shared_slot() {
  static std::unique_ptr<ThreadPool> pool = std::make_unique<ThreadPool>(1);
  return pool;
}
}  // namespace

ThreadPool& shared_pool() { return *shared_slot(); }

void set_threads(int threads) {
  require_in_range(threads, 1, kMaxThreads, "threads");
  if (shared_slot()->size() != threads) {
    shared_slot().reset();  // join the old workers first: in WASM the set of threads is fixed
    shared_slot() = std::make_unique<ThreadPool>(threads);
  }
}

}  // namespace mlp
