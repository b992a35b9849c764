// Embind registrations for the decision-boundary playground (core/playground):
// its data sets, their input features, and training sets made of them. Names
// and conversions only. Contract: mlp.d.ts.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "convert.hpp"
#include "playground.hpp"

using namespace emscripten;
using namespace mlp;
using mlp::js::guard;
using mlp::js::to_js;
using mlp::js::vector_from_js;

namespace {

PlaygroundDataSpec data_spec_from_js(const val& js) {
  js::require_object(js, "playground data");
  PlaygroundDataSpec s;
  s.set = playground_set_from_name(js::string_field(js, "set", "set", "circle"));
  s.classes = js::int_field(js, "classes", "classes", s.classes);
  s.points = js::int_field(js, "points", "points", s.points);
  s.noise = static_cast<float>(js::number_field(js, "noise", "noise", s.noise));
  s.train_percent = js::int_field(js, "trainPercent", {"train_percent", "trainPercent"}, s.train_percent);
  s.seed = js::seed_from_js(js::number_field(js, "seed", "seed", 1.0), "seed");
  const val drawn = js["drawn"];
  if (!drawn.isUndefined()) {
    const auto v = vector_from_js<float>(drawn, "drawn");
    if (v.size() % 3 != 0) fail_arg("drawn", "hold (x1, x2, label) triples", v.size());
    for (std::size_t i = 0; i < v.size(); i += 3) s.drawn.push_back({v[i], v[i + 1], v[i + 2]});
  }
  return s;
}

std::vector<Feature> features_from_js(const val& js) {
  if (!js.isArray()) throw InvalidArgument("features must be an array of names");
  std::vector<Feature> out;
  const auto n = js["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const val f = js[i];
    if (!f.isString()) throw InvalidArgument("features must be an array of names");
    out.push_back(feature_from_name(f.as<std::string>()));
  }
  return out;
}

val data_to_js(const PlaygroundData& d) {
  val js = val::object();
  js.set("classes", d.classes);
  js.set("train", d.train);
  js.set("test", d.test);
  js.set("x", to_js<float>(d.xy));
  js.set("labels", to_js<std::int32_t>(d.labels));
  js.set("targets", to_js<float>(d.targets));
  return js;
}

}  // namespace

EMSCRIPTEN_BINDINGS(mlp_playground) {
  function("playgroundData", optional_override([](val spec) {
             return guard([&] { return data_to_js(make_playground_data(data_spec_from_js(spec))); });
           }));
  function("playgroundDataset", optional_override([](val spec, val features, std::string part) {
             return guard([&] {
               const PlaygroundData d = make_playground_data(data_spec_from_js(spec));
               const auto f = features_from_js(features);
               if (part != "train" && part != "test") fail_arg("part", "be 'train' or 'test'", "'" + part + "'");
               const bool train = part == "train";
               if ((train ? d.train : d.test) == 0) fail_arg(part + " set", "hold at least one point", 0);
               return std::make_shared<Dataset>(
                   playground_dataset(d, f, train ? 0 : d.train, train ? d.train : d.test));
             });
           }));
  function("playgroundFeatures", optional_override([](val xy, val features) {
             return guard([&] {
               const auto out = map_features(vector_from_js<float>(xy, "points"), features_from_js(features));
               return to_js<float>(out);
             });
           }));
}
