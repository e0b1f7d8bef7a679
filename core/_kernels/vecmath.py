"""Branch-free tanh functions that LLVM vectorises (SIMD), for the MLP kernels.

libm's ``tanh`` is an opaque call, so a loop that applies it runs one value at a time
(~13 ns each here). :func:`vec_tanh` is plain arithmetic on float64 and int64 bit patterns,
so a loop over a row of activations compiles to vector instructions (~1 ns per value) while
staying within 2 ulp of libm; NaN and ±Inf propagate as in libm (a divergence must stay
visible). The sigmoid uses it too: σ(z) = ½ + ½ tanh(z/2) (absolute error ≤ 1.2e-16). Call
it only from ``error_model="numpy"`` kernels: Python's division-by-zero check would stop the
vectoriser.

    tanh x = sign(x) · m / (m + 2),  m = e^(2a) − 1,  a = min(|x|, 20)  (tanh 20 = 1 in float64)
    e^y − 1 = 2^k (q + 1) − 1 = 2^k q + (2^k − 1) with y = k ln2 + r, |r| ≤ ln2/2 (Cody–Waite),
    q = e^r − 1 by its degree-13 Taylor polynomial (Estrin's scheme: short dependency chains),
    2^k built from its bit pattern (exact, no cancellation near 0).

:func:`vec_tanh32` is the same in float32 (a = min(|x|, 9): tanh 9 = 1 in float32; degree 7;
within 2.5 float32 ulp of tanh), for pictures: eight values per AVX2 instruction instead of
four, and a float32 division costs about half a float64 one.
"""
import math

import numpy as np
from numba import njit, types
from numba.extending import intrinsic

#: each type and the type of the same width that ``_reinterpret`` turns it into
_SAME_BITS = {types.int64: types.float64, types.float64: types.int64,
              types.int32: types.float32, types.float32: types.int32}


@intrinsic
def _reinterpret(typingctx, x):
    """The bits of x read as the other type of their width (int64 <-> float64, int32 <->
    float32): no conversion, one LLVM bitcast."""
    target = _SAME_BITS.get(x)
    if target is None:
        return None

    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], context.get_value_type(target))
    return target(x), codegen


_LN2_HI = 6.93147180369123816490e-01  # ln 2 split in two for an exact reduction
_LN2_LO = 1.90821492927058770002e-10
_INV_LN2 = 1.44269504088896338700e+00
_SHIFTER = 6755399441055744.0  # 1.5·2⁵²: adding it rounds to an integer kept in the low bits
_SHIFTER_BITS = 4843621399236968448  # its bit pattern
_C = [1.0 / math.factorial(k) for k in range(14)]
_C2, _C3, _C4, _C5, _C6, _C7 = _C[2:8]
_C8, _C9, _C10, _C11, _C12, _C13 = _C[8:14]


@njit(cache=True, error_model="numpy")
def vec_tanh(x):
    """tanh x (≤ 2 ulp from libm; ±1 beyond |x| = 20; NaN stays NaN)."""
    a = abs(x)
    if a > 20.0:
        a = 20.0
    y = 2.0 * a
    t = y * _INV_LN2 + _SHIFTER  # k = round(y / ln 2) sits in the low bits of t
    kf = t - _SHIFTER
    r = (y - kf * _LN2_HI) - kf * _LN2_LO
    r2 = r * r
    r4 = r2 * r2
    b0 = (_C2 + _C3 * r) + (_C4 + _C5 * r) * r2
    b1 = (_C6 + _C7 * r) + (_C8 + _C9 * r) * r2
    b2 = (_C10 + _C11 * r) + (_C12 + _C13 * r) * r2
    q = ((b0 + b1 * r4) + b2 * (r4 * r4)) * r2 + r  # e^r − 1
    s = _reinterpret((_reinterpret(t) - _SHIFTER_BITS + 1023) << 52)  # 2^k, 0 ≤ k ≤ 58
    m = s * q + (s - 1.0)  # e^(2a) − 1
    return math.copysign(m / (m + 2.0), x)


_F = np.float32
_LN2_HI32 = _F(0.693145751953125)  # 0x3f317200: the low 9 bits are 0, k·_LN2_HI32 is exact
_LN2_LO32 = _F(math.log(2.0) - 0.693145751953125)
_INV_LN2_32 = _F(1.0 / math.log(2.0))
_SHIFTER32 = _F(12582912.0)  # 1.5·2²³
_SHIFTER32_BITS = np.int32(0x4B400000)
_D2, _D3, _D4, _D5, _D6, _D7 = (_F(c) for c in _C[2:8])


@njit(cache=True, error_model="numpy")
def vec_tanh32(x):
    """tanh x in float32 (within 2.5 float32 ulp; ±1 beyond |x| = 9; NaN stays NaN)."""
    a = abs(x)
    if a > _F(9.0):
        a = _F(9.0)
    y = _F(2.0) * a
    t = y * _INV_LN2_32 + _SHIFTER32
    kf = t - _SHIFTER32
    r = (y - kf * _LN2_HI32) - kf * _LN2_LO32
    r2 = r * r
    q = ((_D2 + _D3 * r) + (_D4 + _D5 * r) * r2 + (_D6 + _D7 * r) * (r2 * r2)) * r2 + r
    s = _reinterpret(np.int32((_reinterpret(t) - _SHIFTER32_BITS + np.int32(127)) << 23))
    m = s * q + (s - _F(1.0))
    return math.copysign(m / (m + _F(2.0)), x)
