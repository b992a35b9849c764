// Model files: round trip, and every kind of damage refused with a reason.
#include <catch2/catch.hpp>

#include "model_file.hpp"

using namespace mlp;

namespace {

MlpSpec spec() {
  MlpSpec s;
  s.inputs = 5;
  s.layers = {{4, {Activation::leaky_relu, 0.2f}}, {3, {Activation::identity, 0}}};
  return s;
}

std::vector<float> params() {
  std::vector<float> p((5 + 1) * 4 + (4 + 1) * 3);
  for (std::size_t i = 0; i < p.size(); ++i) p[i] = 0.01f * static_cast<float>(i) - 0.2f;
  return p;
}

}  // namespace

TEST_CASE("model files round-trip architecture, weights and metadata", "[model]") {
  const auto bytes = save_model(spec(), params(), "{\"note\":\"hi\"}");
  const ModelFile m = load_model(bytes);
  CHECK(m.spec.inputs == 5);
  REQUIRE(m.spec.layers.size() == 2);
  CHECK(m.spec.layers[0].units == 4);
  CHECK(m.spec.layers[0].activation.kind == Activation::leaky_relu);
  CHECK(m.spec.layers[0].activation.alpha == 0.2f);
  CHECK(m.params == params());
  CHECK(m.metadata == "{\"note\":\"hi\"}");
  CHECK(crc32(std::vector<std::uint8_t>{'1', '2', '3', '4', '5', '6', '7', '8', '9'}) == 0xCBF43926u);  // zlib's check value
}

TEST_CASE("damaged model files are refused with a reason", "[model][errors]") {
  const auto good = save_model(spec(), params());
  auto flip = good;
  flip[flip.size() / 2] ^= 0x40;
  CHECK_THROWS_WITH(load_model(flip), "model file: checksum mismatch: the file is corrupt");
  CHECK_THROWS_WITH(load_model(std::span(good).first(good.size() - 9)), Catch::Contains("truncated"));
  CHECK_THROWS_WITH(load_model(std::span(good).first(20)), Catch::Contains("truncated: ends inside the layer table"));
  auto magic = good;
  magic[0] = 'X';
  CHECK_THROWS_WITH(load_model(magic), "model file: not an MLP Lab model (it does not start with MLPL)");
  auto version = good;
  version[4] = 9;
  CHECK_THROWS_WITH(load_model(version), "model file: version 9 is not supported (this MLP Lab reads version 1)");
  auto units = good;
  units[16] = 0;  // first layer's units → 0
  CHECK_THROWS_WITH(load_model(units), Catch::Contains("bad architecture: units of hidden layer 1"));
  auto longer = good;
  longer.push_back(0);
  CHECK_THROWS_WITH(load_model(longer), "model file: has 1 unexpected trailing bytes");
  // A NaN weight is refused when saving, and (written by hand, checksum and
  // all) when loading.
  std::vector<float> nan = params();
  nan[3] = std::numeric_limits<float>::quiet_NaN();
  CHECK_THROWS_WITH(save_model(spec(), nan), "parameter 3 must be finite, got NaN");
  auto patched = good;
  const std::size_t p3 = good.size() - 4 - (params().size() - 3) * 4;
  const std::uint32_t nan_bits = 0x7FC00000u;
  for (int i = 0; i < 4; ++i) patched[p3 + i] = static_cast<std::uint8_t>(nan_bits >> (8 * i));
  const std::uint32_t crc = crc32(std::span(patched).first(patched.size() - 4));
  for (int i = 0; i < 4; ++i) patched[patched.size() - 4 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
  CHECK_THROWS_WITH(load_model(patched), "model file: contains a NaN or infinite weight");
  CHECK_THROWS_WITH(save_model(spec(), std::vector<float>(3)), Catch::Contains("parameter count must be 39"));
}
