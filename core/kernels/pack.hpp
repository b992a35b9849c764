#pragma once
// Packing copies a block of op(A) or op(B) into the order the micro-kernel
// reads it, zero-padding the ragged edge so the kernel never branches on size.
// Transposition is handled here and nowhere else.
#include "../matrix.hpp"
#include "gemm.hpp"

namespace mlp {

// Rows [i0, i0+mc) and depth [p0, p0+kc) of op(A), as ceil(mc/mr) panels of
// kc×mr floats: panel[k*mr + r] = op(A)(i0 + panel*mr + r, p0 + k).
void pack_a(Trans ta, ConstMatrixView a, int i0, int mc, int p0, int kc, int mr, float* out);

// Depth [p0, p0+kc) and columns [j0, j0+nc) of op(B), as ceil(nc/nr) panels of
// kc×nr floats: panel[k*nr + c] = op(B)(p0 + k, j0 + panel*nr + c).
void pack_b(Trans tb, ConstMatrixView b, int p0, int kc, int j0, int nc, int nr, float* out);

}  // namespace mlp
