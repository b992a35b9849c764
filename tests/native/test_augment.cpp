// Augmentation keeps a digit recognisable: mass stays near the centre, values
// stay in [0, 1], and the identity settings change nothing.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "augment.hpp"

using namespace mlp;

namespace {

// Every augmented 28×28 row: values in [0, 1], changed, still carrying more
// than `min_mass` of ink, its centre of mass within `max_offset` px of the middle.
void check_bounded_and_centred(const Matrix& x, const Matrix& original, double min_mass, double max_offset) {
  for (int r = 0; r < x.rows(); ++r) {
    double mass = 0, mx = 0, my = 0;
    bool changed = false;
    for (int i = 0; i < 784; ++i) {
      const float v = x(r, i);
      REQUIRE((v >= 0.0f && v <= 1.0f));
      mass += v, mx += v * (i % 28 + 0.5), my += v * (i / 28 + 0.5);
      changed = changed || v != original(r, i);
    }
    INFO("row " << r);
    CHECK(changed);
    CHECK(mass > min_mass);
    CHECK(std::abs(mx / mass - 14) <= max_offset);
    CHECK(std::abs(my / mass - 14) <= max_offset);
  }
}

}  // namespace

TEST_CASE("augmentation is bounded and the zero setting is the identity", "[augment]") {
  Matrix x(8, 784);
  for (int r = 0; r < 8; ++r)
    for (int y = 8; y < 20; ++y)
      for (int c = 12; c < 16; ++c) x(r, y * 28 + c) = 1.0f;  // a vertical bar "1"
  const Matrix original = x;
  std::vector<float> scratch(784);
  Rng rng(3);
  AugmentConfig none;
  none.enabled = true, none.max_rotation_deg = 0, none.max_scale = 0, none.max_shift = 0, none.thickness_prob = 0;
  augment_images(x, 28, none, rng, scratch);
  for (int i = 0; i < 784; ++i) CHECK(x(0, i) == Approx(original(0, i)).margin(1e-6));

  AugmentConfig c;
  c.enabled = true;
  augment_images(x, 28, c, rng, scratch);
  check_bounded_and_centred(x, original, 20, 3.5);
}

TEST_CASE("augmentation settings are validated", "[augment][errors]") {
  AugmentConfig c;
  c.enabled = true;
  CHECK_THROWS_WITH(validate_augment(c, 783), "augmented inputs must be a square image, got 783");
  c.max_rotation_deg = 90;
  CHECK_THROWS_WITH(validate_augment(c, 784), "max_rotation_deg must be in [0, 45], got 90");
}

TEST_CASE("the Draw profile (slant, aspect, elastic, strokes, re-prepared) keeps digits bounded and centred", "[augment]") {
  Matrix x(16, 784);
  for (int r = 0; r < 16; ++r)
    for (int y = 4; y < 24; ++y)
      for (int c = 12; c < 15; ++c) x(r, y * 28 + c) = 1.0f;  // a "1" 20 px tall
  const Matrix original = x;
  std::vector<float> scratch(784);
  Rng rng(7);
  const AugmentConfig c = draw_augment();
  REQUIRE_NOTHROW(validate_augment(c, 784));
  augment_images(x, 28, c, rng, scratch);
  check_bounded_and_centred(x, original, 15, 4);
  AugmentConfig bad = c;
  bad.max_shear = 2;
  CHECK_THROWS_WITH(validate_augment(bad, 784), "max_shear must be in [0, 1], got 2");
}
