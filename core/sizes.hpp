#pragma once
// Sizes computed in 64 bits. In 32-bit WebAssembly std::size_t has 32 bits,
// so rows × cols of two valid-looking numbers can wrap around to a small
// value that then passes a length check and lets a later write run off the
// end of a buffer. Every product of caller-given dimensions goes through
// here before anything is allocated or compared.
#include <cstddef>
#include <cstdint>
#include <string>

#include "errors.hpp"

namespace mlp {

// The most one request may allocate: 1 GiB. The WASM heap ends at 2 GiB
// (Emscripten's maximum with memory growth) and already holds the module,
// the data and the network, so anything larger cannot fit there; natively
// the same limit keeps every build refusing the same requests.
inline constexpr std::uint64_t kMaxRequestBytes = std::uint64_t{1} << 30;

// The bytes of `count` elements of `elem_bytes` each, refused (naming
// `field`) beyond kMaxRequestBytes. `what` says what they are for.
inline std::size_t checked_bytes(std::uint64_t count, std::size_t elem_bytes, const Field& field, const char* what) {
  const std::uint64_t limit = kMaxRequestBytes / elem_bytes;
  if (count > limit)
    fail_arg(field,
             std::string("keep ") + what + " within 1 GiB of memory (" + std::to_string(limit) + " values of " +
                 std::to_string(elem_bytes) + " bytes)",
             std::to_string(count) + " values");
  return static_cast<std::size_t>(count * elem_bytes);
}

// rows × cols elements of `elem_bytes` each: the element count, checked as
// above. The operands come from ints and 32-bit lengths, so the 64-bit
// product is exact.
inline std::size_t checked_elements(std::uint64_t rows, std::uint64_t cols, std::size_t elem_bytes,
                                    const Field& field, const char* what) {
  checked_bytes(rows * cols, elem_bytes, field, what);
  return static_cast<std::size_t>(rows * cols);
}

}  // namespace mlp
