// libFuzzer target: the IDX reader (core/idx.cpp) on arbitrary bytes. The
// first two bytes say where the images file ends and the labels file begins.
// A file is either refused with InvalidArgument or accepted exactly as its
// header promises (it writes back byte for byte); any other exception, a
// crash or a sanitizer report is a finding. Run: npm run fuzz.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

#include "dataset.hpp"
#include "errors.hpp"
#include "expect.hpp"
#include "idx.hpp"

using namespace mlp;
using mlp::fuzz::expect;

namespace {

bool same(const std::vector<std::uint8_t>& a, std::span<const std::uint8_t> b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t split = std::min<std::size_t>(size - 2, data[0] | (std::size_t{data[1]} << 8));
  const std::span<const std::uint8_t> image_bytes(data + 2, split), label_bytes(data + 2 + split, size - 2 - split);
  IdxImages images;
  IdxLabels labels;
  bool have_images = false, have_labels = false;
  try {
    images = parse_idx_images(image_bytes);
    expect(images.pixels.size() == static_cast<std::size_t>(images.count) * images.rows * images.cols);
    expect(same(write_idx_images(images), image_bytes));
    have_images = true;
  } catch (const InvalidArgument&) {
  }
  try {
    labels = parse_idx_labels(label_bytes);
    expect(static_cast<std::size_t>(labels.labels.size()) + 8 == label_bytes.size());
    for (std::int32_t l : labels.labels) expect(l >= 0 && l < 10);
    expect(same(write_idx_labels(labels), label_bytes));
    have_labels = true;
  } catch (const InvalidArgument&) {
  }
  if (have_images && have_labels) {
    try {
      check_idx_pair(images, labels);
      const Dataset d = Dataset::from_bytes(images.pixels, images.count, images.rows * images.cols, labels.labels, 10);
      expect(d.size() == images.count);
    } catch (const InvalidArgument&) {
    }
  }
  return 0;
}
