// Embind registrations for the lessons (McCulloch–Pitts units, Hebb's and
// Rosenblatt's rules step by step, the convergence theorem, backprop laid
// open): names and conversions only; the work is in core/. Contract: mlp.d.ts.
#include <emscripten/bind.h>

#include <string>

#include "backprop_trace.hpp"
#include "convert.hpp"
#include "hebb.hpp"
#include "perceptron_margin.hpp"
#include "perceptron_steps.hpp"
#include "threshold_logic.hpp"

using namespace emscripten;
using namespace mlp;
using mlp::js::guard;
using mlp::js::int_from_js;
using mlp::js::to_js;
using mlp::js::vector_from_js;

namespace {

// The examples' array (x) as messages name it: features for the perceptron
// lessons, inputs for backprop.
constexpr Field kFeaturesLength{"x", "features length"};
constexpr Field kInputs{"x", "inputs"};

// Features crossing as rows × (length / rows), rows given by the labels or targets.
ConstMatrixView rows_of(const std::vector<float>& x, std::size_t rows, const Field& field) {
  if (rows == 0 || x.size() % rows != 0) fail_arg(field, "hold a whole number of rows (" + std::to_string(rows) + ")", x.size());
  return {x.data(), static_cast<int>(rows), static_cast<int>(x.size() / rows)};
}

ThresholdNetwork threshold_network_from_js(const val& js) {
  js::require_object(js, "network");
  ThresholdNetwork net;
  net.inputs = js::int_field(js, "inputs", "inputs", 0, true);
  const val units = js["units"];
  if (!units.isArray()) throw InvalidArgument("units must be an array of {synapses, threshold}", "units");
  const auto n = units["length"].as<unsigned>();
  require_in_range(n, 1, kMaxThresholdUnits, {"units", "threshold network units"});
  for (unsigned u = 0; u < n; ++u) {
    const std::string at = "units[" + std::to_string(u) + "]";
    const val unit_js = units[u];
    js::require_object(unit_js, {"units", at});
    ThresholdUnit unit;
    unit.synapses = vector_from_js<std::int32_t>(unit_js["synapses"], at + ".synapses");
    unit.threshold = js::int_field(unit_js, "threshold", at + ".threshold", 0, true);
    net.units.push_back(std::move(unit));
  }
  return net;
}

val walk_to_js(const std::vector<PerceptronStep>& steps, int inputs) {
  std::vector<std::int32_t> example, epoch, predicted, target, error;
  std::vector<float> z, x_hat, before, delta, after;
  for (const PerceptronStep& s : steps) {
    example.push_back(s.example), epoch.push_back(s.epoch), predicted.push_back(s.predicted);
    target.push_back(s.target), error.push_back(s.error), z.push_back(s.z);
    x_hat.insert(x_hat.end(), s.x_hat.begin(), s.x_hat.end());
    before.insert(before.end(), s.before.begin(), s.before.end());
    delta.insert(delta.end(), s.delta.begin(), s.delta.end());
    after.insert(after.end(), s.after.begin(), s.after.end());
  }
  val out = val::object();
  out.set("inputs", inputs);
  out.set("steps", static_cast<int>(steps.size()));
  out.set("example", to_js<std::int32_t>(example));
  out.set("epoch", to_js<std::int32_t>(epoch));
  out.set("xHat", to_js<float>(x_hat));
  out.set("z", to_js<float>(z));
  out.set("predicted", to_js<std::int32_t>(predicted));
  out.set("target", to_js<std::int32_t>(target));
  out.set("error", to_js<std::int32_t>(error));
  out.set("before", to_js<float>(before));
  out.set("delta", to_js<float>(delta));
  out.set("after", to_js<float>(after));
  out.set("converged", !steps.empty() && steps.back().converged);
  return out;
}

val trace_to_js(const BackpropTrace& t) {
  val layers = val::array();
  for (const LayerTrace& l : t.layers) {
    val o = val::object();
    o.set("s", to_js<double>(l.s));
    o.set("x", to_js<double>(l.x));
    o.set("dEdx", to_js<double>(l.dE_dx));
    o.set("dxds", to_js<double>(l.dx_ds));
    o.set("dEds", to_js<double>(l.dE_ds));
    o.set("dEdw", to_js<double>(l.dE_dw));
    layers.call<void>("push", o);
  }
  val out = val::object();
  out.set("input", to_js<double>(t.input));
  out.set("target", to_js<double>(t.target));
  out.set("layers", layers);
  out.set("loss", t.loss);
  out.set("gradient", to_js<double>(t.gradient));
  out.set("updated", to_js<float>(t.updated));
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(mlp_lessons) {
  function("thresholdTruthTable", optional_override([](val net) {
             return guard([&] {
               const auto table = threshold_truth_table(threshold_network_from_js(net));
               return to_js<std::uint8_t>(table);
             });
           }));

  function("hebbVsPerceptron", optional_override([](val x, val labels, double lr, double presentations) {
             return guard([&] {
               const auto xs = vector_from_js<float>(x, {"x", "features"});
               const auto ys = vector_from_js<std::int32_t>(labels, "labels");
               const HebbVsPerceptron r = hebb_vs_perceptron(rows_of(xs, ys.size(), kFeaturesLength), ys, static_cast<float>(lr),
                                                             int_from_js(presentations, "presentations"));
               val out = val::object();
               out.set("inputs", r.inputs);
               out.set("example", to_js<std::int32_t>(r.example));
               out.set("hebbDelta", to_js<float>(r.hebb_delta));
               out.set("hebbWeights", to_js<float>(r.hebb_weights));
               out.set("perceptronDelta", to_js<float>(r.perceptron_delta));
               out.set("perceptronWeights", to_js<float>(r.perceptron_weights));
               out.set("perceptronPredicted", to_js<std::int32_t>(r.perceptron_predicted));
               out.set("hebbCorrect", to_js<std::int32_t>(r.hebb_correct));
               out.set("perceptronCorrect", to_js<std::int32_t>(r.perceptron_correct));
               return out;
             });
           }));

  function("perceptronWalk", optional_override([](val x, val labels, double lr, double max_epochs) {
             return guard([&] {
               const auto xs = vector_from_js<float>(x, {"x", "features"});
               const auto ys = vector_from_js<std::int32_t>(labels, "labels");
               const ConstMatrixView m = rows_of(xs, ys.size(), kFeaturesLength);
               return walk_to_js(perceptron_walk(m, ys, static_cast<float>(lr), int_from_js(max_epochs, "max_epochs")), m.cols);
             });
           }));

  function("perceptronCycle", optional_override([](val x, val labels, double lr, double max_epochs) {
             return guard([&] {
               const auto xs = vector_from_js<float>(x, {"x", "features"});
               const auto ys = vector_from_js<std::int32_t>(labels, "labels");
               const PerceptronCycle c = find_perceptron_cycle(rows_of(xs, ys.size(), kFeaturesLength), ys,
                                                               static_cast<float>(lr), int_from_js(max_epochs, "max_epochs"));
               val out = val::object();
               out.set("converged", c.converged);
               out.set("epochs", c.epochs);
               out.set("start", c.start);
               out.set("length", c.length);
               out.set("updatesPerCycle", c.updates_per_cycle);
               out.set("epochWeights", to_js<float>(c.epoch_weights));
               out.set("cyclePath", to_js<float>(c.cycle_path));
               return out;
             });
           }));

  function("separablePoints", optional_override([](double n, double margin, double seed) {
             return guard([&] {
               const SeparableSet s =
                   separable_points(int_from_js(n, "points"), static_cast<float>(margin), js::seed_from_js(seed, "seed"));
               val normal = val::array();
               normal.call<void>("push", js::float_to_js(s.normal[0]));
               normal.call<void>("push", js::float_to_js(s.normal[1]));
               val out = val::object();
               out.set("x", to_js<float>(s.x));
               out.set("labels", to_js<std::int32_t>(s.labels));
               out.set("normal", normal);
               out.set("offset", js::float_to_js(s.offset));
               out.set("margin", s.margin);
               return out;
             });
           }));

  function("perceptronMarginStudy", optional_override([](val margins, double sets, double points, double seed, double lr,
                                                         double max_epochs) {
             return guard([&] {
               const auto ms = vector_from_js<float>(margins, "margins");
               const MarginStudy st =
                   perceptron_margin_study(ms, int_from_js(sets, {"sets", "sets per margin"}), int_from_js(points, "points"),
                                           js::seed_from_js(seed, "seed"), static_cast<float>(lr),
                                           int_from_js(max_epochs, "max_epochs"));
               val out = val::object();
               out.set("margins", to_js<float>(st.margins));
               out.set("sets", st.sets);
               out.set("updates", to_js<std::int32_t>(st.updates));
               out.set("bounds", to_js<double>(st.bounds));
               return out;
             });
           }));

  function("initialParameters", optional_override([](val spec) {
             return guard([&] {
               const Mlp net(js::mlp_spec_from_js(spec));
               return to_js<float>(net.params());
             });
           }));

  function("backpropTrace", optional_override([](val spec, val params, val x, val target, double lr) {
             return guard([&] {
               return trace_to_js(backprop_trace(js::mlp_spec_from_js(spec), vector_from_js<float>(params, "parameters"),
                                                 vector_from_js<float>(x, kInputs), vector_from_js<float>(target, "targets"),
                                                 static_cast<float>(lr)));
             });
           }));

  function("finiteDifferenceGradient", optional_override([](val spec, val params, val x, val target, double h) {
             return guard([&] {
               const auto g = finite_difference_gradient(js::mlp_spec_from_js(spec), vector_from_js<float>(params, "parameters"),
                                                         vector_from_js<float>(x, kInputs),
                                                         vector_from_js<float>(target, "targets"), h);
               return to_js<double>(g);
             });
           }));

  function("backpropTrain", optional_override([](val spec, val params, val x, val targets, double rows_js, double lr,
                                                 double first, double steps) {
             return guard([&] {
               const auto xs = vector_from_js<float>(x, kInputs);
               const auto ts = vector_from_js<float>(targets, "targets");
               const int rows = int_from_js(rows_js, {"rows", "examples"});
               require_in_range(rows, 1, 1024, {"rows", "examples"});
               const BackpropTraining r =
                   backprop_train(js::mlp_spec_from_js(spec), vector_from_js<float>(params, "parameters"),
                                  rows_of(xs, static_cast<std::size_t>(rows), {"x", "inputs length"}),
                                  rows_of(ts, static_cast<std::size_t>(rows), {"targets", "targets length"}),
                                  static_cast<float>(lr), int_from_js(first, {"first", "first example"}),
                                  int_from_js(steps, "steps"));
               val out = val::object();
               out.set("parameters", to_js<float>(r.params));
               out.set("losses", to_js<double>(r.losses));
               out.set("meanLoss", r.mean_loss);
               out.set("diverged", r.diverged);
               out.set("message", r.message);
               return out;
             });
           }));
}
