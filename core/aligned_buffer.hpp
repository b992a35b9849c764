#pragma once
// An owning, 64-byte-aligned, fixed-size array. 64 bytes is one cache line and
// one AVX-512 register, so every SIMD load from the start of a buffer is aligned.
#include <cstddef>
#include <cstring>
#include <limits>
#include <new>
#include <span>
#include <utility>

namespace mlp {

inline constexpr std::size_t kAlignment = 64;

template <class T>
class AlignedBuffer {
 public:
  AlignedBuffer() = default;
  explicit AlignedBuffer(std::size_t n) : size_(n) {
    if (n == 0) return;
    // n × sizeof(T) would wrap in 32-bit WASM; callers check sizes with
    // names (sizes.hpp), this is the last line of defence.
    if (n > std::numeric_limits<std::size_t>::max() / sizeof(T)) throw std::bad_array_new_length();
    data_ = static_cast<T*>(::operator new[](n * sizeof(T), std::align_val_t{kAlignment}));
    std::memset(static_cast<void*>(data_), 0, n * sizeof(T));
  }
  AlignedBuffer(const AlignedBuffer& o) : AlignedBuffer(o.size_) {
    if (size_) std::memcpy(static_cast<void*>(data_), o.data_, size_ * sizeof(T));
  }
  AlignedBuffer(AlignedBuffer&& o) noexcept
      : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)) {}
  AlignedBuffer& operator=(AlignedBuffer o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    return *this;
  }
  ~AlignedBuffer() {
    if (data_) ::operator delete[](data_, std::align_val_t{kAlignment});
  }

  T* data() { return data_; }
  const T* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  std::span<T> span() { return {data_, size_}; }
  std::span<const T> span() const { return {data_, size_}; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace mlp
