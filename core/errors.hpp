#pragma once
// Argument checks that name the field and the offending value, so a message
// that reaches the page ("learning_rate must be finite and > 0, got -1") tells
// the user what to change. Every check runs before any state is touched.
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mlp {

class InvalidArgument : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

template <class V>
[[noreturn]] void fail_arg(std::string_view field, std::string_view must, const V& got) {
  std::ostringstream os;
  os << field << " must " << must << ", got " << got;
  throw InvalidArgument(os.str());
}

template <class V>
void require(bool ok, std::string_view field, std::string_view must, const V& got) {
  if (!ok) fail_arg(field, must, got);
}

inline void require_positive_finite(double v, std::string_view field) {
  require(std::isfinite(v) && v > 0, field, "be finite and > 0", v);
}

inline void require_in_range(long long v, long long lo, long long hi, std::string_view field) {
  if (v < lo || v > hi) {
    std::ostringstream must;
    must << "be between " << lo << " and " << hi;
    fail_arg(field, must.str(), v);
  }
}

}  // namespace mlp
