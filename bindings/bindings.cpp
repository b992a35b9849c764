// Embind registrations: names and conversions only; all work is in core/.
// The contract for JavaScript callers is documented in mlp.d.ts.
#include <emscripten/bind.h>
#ifdef __EMSCRIPTEN_PTHREADS__
#include <emscripten/em_asm.h>
#endif

#include <algorithm>
#include <memory>
#include <string>

#include "benchmark.hpp"
#include "convert.hpp"
#include "digits.hpp"
#include "evaluator.hpp"
#include "idx.hpp"
#include "int8_network.hpp"
#include "kernels/gemm.hpp"
#include "landscape.hpp"
#include "model_file.hpp"
#include "regression.hpp"
#include "surfaces.hpp"
#include "perceptron.hpp"
#include "synthetic.hpp"
#include "thread_pool.hpp"

using namespace emscripten;
using namespace mlp;
using mlp::js::guard;
using mlp::js::int_from_js;
using mlp::js::to_js;
using mlp::js::vector_from_js;

namespace {

using DatasetPtr = std::shared_ptr<Dataset>;

DatasetPtr share(Dataset d) { return std::make_shared<Dataset>(std::move(d)); }

val bench_seed(const std::string& optimizer, double batches, double infer, DatasetPtr data) {
  return guard([&] {
    const TrainBench b =
        bench_seed_mlp(optimizer, int_from_js(batches, "batches"), int_from_js(infer, "infer_examples"), data);
    val out = val::object();
    out.set("trainPerSecond", b.train_examples_per_second);
    out.set("inferPerSecond", b.infer_examples_per_second);
    out.set("finalLoss", b.final_loss);
    return out;
  });
}

// The threads this module runs on: in the pthread build, the caller plus
// every Web Worker Emscripten started with the module (PTHREAD_POOL_SIZE in
// CMakeLists.txt), or fewer if the factory was given { mlpThreads }. Never
// more: a thread beyond the started workers would wait for a Worker that
// loads only when the JS event loop turns. Fixed for the module's life (no
// setThreads): a joined thread's Worker also returns to Emscripten's pool
// only when the event loop turns.
int available_threads() {
#ifdef __EMSCRIPTEN_PTHREADS__
  const int started = EM_ASM_INT({ return PThread.unusedWorkers.length; }) + 1;
  const int asked = EM_ASM_INT({ return Module['mlpThreads'] | 0; });
  return std::clamp(asked > 0 ? asked : started, 1, std::min(started, kMaxThreads));
#else
  return 1;
#endif
}

}  // namespace

EMSCRIPTEN_BINDINGS(mlp_lab) {
  set_threads(available_threads());

  class_<Rng>("Rng")
      .constructor(optional_override([](double seed) {
        return guard([&] { return new Rng(js::seed_from_js(seed, "seed")); });
      }), allow_raw_pointers())
      .function("nextU32", optional_override([](Rng& r) { return r.next_u32(); }))
      .function("uniform", optional_override([](Rng& r) { return r.uniform(); }))
      .function("normal", optional_override([](Rng& r) { return r.normal(); }))
      .function("truncatedNormal", optional_override([](Rng& r, double mean, double sd) {
                  return guard([&] { return r.truncated_normal(mean, sd); });
                }))
      .function("below", optional_override([](Rng& r, double n) {
                  return guard([&] {
                    const std::uint64_t bound = js::seed_from_js(n, "n");
                    require(bound >= 1, "n", "be >= 1", n);
                    return static_cast<double>(r.below(bound));
                  });
                }));

  class_<Dataset>("Dataset")
      .smart_ptr<DatasetPtr>("DatasetPtr")
      .class_function("fromFloats", optional_override([](val x, double rows, double cols, val labels, double classes) {
                        return guard([&] {
                          return share(Dataset::from_floats(vector_from_js<float>(x, "features"), int_from_js(rows, "rows"),
                                                            int_from_js(cols, "cols"), vector_from_js<std::int32_t>(labels, "labels"),
                                                            int_from_js(classes, "classes")));
                        });
                      }))
      .class_function("fromBytes", optional_override([](val x, double rows, double cols, val labels, double classes) {
                        return guard([&] {
                          return share(Dataset::from_bytes(vector_from_js<std::uint8_t>(x, "features"), int_from_js(rows, "rows"),
                                                           int_from_js(cols, "cols"), vector_from_js<std::int32_t>(labels, "labels"),
                                                           int_from_js(classes, "classes")));
                        });
                      }))
      .class_function("logicGate", optional_override([](std::string gate) {
                        return guard([&] { return share(logic_gate(gate)); });
                      }))
      .class_function("gaussianBlobs", optional_override([](double n, double dim, double classes, double spread, double seed) {
                        return guard([&] {
                          return share(gaussian_blobs(int_from_js(n, {"n", "examples"}), int_from_js(dim, {"dim", "dimensions"}),
                                                      int_from_js(classes, "classes"), static_cast<float>(spread),
                                                      js::seed_from_js(seed, "seed")));
                        });
                      }))
      .class_function("twoMoons", optional_override([](double n, double noise, double seed) {
                        return guard([&] {
                          return share(two_moons(int_from_js(n, {"n", "examples"}), static_cast<float>(noise), js::seed_from_js(seed, "seed")));
                        });
                      }))
      .class_function("circles", optional_override([](double n, double noise, double seed) {
                        return guard([&] {
                          return share(circles(int_from_js(n, {"n", "examples"}), static_cast<float>(noise), js::seed_from_js(seed, "seed")));
                        });
                      }))
      .function("size", &Dataset::size)
      .function("features", &Dataset::features)
      .function("classes", &Dataset::classes)
      .function("labels", optional_override([](const Dataset& d) { return to_js(d.labels()); }))
      .function("featureRows", optional_override([](const Dataset& d, double first, double count) {
                  return guard([&] {
                    const auto rows = d.feature_rows(int_from_js(first, {"first", "first row"}), int_from_js(count, {"count", "row count"}));
                    return to_js<float>(rows);
                  });
                }))
      .function("slice", optional_override([](const Dataset& d, double first, double count) {
                  return guard([&] {
                    return share(d.slice(int_from_js(first, {"first", "slice start"}), int_from_js(count, {"count", "slice count"})));
                  });
                }));

  class_<Trainer>("Trainer")
      .constructor(optional_override([](val net, val train, DatasetPtr data) {
        return guard([&] { return new Trainer(js::mlp_spec_from_js(net), std::move(data), js::train_config_from_js(train)); });
      }), allow_raw_pointers())
      .function("trainBatches", optional_override([](Trainer& t, double k) {
                  return guard([&] { return js::report_to_js(t.train_batches(int_from_js(k, {"batches", "batches per call"}))); });
                }))
      .function("evaluate", optional_override([](Trainer& t, DatasetPtr d) {
                  return guard([&] { return js::eval_to_js(t.evaluate(js::deref(d))); });
                }))
      .function("predictLabels", optional_override([](Trainer& t, DatasetPtr d) {
                  return guard([&] {
                    const auto labels = t.predict_labels(js::deref(d));
                    return to_js<std::int32_t>(labels);
                  });
                }))
      .function("predict", optional_override([](Trainer& t, val x, double rows) {
                  return guard([&] { return js::predict_to_js(t.network(), x, rows, [&](auto in, auto out) { t.predict(in, out); }); });
                }))
      .function("layerOutputs", optional_override([](Trainer& t, val x, int rows) {
                  return guard([&] {
                    return js::layer_outputs_to_js(t.network(), x, rows, [&](auto in, auto out) { t.layer_outputs(in, out); });
                  });
                }))
      .function("parameters", optional_override([](const Trainer& t) { return to_js(t.network().params()); }))
      .function("setParameters", optional_override([](Trainer& t, val p) {
                  guard([&] { t.set_parameters(vector_from_js<float>(p, "parameters")); });
                }))
      .function("batchesPerEpoch", &Trainer::batches_per_epoch)
      .function("setOptimizer", optional_override([](Trainer& t, val config) {
                  guard([&] { t.set_optimizer(js::optimizer_from_js(config)); });
                }))
      .function("setBatchSize", optional_override([](Trainer& t, double n) {
                  guard([&] { t.set_batch_size(int_from_js(n, "batch_size")); });
                }))
      .function("setAugment", optional_override([](Trainer& t, val on) {
                  guard([&] { t.set_augment(js::bool_from_js(on, "augment")); });
                }))
      .function("setRegularization", optional_override([](Trainer& t, val config) {
                  guard([&] { t.set_regularization(js::regularization_from_js(config)); });
                }))
      .function("trainConfig", optional_override([](const Trainer& t) { return js::train_config_to_js(t.config()); }))
      .function("networkSpec", optional_override([](const Trainer& t) { return js::mlp_spec_to_js(t.network().spec()); }));

  // The rest of Network (and the digit path) is shared with the digit reader.
  js::register_digit_bindings()
      .function("evaluate", optional_override([](Network& n, DatasetPtr d) {
                  return guard([&] { return js::eval_to_js(n.evaluate(js::deref(d))); });
                }))
      .function("predictLabels", optional_override([](Network& n, DatasetPtr d) {
                  return guard([&] {
                    const auto labels = n.predict_labels(js::deref(d));
                    return to_js<std::int32_t>(labels);
                  });
                }));

  class_<Int8Network>("Int8Network")
      .constructor(optional_override([](val spec, val params) {
        return guard([&] { return new Int8Network(js::mlp_spec_from_js(spec), vector_from_js<float>(params, "parameters")); });
      }), allow_raw_pointers())
      .function("predictLabels", optional_override([](Int8Network& n, DatasetPtr d) {
                  return guard([&] {
                    const auto labels = n.predict_labels(js::deref(d));
                    return to_js<std::int32_t>(labels);
                  });
                }));

  function("parseMnist", optional_override([](val images, val labels) {
             return guard([&] {
               const IdxImages im = parse_idx_images(vector_from_js<std::uint8_t>(images, "images"));
               const IdxLabels lb = parse_idx_labels(vector_from_js<std::uint8_t>(labels, "labels"));
               check_idx_pair(im, lb);
               return share(Dataset::from_bytes(im.pixels, im.count, im.rows * im.cols, lb.labels, 10));
             });
           }));
  function("saveModel", optional_override([](val spec, val params, std::string metadata) {
             return guard([&] {
               const auto bytes = save_model(js::mlp_spec_from_js(spec), vector_from_js<float>(params, "parameters"), metadata);
               return to_js<std::uint8_t>(bytes);
             });
           }));
  function("trainPerceptron", optional_override([](DatasetPtr d, double lr, double max_epochs) {
             return guard([&] {
               const PerceptronResult r =
                   train_perceptron(js::deref(d), static_cast<float>(lr), int_from_js(max_epochs, "max_epochs"));
               val out = val::object();
               out.set("weights", to_js<float>(r.weights));
               out.set("errors", to_js<int>(r.errors));
               out.set("epochs", r.epochs);
               out.set("converged", r.converged);
               return out;
             });
           }));

  class_<SurfaceWalk>("SurfaceWalk")
      .constructor(optional_override([](val surface, val optimizer, double x, double y, double noise, double seed) {
        return guard([&] {
          return new SurfaceWalk(js::surface_from_js(surface), js::optimizer_from_js(optimizer), {x, y}, noise,
                                 js::seed_from_js(seed, "seed"));
        });
      }), allow_raw_pointers())
      .function("run", optional_override([](SurfaceWalk& w, double steps) {
                  return guard([&] {
                    const auto pts = w.run(int_from_js(steps, "steps"));
                    return to_js<double>(pts);
                  });
                }))
      .function("diverged", &SurfaceWalk::diverged)
      .function("steps", optional_override([](const SurfaceWalk& w) { return static_cast<double>(w.steps()); }))
      .function("loss", &SurfaceWalk::loss)
      .function("distanceToMinimum", &SurfaceWalk::distance_to_minimum);

  function("surfaceInfo", optional_override([](val surface) {
             return guard([&] { return js::surface_info_to_js(js::surface_from_js(surface)); });
           }));
  function("surfaceGrid", optional_override([](val surface, val bounds, double nx, double ny) {
             return guard([&] {
               const auto g = surface_grid(js::surface_from_js(surface), js::bounds_from_js(bounds),
                                           int_from_js(nx, {"nx", "grid columns"}), int_from_js(ny, {"ny", "grid rows"}));
               return to_js<float>(g);
             });
           }));

  class_<RegressionWalk>("RegressionWalk")
      .constructor(optional_override([](val data, double batch_size, val optimizer, val schedule, double t0, double t1,
                                        double seed) {
        return guard([&] {
          return new RegressionWalk(js::linear_data_from_js(data), int_from_js(batch_size, "batch_size"), js::optimizer_from_js(optimizer),
                                    js::schedule_from_js(schedule), {t0, t1}, js::seed_from_js(seed, "seed"));
        });
      }), allow_raw_pointers())
      .function("run", optional_override([](RegressionWalk& w, double steps) {
                  return guard([&] { return js::regression_steps_to_js(w.run(int_from_js(steps, "steps"))); });
                }))
      .function("diverged", &RegressionWalk::diverged)
      .function("batchesPerEpoch", &RegressionWalk::batches_per_epoch);

  function("linearData", optional_override([](double m, double intercept, double slope, double noise, double seed) {
             return guard([&] {
               return js::linear_data_to_js(
                   make_linear_data(int_from_js(m, {"m", "examples"}), intercept, slope, noise, js::seed_from_js(seed, "seed")));
             });
           }));
  function("normalEquation", optional_override([](val data) {
             return guard([&] {
               const Point2 p = normal_equation(js::linear_data_from_js(data));
               val out = val::array();
               out.call<void>("push", p.x);
               out.call<void>("push", p.y);
               return out;
             });
           }));
  function("regressionGrid", optional_override([](val data, val bounds, double nx, double ny) {
             return guard([&] {
               const auto g = regression_grid(js::linear_data_from_js(data), js::bounds_from_js(bounds),
                                              int_from_js(nx, {"nx", "grid columns"}), int_from_js(ny, {"ny", "grid rows"}));
               return to_js<float>(g);
             });
           }));

  class_<LossLandscape>("LossLandscape")
      .constructor(optional_override([](const Trainer& t, DatasetPtr data, double seed, double span, double resolution) {
        return guard([&] {
          js::deref(data);
          return new LossLandscape(t.network(), data, js::seed_from_js(seed, "seed"), span,
                                   int_from_js(resolution, {"resolution", "landscape resolution"}));
        });
      }), allow_raw_pointers())
      .function("computeRows", optional_override([](LossLandscape& l, double rows) {
                  return guard([&] { return l.compute_rows(int_from_js(rows, {"rows", "rows per call"})); });
                }))
      .function("done", &LossLandscape::done)
      .function("resolution", &LossLandscape::resolution)
      .function("values", optional_override([](const LossLandscape& l) { return to_js(l.values()); }))
      .function("project", optional_override([](const LossLandscape& l, val params) {
                  return guard([&] {
                    const Point2 p = l.project(vector_from_js<float>(params, "parameters"));
                    val out = val::array();
                    out.call<void>("push", p.x);
                    out.call<void>("push", p.y);
                    return out;
                  });
                }));

  function("perceptronPredict", optional_override([](val weights, val x, double rows_js) {
             return guard([&] {
               const auto w = vector_from_js<float>(weights, "weights");
               const auto in = vector_from_js<float>(x, "features");
               const int rows = int_from_js(rows_js, "rows");
               require_in_range(rows, 1, 1 << 20, "rows");
               if (in.size() % static_cast<std::size_t>(rows) != 0)
                 fail_arg({"features", "features length"}, "be a multiple of rows", in.size());
               const auto out = perceptron_predict_rows(w, ConstMatrixView(in.data(), rows, static_cast<int>(in.size() / rows)));
               return to_js<std::int32_t>(out);
             });
           }));

  function("benchGemm", optional_override([](std::string kernel, double m, double n, double k, bool ta, bool tb, double s) {
             return guard([&] {
               const GemmBench b = bench_gemm(kernel, int_from_js(m, "m"), int_from_js(n, "n"), int_from_js(k, "k"), ta, tb, s);
               val out = val::object();
               out.set("gflops", b.gflops);
               out.set("seconds", b.seconds);
               return out;
             });
           }));
  // Two arities (embind overloads by argument count): generated data, or the given set.
  function("benchSeedMlp", optional_override([](std::string optimizer, double batches, double infer) {
             return bench_seed(optimizer, batches, infer, nullptr);
           }));
  function("benchSeedMlp", optional_override([](std::string optimizer, double batches, double infer, DatasetPtr d) {
             return bench_seed(optimizer, batches, infer, d);
           }));
}
