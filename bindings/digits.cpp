#include "digits.hpp"

#include <string>

#include "convert.hpp"
#include "kernels/gemm.hpp"
#include "model_file.hpp"
#include "preprocess.hpp"
#include "strokes.hpp"
#include "thread_pool.hpp"
#include "vocabulary.hpp"

using namespace emscripten;

namespace mlp::js {

namespace {

std::string kernel_label() {
  std::string label = gemm_kernel_name();
  const int t = shared_pool().size();
  if (t > 1) label += ", " + std::to_string(t) + " threads";
  return label;
}

}  // namespace

class_<Network> register_digit_bindings() {
  function("buildInfo", optional_override([] {
             val info = val::object();
             info.set("kernel", kernel_label());
             info.set("simd", MLP_SIMD == 1);
             info.set("threads", shared_pool().size());
             return info;
           }));
  function("vocabulary", optional_override([] { return vocabulary_to_js(vocabulary()); }));

  function("preprocessDigit", optional_override([](val ink, double width, double height) {
             return guard([&] {
               return digit_to_js(preprocess_digit(vector_from_js<float>(ink, "ink"), int_from_js(width, {"width", "canvas width"}),
                                                   int_from_js(height, {"height", "canvas height"})));
             });
           }));
  function("rasterizeStrokes", optional_override([](val xy, val lengths, double penScale) {
             return guard([&] {
               StrokeRasterOptions o;
               o.pen_scale = static_cast<float>(penScale);
               const auto ink = rasterize_strokes(vector_from_js<float>(xy, "stroke points"),
                                                  vector_from_js<std::int32_t>(lengths, "stroke lengths"), o);
               return to_js<float>(ink);
             });
           }));
  constant("strokeRasterSide", kStrokeRasterSide);
  function("loadModel", optional_override([](val bytes) {
             return guard([&] { return model_to_js(load_model(vector_from_js<std::uint8_t>(bytes, {"bytes", "model bytes"}))); });
           }));

  return class_<Network>("Network")
      .constructor(optional_override([](val spec, val params) {
        return guard([&] { return new Network(mlp_spec_from_js(spec), vector_from_js<float>(params, "parameters")); });
      }), allow_raw_pointers())
      .function("predict", optional_override([](Network& n, val x, double rows) {
                  return guard([&] { return predict_to_js(n.mlp(), x, rows, [&](auto in, auto out) { n.predict(in, out); }); });
                }))
      .function("parameters", optional_override([](const Network& n) { return to_js(n.mlp().params()); }))
      .function("networkSpec", optional_override([](const Network& n) { return mlp_spec_to_js(n.mlp().spec()); }));
}

}  // namespace mlp::js
