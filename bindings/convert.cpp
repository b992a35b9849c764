#include "convert.hpp"

namespace mlp::js {

double number_field(const val& obj, const char* key, double fallback, bool required) {
  const val v = obj[key];
  if (v.isUndefined()) {
    if (required) throw InvalidArgument(std::string(key) + " is required");
    return fallback;
  }
  if (!v.isNumber()) throw InvalidArgument(std::string(key) + " must be a number");
  return v.as<double>();
}

int int_field(const val& obj, const char* key, int fallback, bool required) {
  const double d = number_field(obj, key, fallback, required);
  require(std::isfinite(d) && std::floor(d) == d && std::abs(d) < 2147483648.0, key, "be an integer", d);
  return static_cast<int>(d);
}

std::string string_field(const val& obj, const char* key, const std::string& fallback) {
  const val v = obj[key];
  if (v.isUndefined()) return fallback;
  if (!v.isString()) throw InvalidArgument(std::string(key) + " must be a string");
  return v.as<std::string>();
}

MlpSpec mlp_spec_from_js(const val& js) {
  if (js.typeOf().as<std::string>() != "object" || js.isNull()) throw InvalidArgument("network spec must be an object");
  MlpSpec spec;
  spec.inputs = int_field(js, "inputs", 0, true);
  const val layers = js["layers"];
  if (!layers.isArray()) throw InvalidArgument("layers must be an array of {units, activation}");
  const auto n = layers["length"].as<unsigned>();
  if (n == 0 || n > kMaxHiddenLayers + 1)
    fail_arg("layers", "hold 1 to " + std::to_string(kMaxHiddenLayers + 1) + " entries (hidden + output)", n);
  for (unsigned i = 0; i < n; ++i) {
    const val l = layers[i];
    LayerSpec ls;
    ls.units = int_field(l, "units", 0, true);
    ls.activation.kind = activation_from_name(string_field(l, "activation", "identity"));
    ls.activation.alpha = static_cast<float>(number_field(l, "alpha", 0.0));
    spec.layers.push_back(ls);
  }
  spec.loss = loss_from_name(string_field(js, "loss", "softmax_cross_entropy"));
  spec.init = init_from_name(string_field(js, "init", "truncated_normal"));
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
  return js;
}

TrainConfig train_config_from_js(const val& js) {
  if (js.typeOf().as<std::string>() != "object" || js.isNull()) throw InvalidArgument("training config must be an object");
  TrainConfig c;
  c.batch_size = int_field(js, "batchSize", 50);
  OptimizerConfig& o = c.optimizer;
  o.kind = optimizer_from_name(string_field(js, "optimizer", "sgd"));
  o.learning_rate = static_cast<float>(number_field(js, "learningRate", 0.01));
  o.momentum = static_cast<float>(number_field(js, "momentum", o.momentum));
  o.rho = static_cast<float>(number_field(js, "rho", o.rho));
  o.beta1 = static_cast<float>(number_field(js, "beta1", o.beta1));
  o.beta2 = static_cast<float>(number_field(js, "beta2", o.beta2));
  o.epsilon = static_cast<float>(number_field(js, "epsilon", 0.0));
  c.shuffle_seed = seed_from_js(number_field(js, "shuffleSeed", 1.0), "shuffleSeed");
  const val augment = js["augment"];
  if (!augment.isUndefined() && !augment.isTrue() && !augment.isFalse())
    throw InvalidArgument("augment must be true or false");
  c.augment.enabled = augment.isTrue();
  return c;
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
  return js;
}

}  // namespace mlp::js
