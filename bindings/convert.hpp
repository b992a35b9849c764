#pragma once
// Conversions between JavaScript values and core types, and the guard that
// turns a C++ exception into a JavaScript Error carrying its message. Arrays
// cross in one bulk copy through a typed memory view, never element by element.
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "errors.hpp"
#include "mlp.hpp"
#include "model_file.hpp"
#include "preprocess.hpp"
#include "regression.hpp"
#include "surfaces.hpp"
#include "trainer.hpp"
#include "vocabulary.hpp"

namespace mlp::js {

using emscripten::val;

[[noreturn]] inline void throw_js_error(const std::string& message) {
  val::global("Error").new_(val(message)).throw_();
  __builtin_unreachable();
}

// Runs f; a C++ exception leaves as `new Error(e.what())`. The message is
// copied out of the catch block first so the exception is fully released.
template <class F>
auto guard(F&& f) -> decltype(f()) {
  std::string message;
  try {
    return f();
  } catch (const std::exception& e) {
    message = e.what();
  } catch (...) {
    message = "unknown C++ exception";
  }
  throw_js_error(message);
}

template <class T>
const char* typed_array_name();
template <> inline const char* typed_array_name<float>() { return "Float32Array"; }
template <> inline const char* typed_array_name<std::int32_t>() { return "Int32Array"; }
template <> inline const char* typed_array_name<std::uint8_t>() { return "Uint8Array"; }

// A JS typed array of the matching type, copied into a vector in one `set`.
template <class T>
std::vector<T> vector_from_js(const val& array, const char* field) {
  if (!array.instanceof(val::global(typed_array_name<T>())))
    throw InvalidArgument(std::string(field) + " must be a " + typed_array_name<T>());
  const auto n = array["length"].as<std::size_t>();
  std::vector<T> out(n);
  if (n) val(emscripten::typed_memory_view(n, out.data())).call<void>("set", array);
  return out;
}

// A fresh JS typed array holding a copy of `data` (the caller owns it).
template <class T>
val to_js(std::span<const T> data) {
  return val(emscripten::typed_memory_view(data.size(), data.data())).call<val>("slice");
}

// Seeds cross as JS numbers: integers in [0, kMaxSeed].
inline std::uint64_t seed_from_js(double v, const char* field) {
  require(std::isfinite(v) && v >= 0 && v <= static_cast<double>(kMaxSeed) && std::floor(v) == v, field,
          "be an integer in [0, 2^53)", v);
  return static_cast<std::uint64_t>(v);
}

// A JS number that must be a whole int32, and a JS value that must be a boolean.
int int_from_js(double v, const char* field);
bool bool_from_js(const val& v, const char* field);
// The shortest decimal that reads back as the same float32, so 0.001f crosses
// as 0.001 rather than 0.0010000000474974513.
double float_to_js(float f);

// Optional fields of plain JS objects, type-checked with the field named.
double number_field(const val& obj, const char* key, double fallback, bool required = false);
std::string string_field(const val& obj, const char* key, const std::string& fallback);
int int_field(const val& obj, const char* key, int fallback, bool required = false);

MlpSpec mlp_spec_from_js(const val& spec);
val mlp_spec_to_js(const MlpSpec& spec);
TrainConfig train_config_from_js(const val& config);
// {regularization: 'none' | 'l1' | 'l2', regularizationRate}; absent fields: none, 0.
RegularizationConfig regularization_from_js(const val& js);
val train_config_to_js(const TrainConfig& config);
val vocabulary_to_js(const Vocabulary& v);
val report_to_js(const TrainReport& r);
val eval_to_js(const EvalResult& r);
val digit_to_js(const DigitImage& d);
OptimizerConfig optimizer_from_js(const val& js);
SurfaceSpec surface_from_js(const val& js);
val surface_info_to_js(const SurfaceSpec& s);
Bounds2 bounds_from_js(const val& js);
LinearData linear_data_from_js(const val& js);
val linear_data_to_js(const LinearData& d);
LearningSchedule schedule_from_js(const val& js);
val regression_steps_to_js(const std::vector<RegressionStep>& steps);
val model_to_js(const ModelFile& m);

// A handle passed from JS may be null (a deleted or missing Dataset).
template <class T>
T& deref(const std::shared_ptr<T>& p) {
  if (!p) throw InvalidArgument("dataset must be given");
  return *p;
}

// Every layer's outputs for rows × inputs features (Evaluator::layer_outputs):
// one rows × units Float32Array per layer, in an array.
template <class Run>
val layer_outputs_to_js(const Mlp& net, const val& x, int rows, Run&& run) {
  const auto in = vector_from_js<float>(x, "features");
  require_in_range(rows, 1, 1 << 20, "rows");
  if (in.size() != static_cast<std::size_t>(rows) * net.inputs())
    fail_arg("features length", "be rows × inputs = " + std::to_string(rows * net.inputs()), in.size());
  std::vector<std::vector<float>> outs;
  std::vector<MatrixView> views;
  for (const LayerSpec& l : net.spec().layers) outs.emplace_back(static_cast<std::size_t>(rows) * l.units);
  for (std::size_t l = 0; l < outs.size(); ++l) views.emplace_back(outs[l].data(), rows, net.spec().layers[l].units);
  run(ConstMatrixView(in.data(), rows, net.inputs()), std::span<const MatrixView>(views));
  val js = val::array();
  for (const auto& o : outs) js.call<void>("push", to_js<float>(o));
  return js;
}

// predict(x, rows) for anything with a network: checks the length, runs `run`
// (ConstMatrixView in, MatrixView out) and returns rows × outputs values.
template <class Run>
val predict_to_js(const Mlp& net, const val& x, int rows, Run&& run) {
  const auto in = vector_from_js<float>(x, "features");
  const int cols = net.inputs(), outs = net.outputs();
  require_in_range(rows, 1, 1 << 20, "rows");
  if (in.size() != static_cast<std::size_t>(rows) * cols)
    fail_arg("features length", "be rows × inputs = " + std::to_string(rows * cols), in.size());
  std::vector<float> out(static_cast<std::size_t>(rows) * outs);
  run(ConstMatrixView(in.data(), rows, cols), MatrixView(out.data(), rows, outs));
  return to_js<float>(out);
}

}  // namespace mlp::js
