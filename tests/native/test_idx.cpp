// The IDX reader on good data and on crafted bad data.
#include <catch2/catch.hpp>

#include "idx.hpp"

using namespace mlp;

namespace {

IdxImages three_images() {
  IdxImages im;
  im.count = 3, im.rows = 2, im.cols = 4;
  for (int i = 0; i < 24; ++i) im.pixels.push_back(static_cast<std::uint8_t>(i * 10));
  return im;
}

}  // namespace

TEST_CASE("IDX images and labels round-trip", "[idx]") {
  const IdxImages im = parse_idx_images(write_idx_images(three_images()));
  CHECK(im.count == 3);
  CHECK(im.rows == 2);
  CHECK(im.cols == 4);
  CHECK(im.pixels == three_images().pixels);
  IdxLabels l;
  l.labels = {5, 0, 4};
  const auto bytes = write_idx_labels(l);
  CHECK(bytes[3] == 0x01);  // 2049 = 0x00000801, big-endian
  CHECK(parse_idx_labels(bytes).labels == l.labels);
  CHECK_NOTHROW(check_idx_pair(im, parse_idx_labels(bytes)));
}

TEST_CASE("IDX reader refuses bad files with a specific message", "[idx][errors]") {
  auto img = write_idx_images(three_images());
  IdxLabels l;
  l.labels = {1, 2, 3};
  auto lab = write_idx_labels(l);

  CHECK_THROWS_WITH(parse_idx_images(std::span(img).first(10)),
                    "IDX images: file is 10 bytes, shorter than the 16-byte header");
  CHECK_THROWS_WITH(parse_idx_images(std::span(img).first(30)),
                    "IDX images: header says 3 images of 2x4 = 24 bytes of pixels, found 14 (file truncated)");
  auto longer = img;
  longer.push_back(0);
  CHECK_THROWS_WITH(parse_idx_images(longer), Catch::Contains("(trailing bytes)"));
  CHECK_THROWS_WITH(parse_idx_images(lab), Catch::Contains("magic number must be 2051, got 2049 (that is a label file)"));
  CHECK_THROWS_WITH(parse_idx_labels(img), Catch::Contains("magic number must be 2049, got 2051 (that is an image file)"));
  auto gz = img;
  gz[0] = 0x1f, gz[1] = 0x8b;
  CHECK_THROWS_WITH(parse_idx_images(gz), Catch::Contains("still gzip-compressed"));
  auto zero = img;
  zero[8] = zero[9] = zero[10] = zero[11] = 0;
  CHECK_THROWS_WITH(parse_idx_images(zero), "IDX images: image size must be 1 to 1024 per side, got 0x4");
  CHECK_THROWS_WITH(parse_idx_labels(std::span(lab).first(9)),
                    "IDX labels: header says 3 labels, found 1 (file truncated)");
  auto bad_label = lab;
  bad_label[9] = 12;
  CHECK_THROWS_WITH(parse_idx_labels(bad_label), "IDX labels: label 1 is 12, must be below 10");
  IdxLabels two;
  two.labels = {1, 2};
  CHECK_THROWS_WITH(check_idx_pair(three_images(), two), "IDX images and labels disagree: 3 images but 2 labels");
}
