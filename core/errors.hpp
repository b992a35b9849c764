#pragma once
// Argument checks that name the field and the offending value, so a message
// that reaches the page ("learning_rate must be finite and > 0, got -1") tells
// the user what to change. The error also carries the field's identifier as
// data (`field()`, e.g. "learning_rate", "layers[0].units"), so a form can put
// the message at the right input without parsing text. Every check runs
// before any state is touched.
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace mlp {

// The input a check refuses: `id` is its identifier as data (snake_case, the
// core's own names, `[i]` for an element), `label` how the message names it.
// Most fields use one name for both; `{"layers[0].units", "units of hidden
// layer 1"}` is the kind of case where they differ. A Field only views its
// names: pass it within one expression (literals, or strings that outlive the
// call), never keep one built from a temporary.
struct Field {
  std::string_view id, label;
  constexpr Field(const char* name) : id(name), label(name) {}
  constexpr Field(std::string_view name) : id(name), label(name) {}
  Field(const std::string& name) : id(name), label(name) {}
  constexpr Field(std::string_view id_, std::string_view label_) : id(id_), label(label_) {}
};

class InvalidArgument : public std::invalid_argument {
 public:
  // `field` is empty when no single input is to blame.
  explicit InvalidArgument(const std::string& message, std::string field = "")
      : std::invalid_argument(message), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// A number as JavaScript would write it: NaN, Infinity, -Infinity (never the
// C library's "nan" or "-nan"), integers in full, others in the fewest digits
// that read back as the same value (at float precision when `single`).
inline std::string format_number(double v, bool single = false) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  // snprintf rather than a stream: streams pull locales and iostreams into
  // every WASM module (some 60 KB of the digit reader's 250).
  std::string s;
  for (int digits = 1; digits <= 17; ++digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    s = buf;
    const double back = std::stod(s);
    if (single ? static_cast<float>(back) == static_cast<float>(v) : back == v) break;
  }
  return s;
}

template <class V>
std::string describe_value(const V& v) {
  if constexpr (std::is_floating_point_v<V>) {
    return format_number(static_cast<double>(v), std::is_same_v<V, float>);
  } else if constexpr (std::is_integral_v<V>) {
    return std::to_string(v);
  } else {
    return std::string(std::string_view(v));
  }
}

// "<label> <rest>", e.g. fail(field, "must be an object").
[[noreturn]] inline void fail(const Field& field, std::string_view rest) {
  std::string message(field.label);
  message.append(" ").append(rest);
  throw InvalidArgument(message, std::string(field.id));
}

template <class V>
[[noreturn]] void fail_arg(const Field& field, std::string_view must, const V& got) {
  std::string message(field.label);
  message.append(" must ").append(must).append(", got ").append(describe_value(got));
  throw InvalidArgument(message, std::string(field.id));
}

template <class V>
void require(bool ok, const Field& field, std::string_view must, const V& got) {
  if (!ok) fail_arg(field, must, got);
}

template <class V>
void require_positive_finite(V v, const Field& field) {
  require(std::isfinite(v) && v > 0, field, "be finite and > 0", v);
}

inline void require_in_range(long long v, long long lo, long long hi, const Field& field) {
  if (v < lo || v > hi) fail_arg(field, "be between " + std::to_string(lo) + " and " + std::to_string(hi), v);
}

}  // namespace mlp
