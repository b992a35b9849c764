#pragma once
// Row-major float32 matrices. `Matrix` owns aligned storage; `MatrixView` and
// `ConstMatrixView` are non-owning windows with their own row stride, so a
// network's weights can be views into one flat parameter buffer.
#include <cassert>
#include <cstddef>

#include "aligned_buffer.hpp"

namespace mlp {

struct ConstMatrixView {
  const float* data = nullptr;
  int rows = 0;
  int cols = 0;
  std::ptrdiff_t stride = 0;  // elements between the starts of consecutive rows

  ConstMatrixView() = default;
  ConstMatrixView(const float* d, int r, int c, std::ptrdiff_t s) : data(d), rows(r), cols(c), stride(s) {}
  ConstMatrixView(const float* d, int r, int c) : ConstMatrixView(d, r, c, c) {}

  const float& operator()(int i, int j) const { return data[i * stride + j]; }
  const float* row(int i) const { return data + i * stride; }
  ConstMatrixView rows_slice(int first, int count) const { return {row(first), count, cols, stride}; }
  ConstMatrixView cols_slice(int first, int count) const { return {data + first, rows, count, stride}; }
  std::size_t size() const { return static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols); }
};

struct MatrixView {
  float* data = nullptr;
  int rows = 0;
  int cols = 0;
  std::ptrdiff_t stride = 0;

  MatrixView() = default;
  MatrixView(float* d, int r, int c, std::ptrdiff_t s) : data(d), rows(r), cols(c), stride(s) {}
  MatrixView(float* d, int r, int c) : MatrixView(d, r, c, c) {}

  float& operator()(int i, int j) const { return data[i * stride + j]; }
  float* row(int i) const { return data + i * stride; }
  MatrixView rows_slice(int first, int count) const { return {row(first), count, cols, stride}; }
  MatrixView cols_slice(int first, int count) const { return {data + first, rows, count, stride}; }
  std::size_t size() const { return static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols); }
  operator ConstMatrixView() const { return {data, rows, cols, stride}; }
};

class Matrix {
 public:
  Matrix() = default;
  Matrix(int rows, int cols)
      : buf_(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols)), rows_(rows), cols_(cols) {}

  int rows() const { return rows_; }
  int cols() const { return cols_; }
  float* data() { return buf_.data(); }
  const float* data() const { return buf_.data(); }
  float& operator()(int i, int j) { return buf_[static_cast<std::size_t>(i) * cols_ + j]; }
  float operator()(int i, int j) const { return buf_[static_cast<std::size_t>(i) * cols_ + j]; }
  MatrixView view() { return {buf_.data(), rows_, cols_}; }
  ConstMatrixView view() const { return {buf_.data(), rows_, cols_}; }
  operator MatrixView() { return view(); }
  operator ConstMatrixView() const { return view(); }

 private:
  AlignedBuffer<float> buf_;
  int rows_ = 0;
  int cols_ = 0;
};

}  // namespace mlp
