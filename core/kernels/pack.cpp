#include "pack.hpp"

#include <algorithm>

namespace mlp {

void pack_a(Trans ta, ConstMatrixView a, int i0, int mc, int p0, int kc, int mr, float* out) {
  for (int panel = 0; panel * mr < mc; ++panel, out += kc * mr) {
    const int rows = std::min(mr, mc - panel * mr);
    const int first = i0 + panel * mr;
    if (ta == Trans::no) {
      for (int r = 0; r < rows; ++r) {
        const float* src = a.row(first + r) + p0;
        for (int k = 0; k < kc; ++k) out[k * mr + r] = src[k];
      }
    } else {
      for (int k = 0; k < kc; ++k) {
        const float* src = a.row(p0 + k) + first;
        for (int r = 0; r < rows; ++r) out[k * mr + r] = src[r];
      }
    }
    for (int r = rows; r < mr; ++r)
      for (int k = 0; k < kc; ++k) out[k * mr + r] = 0.0f;
  }
}

void pack_b(Trans tb, ConstMatrixView b, int p0, int kc, int j0, int nc, int nr, float* out) {
  for (int panel = 0; panel * nr < nc; ++panel, out += kc * nr) {
    const int cols = std::min(nr, nc - panel * nr);
    const int first = j0 + panel * nr;
    if (tb == Trans::no) {
      for (int k = 0; k < kc; ++k) {
        const float* src = b.row(p0 + k) + first;
        float* dst = out + k * nr;
        for (int c = 0; c < cols; ++c) dst[c] = src[c];
        for (int c = cols; c < nr; ++c) dst[c] = 0.0f;
      }
    } else {
      for (int c = 0; c < cols; ++c) {
        const float* src = b.row(first + c) + p0;
        for (int k = 0; k < kc; ++k) out[k * nr + c] = src[k];
      }
      for (int c = cols; c < nr; ++c)
        for (int k = 0; k < kc; ++k) out[k * nr + c] = 0.0f;
    }
  }
}

}  // namespace mlp
