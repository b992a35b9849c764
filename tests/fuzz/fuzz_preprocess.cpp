// libFuzzer target: digit preprocessing (core/preprocess.cpp) on arbitrary
// canvases. Byte 0 and 1 give the canvas size (1–48 per side: the logic does not change with size, and small canvases keep the run fast), byte 2 how to
// read the rest: as 8-bit ink levels, or as raw float32 values (NaN, ±Inf,
// huge and negative values included), repeated to fill the canvas. A canvas
// is refused with InvalidArgument (non-finite ink) or gives an image in
// [0, 1] whose box and centre lie in the 28×28 field. Run: npm run fuzz.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "errors.hpp"
#include "expect.hpp"
#include "preprocess.hpp"

using namespace mlp;
using mlp::fuzz::expect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  const int width = 1 + data[0] % 48, height = 1 + data[1] % 48;
  const bool floats = data[2] & 1;
  const std::uint8_t* rest = data + 3;
  const std::size_t n = size - 3;
  std::vector<float> ink(static_cast<std::size_t>(width) * height);
  bool finite = true;
  for (std::size_t i = 0; i < ink.size(); ++i) {
    if (floats && n >= 4) {
      std::uint8_t b[4];
      for (std::size_t k = 0; k < 4; ++k) b[k] = rest[(4 * i + k) % n];
      std::memcpy(&ink[i], b, 4);
    } else {
      ink[i] = rest[i % n] / 255.0f;
    }
    finite = finite && std::isfinite(ink[i]);
  }
  DigitImage d;
  try {
    d = preprocess_digit(ink, width, height);
  } catch (const InvalidArgument&) {
    expect(!finite);
    return 0;
  }
  expect(finite);
  for (float v : d.pixels) expect(v >= 0.0f && v <= 1.0f);
  if (d.empty) return 0;
  expect(0 <= d.box_x0 && d.box_x0 < d.box_x1 && d.box_x1 <= kDigitSide);
  expect(0 <= d.box_y0 && d.box_y0 < d.box_y1 && d.box_y1 <= kDigitSide);
  expect(d.centre_x >= 0.0f && d.centre_x <= kDigitSide && d.centre_y >= 0.0f && d.centre_y <= kDigitSide);
  return 0;
}
