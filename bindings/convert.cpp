#include "convert.hpp"

#include <cstdio>
#include <cstdlib>

namespace mlp::js {

void require_object(const val& js, const Field& field) {
  if (js.typeOf().as<std::string>() != "object" || js.isNull()) fail(field, "must be an object");
}

double number_field(const val& obj, const char* key, const Field& field, double fallback, bool required) {
  const val v = obj[key];
  if (v.isUndefined()) {
    if (required) fail(field, "is required");
    return fallback;
  }
  if (!v.isNumber()) fail(field, "must be a number");
  return v.as<double>();
}

int int_from_js(double v, const Field& field) {
  if (!(std::isfinite(v) && std::floor(v) == v)) fail_arg(field, "be an integer", v);
  require(v >= -2147483648.0 && v <= 2147483647.0, field, "be an integer between -2147483648 and 2147483647", v);
  return static_cast<int>(v);
}

int int_field(const val& obj, const char* key, const Field& field, int fallback, bool required) {
  return int_from_js(number_field(obj, key, field, fallback, required), field);
}

bool bool_from_js(const val& v, const Field& field) {
  if (!v.isTrue() && !v.isFalse()) fail(field, "must be true or false");
  return v.isTrue();
}

double float_to_js(float f) {
  if (!std::isfinite(f)) return f;
  char buf[32];
  for (int digits = 1; digits < 9; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(f));
    const double d = std::strtod(buf, nullptr);
    if (static_cast<float>(d) == f) return d;
  }
  return f;  // 9 significant digits always round-trip a float
}

std::string string_field(const val& obj, const char* key, const Field& field, const std::string& fallback) {
  const val v = obj[key];
  if (v.isUndefined()) return fallback;
  if (!v.isString()) fail(field, "must be a string");
  return v.as<std::string>();
}

MlpSpec mlp_spec_from_js(const val& js) {
  require_object(js, {"network", "network spec"});
  MlpSpec spec;
  spec.inputs = int_field(js, "inputs", "inputs", 0, true);
  const val layers = js["layers"];
  if (!layers.isArray()) throw InvalidArgument("layers must be an array of {units, activation}", "layers");
  const auto n = layers["length"].as<unsigned>();
  if (n == 0 || n > kMaxHiddenLayers + 1)
    fail_arg("layers", "hold 1 to " + std::to_string(kMaxHiddenLayers + 1) + " entries (hidden + output)", n);
  for (unsigned i = 0; i < n; ++i) {
    const std::string at = "layers[" + std::to_string(i) + "]";
    const val l = layers[i];
    require_object(l, {"layers", at});
    LayerSpec ls;
    ls.units = int_field(l, "units", at + ".units", 0, true);
    const std::string activation = at + ".activation";
    ls.activation.kind = activation_from_name(string_field(l, "activation", activation, "identity"), activation);
    ls.activation.alpha = static_cast<float>(number_field(l, "alpha", at + ".alpha", 0.0));
    spec.layers.push_back(ls);
  }
  spec.loss = loss_from_name(string_field(js, "loss", "loss", "softmax_cross_entropy"));
  spec.init = init_from_name(string_field(js, "init", "init", "truncated_normal"));
  spec.seed = seed_from_js(number_field(js, "seed", "seed", static_cast<double>(kDefaultSeed)), "seed");
  return validated(spec);
}

val mlp_spec_to_js(const MlpSpec& spec) {
  val js = val::object();
  js.set("inputs", spec.inputs);
  val layers = val::array();
  for (const LayerSpec& l : spec.layers) {
    val o = val::object();
    o.set("units", l.units);
    o.set("activation", std::string(activation_name(l.activation.kind)));
    o.set("alpha", l.activation.alpha);
    layers.call<void>("push", o);
  }
  js.set("layers", layers);
  js.set("loss", std::string(loss_name(spec.loss)));
  js.set("init", std::string(init_name(spec.init)));
  js.set("seed", static_cast<double>(spec.seed));
  return js;
}

OptimizerConfig optimizer_from_js(const val& js) {
  require_object(js, {"optimizer", "optimizer settings"});
  // Absent fields take the optimizer's defaults (not a previous setting's).
  OptimizerConfig o = optimizer_defaults(optimizer_from_name(string_field(js, "optimizer", "optimizer", "sgd")));
  o.learning_rate = static_cast<float>(number_field(js, "learningRate", {"learning_rate", "learningRate"}, o.learning_rate));
  o.momentum = static_cast<float>(number_field(js, "momentum", "momentum", o.momentum));
  o.rho = static_cast<float>(number_field(js, "rho", "rho", o.rho));
  o.beta1 = static_cast<float>(number_field(js, "beta1", "beta1", o.beta1));
  o.beta2 = static_cast<float>(number_field(js, "beta2", "beta2", o.beta2));
  o.epsilon = static_cast<float>(number_field(js, "epsilon", "epsilon", o.epsilon));
  return validated(o);
}

SurfaceSpec surface_from_js(const val& js) {
  require_object(js, "surface");
  SurfaceSpec s;
  s.kind = surface_from_name(string_field(js, "name", "surface", "bowl"));
  s.condition = number_field(js, "condition", "condition", s.condition);
  return validated(s);
}

val surface_info_to_js(const SurfaceSpec& s) {
  val js = val::object();
  const Bounds2 b = surface_view(s);
  val view = val::array();
  for (double v : {b.x0, b.x1, b.y0, b.y1}) view.call<void>("push", v);
  js.set("view", view);
  val minima = val::array();
  for (const Point2& m : surface_minima(s)) {
    val p = val::array();
    p.call<void>("push", m.x);
    p.call<void>("push", m.y);
    minima.call<void>("push", p);
  }
  js.set("minima", minima);
  return js;
}

Bounds2 bounds_from_js(const val& js) {
  const bool shaped = js.isArray() && js["length"].as<unsigned>() == 4 && js[0].isNumber() && js[1].isNumber() &&
                      js[2].isNumber() && js[3].isNumber();
  if (!shaped) throw InvalidArgument("bounds must be [x0, x1, y0, y1], four numbers", "bounds");
  return {js[0].as<double>(), js[1].as<double>(), js[2].as<double>(), js[3].as<double>()};
}

LinearData linear_data_from_js(const val& js) {
  require_object(js, {"data", "regression data"});
  LinearData d;
  const auto x = vector_from_js<float>(js["x"], "x"), y = vector_from_js<float>(js["y"], "y");
  d.x.assign(x.begin(), x.end());
  d.y.assign(y.begin(), y.end());
  check_linear_data(d);
  return d;
}

val linear_data_to_js(const LinearData& d) {
  const std::vector<float> x(d.x.begin(), d.x.end()), y(d.y.begin(), d.y.end());
  val js = val::object();
  js.set("x", to_js<float>(x));
  js.set("y", to_js<float>(y));
  return js;
}

LearningSchedule schedule_from_js(const val& js) {
  LearningSchedule s;
  if (js.isUndefined() || js.isNull() || js.isFalse()) return s;
  require_object(js, {"schedule", "learning schedule"});
  s.enabled = true;
  s.t0 = number_field(js, "t0", {"schedule.t0", "schedule t0"}, s.t0);
  s.t1 = number_field(js, "t1", {"schedule.t1", "schedule t1"}, s.t1);
  return s;
}

val regression_steps_to_js(const std::vector<RegressionStep>& steps) {
  // Columnar: one typed array per field, ready for plotting.
  std::vector<double> t0, t1, loss, examples, epoch;
  for (const RegressionStep& s : steps) {
    t0.push_back(s.theta0), t1.push_back(s.theta1), loss.push_back(s.loss);
    examples.push_back(static_cast<double>(s.examples)), epoch.push_back(s.epoch);
  }
  val js = val::object();
  js.set("theta0", to_js<double>(t0));
  js.set("theta1", to_js<double>(t1));
  js.set("loss", to_js<double>(loss));
  js.set("examples", to_js<double>(examples));
  js.set("epoch", to_js<double>(epoch));
  return js;
}

RegularizationConfig regularization_from_js(const val& js) {
  require_object(js, "regularization settings");
  RegularizationConfig r;
  r.kind = regularization_from_name(string_field(js, "regularization", "regularization", "none"));
  r.rate = static_cast<float>(number_field(js, "regularizationRate", {"regularization_rate", "regularizationRate"}, 0.0));
  return validated(r);
}

TrainConfig train_config_from_js(const val& js) {
  require_object(js, {"train", "training config"});
  TrainConfig c;
  c.batch_size = int_field(js, "batchSize", {"batch_size", "batchSize"}, 50);
  c.optimizer = optimizer_from_js(js);
  const Field shuffle_seed{"shuffle_seed", "shuffleSeed"};
  c.shuffle_seed = seed_from_js(number_field(js, "shuffleSeed", shuffle_seed, 1.0), shuffle_seed);
  const val augment = js["augment"];
  c.augment.enabled = !augment.isUndefined() && bool_from_js(augment, "augment");
  c.regularization = regularization_from_js(js);
  return c;
}

val train_config_to_js(const TrainConfig& c) {
  val js = val::object();
  js.set("batchSize", c.batch_size);
  js.set("optimizer", std::string(optimizer_name(c.optimizer.kind)));
  js.set("learningRate", float_to_js(c.optimizer.learning_rate));
  for (const OptimizerParam& p : kOptimizerParams) js.set(p.name, float_to_js(c.optimizer.*p.field));
  js.set("shuffleSeed", static_cast<double>(c.shuffle_seed));
  js.set("augment", c.augment.enabled);
  js.set("regularization", std::string(regularization_name(c.regularization.kind)));
  js.set("regularizationRate", float_to_js(c.regularization.rate));
  return js;
}

val report_to_js(const TrainReport& r) {
  val js = val::object();
  js.set("losses", to_js<float>(r.losses));
  js.set("accuracies", to_js<float>(r.accuracies));
  js.set("epoch", r.epoch);
  js.set("batch", r.batch);
  js.set("batchesPerEpoch", r.batches_per_epoch);
  js.set("steps", static_cast<double>(r.steps));
  js.set("examplesSeen", static_cast<double>(r.examples_seen));
  js.set("epochLoss", r.epoch_loss);
  js.set("epochAccuracy", r.epoch_accuracy);
  js.set("epochEnded", r.epoch_ended);
  js.set("diverged", r.diverged);
  js.set("message", r.message);
  return js;
}

val eval_to_js(const EvalResult& r) {
  val js = val::object();
  js.set("loss", r.loss);
  js.set("accuracy", r.accuracy);
  js.set("count", r.count);
  return js;
}

val digit_to_js(const DigitImage& d) {
  val js = val::object();
  js.set("empty", d.empty);
  js.set("pixels", to_js<float>(d.pixels));
  js.set("centreX", d.centre_x);
  js.set("centreY", d.centre_y);
  val box = val::array();
  for (int v : {d.box_x0, d.box_y0, d.box_x1, d.box_y1}) box.call<void>("push", v);
  js.set("box", box);
  return js;
}

val model_to_js(const ModelFile& m) {
  val js = val::object();
  js.set("spec", mlp_spec_to_js(m.spec));
  js.set("parameters", to_js<float>(m.params));
  js.set("metadata", m.metadata);
  js.set("weights", std::string(m.encoding == WeightEncoding::int8 ? "int8" : "float32"));
  return js;
}

}  // namespace mlp::js
