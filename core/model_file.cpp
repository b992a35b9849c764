#include "model_file.hpp"

#include <array>
#include <cmath>
#include <cstring>

#include "errors.hpp"
#include "quantize.hpp"

namespace mlp {
namespace {

constexpr char kMagic[4] = {'M', 'L', 'P', 'L'};

[[noreturn]] void bad(const std::string& why) { throw InvalidArgument("model file: " + why, "bytes"); }

class Writer {
 public:
  void u32(std::uint32_t v) {
    for (int s = 0; s < 32; s += 8) out.push_back(static_cast<std::uint8_t>(v >> s));
  }
  void f32(float f) {
    std::uint32_t v;
    std::memcpy(&v, &f, 4);
    u32(v);
  }
  std::vector<std::uint8_t> out;
};

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> b) : b_(b) {}
  std::uint32_t u32(const char* what) {
    need(4, what);
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= std::uint32_t{b_[at_ + i]} << (8 * i);
    at_ += 4;
    return v;
  }
  float f32(const char* what) {
    const std::uint32_t v = u32(what);
    float f;
    std::memcpy(&f, &v, 4);
    return f;
  }
  std::span<const std::uint8_t> bytes(std::size_t n, const char* what) {
    need(n, what);
    const auto s = b_.subspan(at_, n);
    at_ += n;
    return s;
  }
  std::size_t at() const { return at_; }

 private:
  void need(std::size_t n, const char* what) {
    if (b_.size() - at_ < n)
      bad(std::string("truncated: ends inside the ") + what + " (file is " + std::to_string(b_.size()) + " bytes)");
  }
  std::span<const std::uint8_t> b_;
  std::size_t at_ = 0;
};

const std::array<std::uint32_t, 256>& crc_table() {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  return table;
}

constexpr std::uint32_t kInt8PerUnit = 1;  // the only version-2 encoding so far

// Calls fn(W_l, b_l) for every layer, as views into the flat parameters.
template <class Params, class Fn>
void for_each_layer(const MlpSpec& s, Params* params, Fn&& fn) {
  int fan_in = s.inputs;
  for (const LayerSpec& l : s.layers) {
    const auto weights = static_cast<std::size_t>(fan_in) * l.units;
    fn(fan_in, l.units, params, params + weights);
    params += weights + static_cast<std::size_t>(l.units);
    fan_in = l.units;
  }
}

// Bytes of the weights section after the encoding field: per layer scales,
// int8 W and biases.
std::size_t int8_body_bytes(const MlpSpec& s) {
  std::size_t n = 0;
  int fan_in = s.inputs;
  for (const LayerSpec& l : s.layers) {
    n += static_cast<std::size_t>(fan_in) * l.units + 8 * static_cast<std::size_t>(l.units);
    fan_in = l.units;
  }
  return n;
}

void write_int8_body(Writer& w, const MlpSpec& spec, std::span<const float> params) {
  for (float p : params)
    if (!std::isfinite(p)) throw InvalidArgument("parameters must all be finite to be quantized");
  w.u32(kInt8PerUnit);
  for_each_layer(spec, params.data(), [&](int fan_in, int units, const float* wl, const float* bl) {
    const Int8Weights q = quantize_int8_per_unit(ConstMatrixView(wl, fan_in, units));
    for (float scale : q.scales) w.f32(scale);
    for (std::int8_t v : q.values) w.out.push_back(static_cast<std::uint8_t>(v));
    for (int j = 0; j < units; ++j) w.f32(bl[j]);
  });
}

void read_int8_body(Reader& r, const MlpSpec& spec, std::vector<float>& params) {
  for_each_layer(spec, params.data(), [&](int fan_in, int units, float* wl, float* bl) {
    Int8Weights q;
    q.rows = fan_in;
    q.cols = units;
    for (int j = 0; j < units; ++j) q.scales.push_back(r.f32("weight scales"));
    for (float scale : q.scales)
      if (!std::isfinite(scale) || scale < 0.0f) bad("has a negative or non-finite weight scale");
    const auto bytes = r.bytes(static_cast<std::size_t>(fan_in) * units, "int8 weights");
    q.values.assign(bytes.begin(), bytes.end());  // u8 -> i8: two's complement (C++20)
    dequantize_int8_per_unit(q, MatrixView(wl, fan_in, units));
    for (int j = 0; j < units; ++j) bl[j] = r.f32("biases");
  });
}

}  // namespace

std::uint32_t crc32(std::span<const std::uint8_t> bytes) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::uint8_t b : bytes) c = crc_table()[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::vector<std::uint8_t> save_model(const MlpSpec& spec_in, std::span<const float> params,
                                     const std::string& metadata, WeightEncoding encoding) {
  const MlpSpec spec = validated(spec_in);
  if (params.size() != parameter_count(spec))
    fail_arg({"parameters", "parameter count"}, "be " + std::to_string(parameter_count(spec)) + " for this architecture",
             params.size());
  // load_model refuses non-finite weights, so writing one would make a file that never loads.
  for (std::size_t i = 0; i < params.size(); ++i)
    if (!std::isfinite(params[i]))
      fail_arg({"parameters[" + std::to_string(i) + "]", "parameter " + std::to_string(i)}, "be finite", params[i]);
  Writer w;
  w.out.insert(w.out.end(), kMagic, kMagic + 4);
  w.u32(encoding == WeightEncoding::float32 ? 1 : 2);
  w.u32(static_cast<std::uint32_t>(spec.inputs));
  w.u32(static_cast<std::uint32_t>(spec.layers.size()));
  for (const LayerSpec& l : spec.layers) {
    w.u32(static_cast<std::uint32_t>(l.units));
    w.u32(static_cast<std::uint32_t>(l.activation.kind));
    w.f32(l.activation.alpha);
  }
  w.u32(static_cast<std::uint32_t>(spec.loss));
  w.u32(static_cast<std::uint32_t>(spec.init));
  w.u32(static_cast<std::uint32_t>(metadata.size()));
  w.out.insert(w.out.end(), metadata.begin(), metadata.end());
  w.u32(static_cast<std::uint32_t>(params.size()));
  if (encoding == WeightEncoding::float32) {
    for (float p : params) w.f32(p);
  } else {
    write_int8_body(w, spec, params);
  }
  w.u32(crc32(w.out));
  return std::move(w.out);
}

ModelFile load_model(std::span<const std::uint8_t> b) {
  if (b.size() < 8 || std::memcmp(b.data(), kMagic, 4) != 0) bad("not an MLP Lab model (it does not start with MLPL)");
  Reader r(b);
  r.bytes(4, "magic");
  const std::uint32_t version = r.u32("version");
  if (version != 1 && version != 2)
    bad("version " + std::to_string(version) + " is not supported (this MLP Lab reads versions 1 and 2)");
  ModelFile m;
  m.encoding = version == 1 ? WeightEncoding::float32 : WeightEncoding::int8;
  m.spec.inputs = static_cast<int>(std::min<std::uint32_t>(r.u32("header"), 1u << 30));
  const std::uint32_t layers = r.u32("header");
  if (layers == 0 || layers > kMaxHiddenLayers + 1) bad("layer count " + std::to_string(layers) + " is out of range");
  for (std::uint32_t l = 0; l < layers; ++l) {
    LayerSpec ls;
    ls.units = static_cast<int>(std::min<std::uint32_t>(r.u32("layer table"), 1u << 30));
    const std::uint32_t act = r.u32("layer table");
    if (act > static_cast<std::uint32_t>(Activation::softmax)) bad("unknown activation code " + std::to_string(act));
    ls.activation.kind = static_cast<Activation>(act);
    ls.activation.alpha = r.f32("layer table");
    m.spec.layers.push_back(ls);
  }
  const std::uint32_t loss = r.u32("header"), init = r.u32("header");
  if (loss > static_cast<std::uint32_t>(Loss::binary_cross_entropy)) bad("unknown loss code " + std::to_string(loss));
  // Codes are the enum's values, 0 to the last of kInits (new ones are appended).
  if (init > static_cast<std::uint32_t>(Init::standard_normal)) bad("unknown initializer code " + std::to_string(init));
  m.spec.loss = static_cast<Loss>(loss);
  m.spec.init = static_cast<Init>(init);
  try {
    m.spec = validated(m.spec);
  } catch (const InvalidArgument& e) {
    bad(std::string("bad architecture: ") + e.what());
  }
  const std::uint32_t meta_len = r.u32("metadata length");
  const auto meta = r.bytes(meta_len, "metadata");
  m.metadata.assign(meta.begin(), meta.end());
  const std::uint32_t n = r.u32("parameter count");
  if (n != parameter_count(m.spec))
    bad("holds " + std::to_string(n) + " parameters but its architecture needs " + std::to_string(parameter_count(m.spec)));
  if (version == 2) {
    const std::uint32_t encoding = r.u32("weight encoding");
    if (encoding != kInt8PerUnit) bad("unknown weight encoding " + std::to_string(encoding));
  }
  const std::size_t body_end = r.at() + (version == 1 ? std::size_t{n} * 4 : int8_body_bytes(m.spec));
  if (b.size() != body_end + 4) {
    if (b.size() < body_end + 4)
      bad("truncated: expected " + std::to_string(body_end + 4) + " bytes, got " + std::to_string(b.size()));
    bad("has " + std::to_string(b.size() - body_end - 4) + " unexpected trailing bytes");
  }
  Reader tail(b.subspan(body_end));
  if (tail.u32("checksum") != crc32(b.first(body_end))) bad("checksum mismatch: the file is corrupt");
  m.params.resize(n);
  if (version == 1) {
    for (std::uint32_t i = 0; i < n; ++i) m.params[i] = r.f32("parameters");
  } else {
    read_int8_body(r, m.spec, m.params);
  }
  for (float p : m.params)
    if (!std::isfinite(p)) bad("contains a NaN or infinite weight");
  return m;
}

}  // namespace mlp
