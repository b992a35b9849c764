#pragma once
// Just enough JSON for test fixtures: objects, arrays, numbers (as double),
// strings without escapes, true/false/null. A malformed file fails the test
// with the offset where reading stopped.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace mlp::test {

struct Json {
  enum Kind { null, boolean, number, string, array, object } kind = null;
  double num = 0;
  std::string str;
  std::vector<Json> items;        // array elements, or object values
  std::vector<std::string> keys;  // object keys, beside their values

  const Json& operator[](const std::string& key) const {
    for (std::size_t i = 0; kind == object && i < keys.size(); ++i)
      if (keys[i] == key) return items[i];
    throw std::runtime_error("json: no field " + key);
  }
  const Json& operator[](std::size_t i) const { return items.at(i); }
  std::size_t size() const { return items.size(); }
  template <class T>
  std::vector<T> as_vector() const {
    std::vector<T> out;
    for (const Json& j : items) out.push_back(static_cast<T>(j.num));
    return out;
  }

  static Json parse(const std::string& text) {
    std::size_t at = 0;
    Json j = value(text, at);
    skip(text, at);
    if (at != text.size()) fail(at);
    return j;
  }
  static Json read_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("json: cannot open " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return parse(ss.str());
  }

 private:
  [[noreturn]] static void fail(std::size_t at) { throw std::runtime_error("json: bad input at offset " + std::to_string(at)); }
  static void skip(const std::string& s, std::size_t& at) {
    while (at < s.size() && (s[at] == ' ' || s[at] == '\n' || s[at] == '\r' || s[at] == '\t')) ++at;
  }
  static void expect(const std::string& s, std::size_t& at, char c) {
    skip(s, at);
    if (at >= s.size() || s[at] != c) fail(at);
    ++at;
  }
  static std::string text(const std::string& s, std::size_t& at) {
    expect(s, at, '"');
    const std::size_t end = s.find('"', at);
    if (end == std::string::npos || s.find('\\', at) < end) fail(at);
    std::string out = s.substr(at, end - at);
    at = end + 1;
    return out;
  }
  static Json value(const std::string& s, std::size_t& at) {
    skip(s, at);
    if (at >= s.size()) fail(at);
    Json j;
    const char c = s[at];
    if (c == '{' || c == '[') {
      const bool obj = c == '{';
      j.kind = obj ? object : array;
      ++at;
      skip(s, at);
      if (at < s.size() && s[at] == (obj ? '}' : ']')) return ++at, j;
      for (;;) {
        if (obj) {
          j.keys.push_back(text(s, at));
          expect(s, at, ':');
        }
        j.items.push_back(value(s, at));
        skip(s, at);
        if (at < s.size() && s[at] == ',') {
          ++at;
          continue;
        }
        expect(s, at, obj ? '}' : ']');
        return j;
      }
    }
    if (c == '"') return j.kind = string, j.str = text(s, at), j;
    for (const auto& [word, kind, truth] : {std::tuple{"true", boolean, 1.0}, {"false", boolean, 0.0}, {"null", null, 0.0}})
      if (s.compare(at, std::string(word).size(), word) == 0) return at += std::string(word).size(), j.kind = kind, j.num = truth, j;
    char* end = nullptr;
    j.kind = number;
    j.num = std::strtod(s.c_str() + at, &end);
    if (end == s.c_str() + at) fail(at);
    at = static_cast<std::size_t>(end - s.c_str());
    return j;
  }
};

}  // namespace mlp::test
