// The digit reader: a module with only what the Draw view needs to read a
// drawn digit with a model file (bindings/digits.hpp). The linker drops the
// rest of the core, so a page that opens on Draw downloads a fraction of the
// full module before its first reading; the worker loads the full module when
// another view asks for it (web/src/worker/worker.ts).
#include <emscripten/bind.h>

#include "../digits.hpp"

EMSCRIPTEN_BINDINGS(mlp_reader) { mlp::js::register_digit_bindings(); }
