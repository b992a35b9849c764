#pragma once
// What reading a drawn digit needs, registered by both modules: the full one
// (bindings.cpp, which adds Network's Dataset methods to the class returned
// here) and the digit reader (reader/reader.cpp), the small module a page
// opening on the Draw view starts with so its first reading waits for fewer
// bytes. Also the build's identity and the core's vocabulary, which every
// page needs at start-up.
#include <emscripten/bind.h>

#include "evaluator.hpp"

namespace mlp::js {

emscripten::class_<Network> register_digit_bindings();

}  // namespace mlp::js
