#include "idx.hpp"

#include <string>

#include "errors.hpp"

namespace mlp {
namespace {

constexpr std::uint32_t kImagesMagic = 2051, kLabelsMagic = 2049;

std::uint32_t be32(std::span<const std::uint8_t> b, std::size_t at) {
  return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) |
         std::uint32_t{b[at + 3]};
}

void put_be32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<std::uint8_t>(v >> s));
}

// Which file a message is about, and its field: the argument names of parseMnist.
struct IdxFile {
  const char* what;
  const char* field;
};
constexpr IdxFile kImagesFile{"IDX images", "images"}, kLabelsFile{"IDX labels", "labels"};

[[noreturn]] void bad(const IdxFile& file, const std::string& why) {
  throw InvalidArgument(std::string(file.what) + ": " + why, file.field);
}

std::string magic_hint(std::uint32_t magic) {
  if (magic == kImagesMagic) return " (that is an image file)";
  if (magic == kLabelsMagic) return " (that is a label file)";
  if ((magic >> 16) == 0x1f8b) return " (the file is still gzip-compressed)";
  return "";
}

}  // namespace

IdxImages parse_idx_images(std::span<const std::uint8_t> b) {
  const IdxFile& what = kImagesFile;
  // The magic number first: a wrong kind of file is the likelier mistake.
  if (b.size() >= 4 && be32(b, 0) != kImagesMagic)
    bad(what, "magic number must be 2051, got " + std::to_string(be32(b, 0)) + magic_hint(be32(b, 0)));
  if (b.size() < 16) bad(what, "file is " + std::to_string(b.size()) + " bytes, shorter than the 16-byte header");
  const std::uint32_t count = be32(b, 4), rows = be32(b, 8), cols = be32(b, 12);
  if (count == 0 || count > 10'000'000) bad(what, "image count must be 1 to 10000000, got " + std::to_string(count));
  if (rows == 0 || rows > 1024 || cols == 0 || cols > 1024)
    bad(what, "image size must be 1 to 1024 per side, got " + std::to_string(rows) + "x" + std::to_string(cols));
  const std::uint64_t want = std::uint64_t{count} * rows * cols;
  if (b.size() - 16 != want) {
    using std::to_string;
    bad(what, "header says " + to_string(count) + " images of " + to_string(rows) + "x" + to_string(cols) + " = " +
                  to_string(want) + " bytes of pixels, found " + to_string(b.size() - 16) +
                  (b.size() - 16 < want ? " (file truncated)" : " (trailing bytes)"));
  }
  IdxImages out;
  out.count = static_cast<int>(count), out.rows = static_cast<int>(rows), out.cols = static_cast<int>(cols);
  out.pixels.assign(b.begin() + 16, b.end());
  return out;
}

IdxLabels parse_idx_labels(std::span<const std::uint8_t> b, int classes) {
  const IdxFile& what = kLabelsFile;
  // The magic number first: a wrong kind of file is the likelier mistake.
  if (b.size() >= 4 && be32(b, 0) != kLabelsMagic)
    bad(what, "magic number must be 2049, got " + std::to_string(be32(b, 0)) + magic_hint(be32(b, 0)));
  if (b.size() < 8) bad(what, "file is " + std::to_string(b.size()) + " bytes, shorter than the 8-byte header");
  const std::uint32_t count = be32(b, 4);
  if (count == 0 || count > 10'000'000) bad(what, "label count must be 1 to 10000000, got " + std::to_string(count));
  if (b.size() - 8 != count) {
    bad(what, "header says " + std::to_string(count) + " labels, found " + std::to_string(b.size() - 8) +
                  (b.size() - 8 < count ? " (file truncated)" : " (trailing bytes)"));
  }
  IdxLabels out;
  out.labels.reserve(count);
  for (std::size_t i = 8; i < b.size(); ++i) {
    if (b[i] >= classes)
      bad(what, "label " + std::to_string(i - 8) + " is " + std::to_string(b[i]) + ", must be below " +
                    std::to_string(classes));
    out.labels.push_back(b[i]);
  }
  return out;
}

void check_idx_pair(const IdxImages& images, const IdxLabels& labels) {
  if (static_cast<std::size_t>(images.count) != labels.labels.size())
    throw InvalidArgument("IDX images and labels disagree: " + std::to_string(images.count) + " images but " +
                          std::to_string(labels.labels.size()) + " labels",
                          "labels");
}

std::vector<std::uint8_t> write_idx_images(const IdxImages& im) {
  std::vector<std::uint8_t> out;
  put_be32(out, kImagesMagic);
  put_be32(out, static_cast<std::uint32_t>(im.count));
  put_be32(out, static_cast<std::uint32_t>(im.rows));
  put_be32(out, static_cast<std::uint32_t>(im.cols));
  out.insert(out.end(), im.pixels.begin(), im.pixels.end());
  return out;
}

std::vector<std::uint8_t> write_idx_labels(const IdxLabels& l) {
  std::vector<std::uint8_t> out;
  put_be32(out, kLabelsMagic);
  put_be32(out, static_cast<std::uint32_t>(l.labels.size()));
  for (std::int32_t v : l.labels) out.push_back(static_cast<std::uint8_t>(v));
  return out;
}

}  // namespace mlp
