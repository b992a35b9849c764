#include <algorithm>
#include <string>

#include "../errors.hpp"
#include "gemm.hpp"

namespace mlp {

void check_gemm_shapes(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c) {
  const int m = ta == Trans::no ? a.rows : a.cols;
  const int ka = ta == Trans::no ? a.cols : a.rows;
  const int kb = tb == Trans::no ? b.rows : b.cols;
  const int n = tb == Trans::no ? b.cols : b.rows;
  if (ka != kb || c.rows != m || c.cols != n) {
    using std::to_string;
    throw InvalidArgument("gemm shapes do not chain: op(A) is " + to_string(m) + "x" + to_string(ka) + ", op(B) is " +
                          to_string(kb) + "x" + to_string(n) + ", C is " + to_string(c.rows) + "x" + to_string(c.cols));  // a bug in the caller, not an input: no field
  }
}

void gemm_ref(Trans ta, Trans tb, ConstMatrixView a, ConstMatrixView b, MatrixView c, const GemmEpilogue& ep) {
  check_gemm_shapes(ta, tb, a, b, c);
  const int k_dim = ta == Trans::no ? a.cols : a.rows;
  for (int i = 0; i < c.rows; ++i) {
    for (int j = 0; j < c.cols; ++j) {
      float sum = 0.0f;
      for (int k = 0; k < k_dim; ++k) {
        const float av = ta == Trans::no ? a(i, k) : a(k, i);
        const float bv = tb == Trans::no ? b(k, j) : b(j, k);
        sum += av * bv;
      }
      if (ep.accumulate) sum += c(i, j);
      if (ep.bias) sum += ep.bias[j];
      if (ep.act == FusedAct::relu) sum = std::max(sum, 0.0f);
      if (ep.act == FusedAct::leaky_relu) sum = sum > 0.0f ? sum : ep.alpha * sum;
      c(i, j) = sum;
    }
  }
}

}  // namespace mlp
