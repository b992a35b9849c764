// The core's vocabulary (core/vocabulary.hpp) as the plain object that
// mlp.d.ts describes as `Vocabulary`.
#include "convert.hpp"

namespace mlp::js {
namespace {

val range_to_js(const Range& r) {
  val js = val::object();
  js.set("min", r.min);
  js.set("max", r.max);
  return js;
}

// Float limits cross as the shortest decimal of their float32.
val float_range_to_js(const Range& r) {
  val js = val::object();
  js.set("min", float_to_js(static_cast<float>(r.min)));
  js.set("max", float_to_js(static_cast<float>(r.max)));
  return js;
}

val limits_to_js(const Limits& l) {
  val js = val::object();
  js.set("inputs", range_to_js(l.inputs));
  js.set("hiddenLayers", range_to_js(l.hidden_layers));
  js.set("units", range_to_js(l.units));
  js.set("batchSize", range_to_js(l.batch_size));
  js.set("alpha", float_range_to_js(l.alpha));
  js.set("learningRate", float_range_to_js(l.learning_rate));
  js.set("seed", range_to_js(l.seed));
  js.set("trainBatches", range_to_js(l.train_batches));
  js.set("parameters", range_to_js(l.parameters));
  js.set("regularizationRate", float_range_to_js(l.regularization_rate));
  return js;
}

template <class E>
val names_to_js(const std::vector<E>& items, const char* (*name_of)(E)) {
  val js = val::array();
  for (E e : items) js.call<void>("push", std::string(name_of(e)));
  return js;
}

val activation_to_js(const ActivationInfo& a) {
  val js = val::object();
  js.set("name", std::string(activation_name(a.kind)));
  js.set("hidden", a.hidden);
  js.set("output", !a.output_losses.empty());
  js.set("outputLosses", names_to_js(a.output_losses, loss_name));
  js.set("alpha", a.default_alpha > 0 ? val(float_to_js(a.default_alpha)) : val::null());
  return js;
}

val optimizer_to_js(const OptimizerInfo& o) {
  val params = val::array();
  for (const OptimizerParamInfo& p : o.params) {
    val js = val::object();
    js.set("name", std::string(p.param->name));
    js.set("default", float_to_js(p.default_value));
    js.set("min", float_to_js(p.param->min));
    js.set("max", float_to_js(p.param->max));
    js.set("maxExclusive", p.param->max_exclusive);
    params.call<void>("push", js);
  }
  val js = val::object();
  js.set("name", std::string(optimizer_name(o.kind)));
  js.set("learningRate", float_to_js(o.learning_rate));
  js.set("params", params);
  return js;
}

val playground_to_js(const PlaygroundVocabulary& p) {
  val sets = val::array();
  for (const PlaygroundSetInfo& s : p.sets) {
    val js = val::object();
    js.set("name", std::string(playground_set_name(s.set)));
    js.set("regression", s.regression);
    js.set("classes", range_to_js(s.classes));
    sets.call<void>("push", js);
  }
  val limits = val::object();
  limits.set("points", range_to_js(p.points));
  limits.set("noise", float_range_to_js(p.noise));
  limits.set("trainPercent", range_to_js(p.train_percent));
  limits.set("drawn", range_to_js(p.drawn));
  limits.set("extent", float_range_to_js(p.extent));
  val js = val::object();
  js.set("sets", sets);
  js.set("features", names_to_js(p.features, feature_name));
  js.set("limits", limits);
  return js;
}

}  // namespace

val vocabulary_to_js(const Vocabulary& v) {
  val activations = val::array(), optimizers = val::array();
  for (const ActivationInfo& a : v.activations) activations.call<void>("push", activation_to_js(a));
  for (const OptimizerInfo& o : v.optimizers) optimizers.call<void>("push", optimizer_to_js(o));
  val js = val::object();
  js.set("limits", limits_to_js(v.limits));
  js.set("activations", activations);
  js.set("losses", names_to_js(v.losses, loss_name));
  js.set("initializers", names_to_js(v.initializers, init_name));
  js.set("optimizers", optimizers);
  js.set("regularizations", names_to_js(v.regularizations, regularization_name));
  js.set("playground", playground_to_js(v.playground));
  return js;
}

}  // namespace mlp::js
