#pragma once
// Conversions between JavaScript values and core types. Arrays cross in one
// bulk copy through a typed memory view, never element by element; numbers
// that must be integers cross as doubles and are checked here, because
// Embind's int conversion is ToInt32 (2^32 + 3 arrives as 3, NaN as 0).
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "errors.hpp"
#include "guard.hpp"
#include "sizes.hpp"
#include "mlp.hpp"
#include "model_file.hpp"
#include "preprocess.hpp"
#include "regression.hpp"
#include "surfaces.hpp"
#include "trainer.hpp"
#include "vocabulary.hpp"

namespace mlp::js {

using emscripten::val;

template <class T>
const char* typed_array_name();
template <> inline const char* typed_array_name<float>() { return "Float32Array"; }
template <> inline const char* typed_array_name<std::int32_t>() { return "Int32Array"; }
template <> inline const char* typed_array_name<std::uint8_t>() { return "Uint8Array"; }

// The length of a JS typed array, after checking it has the matching type.
template <class T>
std::size_t typed_length(const val& array, const Field& field) {
  if (!array.instanceof(val::global(typed_array_name<T>())))
    fail(field, std::string("must be a ") + typed_array_name<T>());
  return array["length"].as<std::size_t>();
}

// A JS typed array of the matching type, copied into a vector in one `set`.
template <class T>
std::vector<T> vector_from_js(const val& array, const Field& field) {
  const std::size_t n = typed_length<T>(array, field);
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
inline std::uint64_t seed_from_js(double v, const Field& field) {
  require(std::isfinite(v) && v >= 0 && v <= static_cast<double>(kMaxSeed) && std::floor(v) == v, field,
          "be an integer in [0, 2^53)", v);
  return static_cast<std::uint64_t>(v);
}

// A JS number that must be a C++ int: a whole number within int's range
// (the core then checks its own range, naming the same field).
int int_from_js(double v, const Field& field);
// A JS value that must be a boolean.
bool bool_from_js(const val& v, const Field& field);
// The shortest decimal that reads back as the same float32, so 0.001f crosses
// as 0.001 rather than 0.0010000000474974513.
double float_to_js(float f);

// Throws (naming `field`) unless js is a non-null object: reading a property
// of undefined would throw inside C++ frames, past their destructors.
void require_object(const val& js, const Field& field);

// Fields of plain JS objects: `key` is the property, `field` names it in
// messages (its label, e.g. "learningRate") and as data (its id, the core's
// name, e.g. "learning_rate"). Absent optional fields give `fallback`.
double number_field(const val& obj, const char* key, const Field& field, double fallback, bool required = false);
int int_field(const val& obj, const char* key, const Field& field, int fallback, bool required = false);
std::string string_field(const val& obj, const char* key, const Field& field, const std::string& fallback);

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
  if (!p) throw InvalidArgument("dataset must be given", "data");
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
val predict_to_js(const Mlp& net, const val& x, double rows_js, Run&& run) {
  const int rows = int_from_js(rows_js, "rows");
  require_in_range(rows, 1, 1 << 20, "rows");
  const int cols = net.inputs(), outs = net.outputs();
  // 64-bit products: 2^20 rows × 4096 inputs wraps to 0 in 32 bits.
  const std::uint64_t want = std::uint64_t{static_cast<std::uint32_t>(rows)} * static_cast<std::uint32_t>(cols);
  const std::size_t given = typed_length<float>(x, "features");
  if (given != want) fail_arg({"features", "features length"}, "be rows × inputs = " + std::to_string(want), given);
  const auto in = vector_from_js<float>(x, "features");
  std::vector<float> out(checked_elements(static_cast<std::uint32_t>(rows), static_cast<std::uint32_t>(outs),
                                          sizeof(float), "rows", "the predictions"));
  run(ConstMatrixView(in.data(), rows, cols), MatrixView(out.data(), rows, outs));
  return to_js<float>(out);
}

}  // namespace mlp::js
