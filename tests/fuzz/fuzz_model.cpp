// libFuzzer target: the model file reader (core/model_file.cpp) on arbitrary
// bytes. A file is either refused with InvalidArgument or accepted, and an
// accepted model saves to a file that loads to the same model (and saves to
// the same bytes again) and builds a Network that predicts. Any other
// exception, a crash or a sanitizer report is a finding. Run: npm run fuzz.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "errors.hpp"
#include "expect.hpp"
#include "evaluator.hpp"
#include "model_file.hpp"

using namespace mlp;
using mlp::fuzz::expect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ModelFile m;
  try {
    m = load_model(std::span<const std::uint8_t>(data, size));
  } catch (const InvalidArgument&) {
    return 0;
  }
  // Loading normalises (e.g. a leaky ReLU's alpha 0 becomes 0.01), so the
  // first save may differ from the input; from then on it is a fixed point.
  const std::vector<std::uint8_t> saved = save_model(m.spec, m.params, m.metadata);
  const ModelFile again = load_model(saved);
  expect(again.params == m.params && again.metadata == m.metadata);
  expect(save_model(again.spec, again.params, again.metadata) == saved);
  Network net(m.spec, m.params);
  std::vector<float> x(static_cast<std::size_t>(net.mlp().inputs()), 0.5f);
  std::vector<float> out(static_cast<std::size_t>(net.mlp().outputs()));
  net.predict(ConstMatrixView(x.data(), 1, net.mlp().inputs()), MatrixView(out.data(), 1, net.mlp().outputs()));
  return 0;
}
