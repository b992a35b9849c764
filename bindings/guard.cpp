#include "guard.hpp"

#include <exception>
#include <new>

#include "errors.hpp"

#include <emscripten/em_js.h>
#include <emscripten/em_macros.h>

// mlpRecordError lives in mlp-errors.post.js, inside the same module factory.
EM_JS(void, mlp_record_error, (const char* message, const char* field), {
  mlpRecordError(UTF8ToString(message), UTF8ToString(field));
});

namespace mlp::js {

void record_current_exception() {
  try {
    throw;
  } catch (const InvalidArgument& e) {
    mlp_record_error(e.what(), e.field().c_str());
  } catch (const std::bad_alloc&) {
    mlp_record_error("out of memory: the WebAssembly heap (at most 2 GiB) cannot hold this request", "");
  } catch (const std::exception& e) {
    mlp_record_error(e.what(), "");
  } catch (...) {
    mlp_record_error("unknown C++ exception", "");
  }
}

}  // namespace mlp::js
