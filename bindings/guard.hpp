#pragma once
// The one crossing from C++ errors to JavaScript. A C++ exception must never
// leave through JavaScript: the C++ frames it skips would not run their
// destructors (the scalar build's -fexceptions unwinds only through C++), so
// each failed call leaked its temporaries and kept its arguments' handles
// alive. The guard catches in C++, records message and field for the
// module's JavaScript wrapper (mlp-errors.post.js) and returns an empty value
// normally; the wrapper then throws the MlpError from JavaScript.
#include <emscripten/val.h>

#include <type_traits>

namespace mlp::js {

// Records the exception being handled for the JavaScript wrapper: message,
// and the field for an InvalidArgument. Call only from a catch block. One
// out-of-line dispatcher keeps every guarded binding down to one catch-all.
void record_current_exception();

template <class F>
auto guard(F&& f) -> decltype(f()) {
  using R = decltype(f());
  try {
    return f();
  } catch (...) {
    record_current_exception();
  }
  if constexpr (std::is_same_v<R, emscripten::val>) return emscripten::val::undefined();
  else if constexpr (!std::is_void_v<R>) return R{};
}

}  // namespace mlp::js
