#pragma once
// Our own random engine and distributions. The standard library's
// distributions differ between libstdc++ (native) and libc++ (WASM), so one
// seed would give different weights in the browser and in the tests. Here
// every draw uses only integer arithmetic and correctly rounded float
// operations (+ - * / sqrt, no libm), which IEEE 754 makes bit-identical on
// both. Build with -ffp-contract=off so the compiler does not fuse a*b+c.
#include <cstdint>
#include <span>

namespace mlp {

// Seeds cross JavaScript as numbers (and JSON), exact only up to 2^53 − 1, so
// every seed the core takes from outside lies in [0, kMaxSeed].
inline constexpr std::uint64_t kMaxSeed = (std::uint64_t{1} << 53) - 1;

// xoshiro256** (Blackman & Vigna), seeded through SplitMix64.
class Rng {
 public:
  explicit Rng(std::uint64_t seed = 0) { reseed(seed); }
  void reseed(std::uint64_t seed);

  std::uint64_t next_u64();
  std::uint32_t next_u32() { return static_cast<std::uint32_t>(next_u64() >> 32); }
  // Uniform in [0, 1) with 53 random bits.
  double uniform();
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n), without modulo bias. n > 0.
  std::uint64_t below(std::uint64_t n);
  // Standard normal (Marsaglia's polar method; the second value is kept).
  double normal();
  double normal(double mean, double stddev) { return mean + stddev * normal(); }
  // Normal redrawn until within two standard deviations, like tf.truncated_normal.
  // Throws InvalidArgument unless mean is finite and stddev finite and >= 0.
  double truncated_normal(double mean, double stddev);
  // Fisher-Yates, from the back.
  void shuffle(std::span<std::int32_t> v);

 private:
  std::uint64_t s_[4]{};
  double spare_ = 0.0;
  bool has_spare_ = false;
};

// Natural logarithm from + - * / only, so it rounds the same everywhere.
// Accurate to about 1 ulp for x > 0; used by the normal sampler.
double portable_log(double x);
// Sine and cosine from + - * / and rounding to an integer only, for the same
// reason: generated data sets and the playground's sin features must be the
// same bits natively (glibc's libm) and in WASM (musl's). Within about 1 ulp
// of std::sin / std::cos for |x| <= 1e5 (the argument reduction's range).
double portable_sin(double x);
double portable_cos(double x);

}  // namespace mlp
