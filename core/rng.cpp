#include "rng.hpp"

#include <cmath>
#include <utility>

#include "errors.hpp"

namespace mlp {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

void Rng::reseed(std::uint64_t seed) {
  for (auto& s : s_) s = splitmix64(seed);
  has_spare_ = false;
}

std::uint64_t Rng::next_u64() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Rng::uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

std::uint64_t Rng::below(std::uint64_t n) {
  // Reject the top sliver of the 64-bit range that would make low values likelier.
  const std::uint64_t limit = -n % n;  // (2^64 - n) mod n == 2^64 mod n
  for (;;) {
    const std::uint64_t r = next_u64();
    if (r >= limit) return r % n;
  }
}

double portable_log(double x) {
  // x = m * 2^e with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s), s = (m-1)/(m+1).
  int e = 0;
  double m = std::frexp(x, &e);  // exact: m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    e -= 1;
  }
  const double s = (m - 1.0) / (m + 1.0);  // |s| < 0.1716
  const double s2 = s * s;
  // 2 * (s + s^3/3 + ... + s^23/23): the next term is below 1e-19.
  double sum = 0.0;
  for (int k = 23; k >= 3; k -= 2) sum = (sum + 1.0 / k) * s2;
  const double log_m = 2.0 * s * (1.0 + sum);
  return log_m + static_cast<double>(e) * 0.69314718055994530942;
}

namespace {

// Taylor series on |r| <= π/4, Horner form; the next terms are below 1e-19.
double sin_kernel(double r) {
  const double r2 = r * r;
  double sum = 0.0;
  for (int k = 17; k >= 3; k -= 2) sum = (sum + 1.0) * r2 / (-(k * (k - 1.0)));
  return r * (1.0 + sum);
}

double cos_kernel(double r) {
  const double r2 = r * r;
  double sum = 0.0;
  for (int k = 18; k >= 2; k -= 2) sum = (sum + 1.0) * r2 / (-(k * (k - 1.0)));
  return 1.0 + sum;
}

// x = q·π/2 + r with |r| <= π/4 (Cody–Waite: π/2's first 33 bits times q are
// exact for |q| < 2^20, fdlibm's split); returns r and q mod 4.
double reduce_half_pi(double x, int& quadrant) {
  constexpr double kTwoOverPi = 6.36619772367581382433e-01;
  constexpr double kHalfPiHigh = 1.57079632673412561417e+00;
  constexpr double kHalfPiLow = 6.07710050650619224932e-11;
  const double q = std::round(x * kTwoOverPi);
  quadrant = static_cast<int>(static_cast<long long>(q) & 3);
  return (x - q * kHalfPiHigh) - q * kHalfPiLow;
}

}  // namespace

double portable_sin(double x) {
  int quadrant = 0;
  const double r = reduce_half_pi(x, quadrant);
  switch (quadrant) {
    case 0: return sin_kernel(r);
    case 1: return cos_kernel(r);
    case 2: return -sin_kernel(r);
    default: return -cos_kernel(r);
  }
}

double portable_cos(double x) {
  int quadrant = 0;
  const double r = reduce_half_pi(x, quadrant);
  switch (quadrant) {
    case 0: return cos_kernel(r);
    case 1: return -sin_kernel(r);
    case 2: return -cos_kernel(r);
    default: return sin_kernel(r);
  }
}

double Rng::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  for (;;) {
    const double u = 2.0 * uniform() - 1.0;
    const double v = 2.0 * uniform() - 1.0;
    const double s = u * u + v * v;
    if (s >= 1.0 || s == 0.0) continue;
    const double f = std::sqrt(-2.0 * portable_log(s) / s);  // sqrt is correctly rounded
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
  }
}

double Rng::truncated_normal(double mean, double stddev) {
  require(std::isfinite(mean), "mean", "be finite", mean);
  require(std::isfinite(stddev) && stddev >= 0, "stddev", "be finite and >= 0", stddev);
  for (;;) {
    const double z = normal();
    if (z >= -2.0 && z <= 2.0) return mean + stddev * z;
  }
}

void Rng::shuffle(std::span<std::int32_t> v) {
  for (std::size_t i = v.size(); i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(below(i));
    std::swap(v[i - 1], v[j]);
  }
}

}  // namespace mlp
