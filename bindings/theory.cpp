// Embind registrations for the theory lessons (activation functions,
// vanishing gradients, universal approximation): names and conversions
// only; the work is in core/. Contract: mlp.d.ts.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "activation_curves.hpp"
#include "convert.hpp"
#include "layer_probe.hpp"
#include "uat.hpp"

using namespace emscripten;
using namespace mlp;
using mlp::js::guard;
using mlp::js::to_js;
using mlp::js::vector_from_js;

namespace {

UatTarget uat_target_from_js(const val& js) {
  js::require_object(js, "target");
  UatTarget t;
  t.kind = uat_target_from_name(js::string_field(js, "name", "name", "sine"));
  if (t.kind == UatTargetKind::drawn) t.knots = vector_from_js<float>(js["knots"], "knots");
  return validated(t);
}

val sup_to_js(const SupError& s) {
  val out = val::object();
  out.set("error", s.error);
  out.set("at", s.at);
  return out;
}

val stats_to_js(const LayerStats& s) {
  val out = val::object();
  out.set("loss", s.loss);
  out.set("weightGradNorm", to_js<double>(s.weight_grad_norm));
  out.set("weightGradRms", to_js<double>(s.weight_grad_rms));
  out.set("biasGradNorm", to_js<double>(s.bias_grad_norm));
  out.set("activationMean", to_js<double>(s.activation_mean));
  out.set("activationStd", to_js<double>(s.activation_std));
  out.set("saturated", to_js<double>(s.saturated));
  out.set("bins", s.bins);
  out.set("range", to_js<float>(s.range));
  out.set("histogram", to_js<float>(s.histogram));
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(mlp_theory) {
  function("activationCurve", optional_override([](std::string name, double alpha, double z0, double z1, int samples,
                                                   double saturation) {
             return guard([&] {
               const ActivationSpec s{activation_from_name(name), static_cast<float>(alpha)};
               const ActivationCurve c = sample_activation(s, static_cast<float>(z0), static_cast<float>(z1), samples,
                                                           static_cast<float>(saturation));
               val out = val::object();
               out.set("z", to_js<float>(c.z));
               out.set("value", to_js<float>(c.value));
               out.set("derivative", to_js<float>(c.derivative));
               out.set("saturated", to_js<float>(c.saturated));
               return out;
             });
           }));

  class_<LayerProbe>("LayerProbe")
      .constructor(optional_override([](const Trainer& trainer, std::shared_ptr<Dataset> data, int rows, int bins,
                                        double saturation) {
        return guard([&] {
          return new LayerProbe(trainer.network().spec(), std::move(data), rows, bins,
                                static_cast<float>(saturation));
        });
      }), allow_raw_pointers())
      .function("rows", &LayerProbe::rows)
      .function("measure", optional_override([](LayerProbe& p, const Trainer& trainer) {
                  return guard([&] { return stats_to_js(p.measure(trainer.network().params())); });
                }));

  class_<UatFit>("UatFit")
      .constructor(optional_override([](int units, val target, double seed, double lr, val params) {
        return guard([&] {
          const std::vector<float> p =
              params.isUndefined() || params.isNull() ? std::vector<float>{} : vector_from_js<float>(params, "parameters");
          return new UatFit(units, uat_target_from_js(target), js::seed_from_js(seed, "seed"), static_cast<float>(lr), p);
        });
      }), allow_raw_pointers())
      .function("steps", optional_override([](UatFit& f, int k) { guard([&] { f.steps(k); }); }))
      .function("stepsTaken", optional_override([](const UatFit& f) { return static_cast<double>(f.steps_taken()); }))
      .function("units", &UatFit::units)
      .function("loss", &UatFit::loss)
      .function("parameters", optional_override([](const UatFit& f) { return to_js<float>(f.params()); }))
      .function("supError", optional_override([](const UatFit& f) { return sup_to_js(f.sup_error()); }))
      .function("bestSupError", &UatFit::best_sup_error)
      .function("bestStep", optional_override([](const UatFit& f) { return static_cast<double>(f.best_step()); }))
      .function("diverged", &UatFit::diverged);

  function("uatCurves", optional_override([](val params, int units, val target, int points) {
             return guard([&] {
               const UatCurves c = uat_curves(vector_from_js<float>(params, "parameters"), units, uat_target_from_js(target), points);
               val out = val::object();
               out.set("x", to_js<float>(c.x));
               out.set("target", to_js<float>(c.target));
               out.set("g", to_js<float>(c.g));
               out.set("contributions", to_js<float>(c.contributions));
               out.set("sup", sup_to_js(c.sup));
               return out;
             });
           }));

  function("uatInitialParameters", optional_override([](int units, double seed) {
             return guard([&] { return to_js<float>(uat_initial_parameters(units, js::seed_from_js(seed, "seed"))); });
           }));
}
