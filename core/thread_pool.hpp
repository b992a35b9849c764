#pragma once
// A persistent pool of worker threads for fork-join loops in the kernels.
// `run(parts, fn)` calls fn(p) once for every part p in [0, parts) and returns
// when all calls have returned. Kernels cut their output into parts by p alone
// (kernels/partition.hpp), so which thread runs a part never changes how an
// element is computed: results are bit-identical for any thread count.
//
// Parts are claimed from a shared counter by the caller and the workers
// alike, so a worker that is late (asleep, or descheduled on a busy machine)
// never holds the caller up: the caller runs the parts nobody has taken.
// Workers are created once and wait between loops: they spin briefly (a
// training step runs a dozen loops microseconds apart, and a wake-up from
// sleep costs more than a small loop), then sleep on a condition variable.
// Plain C++20 threads, so the same code runs natively and in the pthread WASM
// build (where std::thread is a Web Worker from Emscripten's pool).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace mlp {

inline constexpr int kMaxThreads = 64;

class ThreadPool {
 public:
  explicit ThreadPool(int threads);  // 1..kMaxThreads; threads - 1 workers are started
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int size() const { return size_; }

  // fn(p) for p in [0, parts). A call from inside a running loop (or from a
  // second thread while one runs) runs every part on the calling thread.
  // The first exception a part throws is rethrown here once all have returned.
  template <class Fn>
  void run(int parts, Fn&& fn) {
    using F = std::remove_reference_t<Fn>;
    run_erased(parts, [](void* f, int p) { (*static_cast<F*>(f))(p); },
               const_cast<void*>(static_cast<const void*>(&fn)));
  }

 private:
  using Call = void (*)(void*, int);
  void run_erased(int parts, Call call, void* ctx);
  void worker();
  // Runs parts of loop `generation` until none is left to claim.
  void claim_parts(std::uint32_t generation);

  int size_;
  std::vector<std::thread> workers_;
  Call call_ = nullptr;
  void* ctx_ = nullptr;
  std::atomic<int> parts_{0};
  // generation (high 32 bits, bumped to start a loop) | next unclaimed part (low 32 bits)
  std::atomic<std::uint64_t> claim_{0};
  std::atomic<int> done_{0};             // parts finished in the current loop
  std::atomic<int> sleepers_{0};         // workers waiting on wake_
  std::atomic<bool> caller_sleeping_{false};
  std::atomic<bool> busy_{false};
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  std::exception_ptr error_;
};

// The process's pool, shared by every kernel: one set of threads however many
// trainers and networks exist (in the browser the threads are a fixed set of
// Web Workers started with the module). One thread until set_threads() is
// called; set_threads must not run while a kernel does.
ThreadPool& shared_pool();
void set_threads(int threads);  // 1..kMaxThreads, else InvalidArgument

}  // namespace mlp
