#pragma once
// A property of an accepted input that must hold: a trap is a finding that
// libFuzzer reports and keeps (unlike an assert, which NDEBUG would remove).
namespace mlp::fuzz {

inline void expect(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace mlp::fuzz
