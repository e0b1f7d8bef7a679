"""Scalar activation kernels, dispatched by integer id.

The ids are the contract between ``core.activations`` (names, formulas) and every compiled
kernel that applies an activation (``core._kernels.mlp`` and friends).
"""
import math

import numpy as np
from numba import njit

LINEAR = 0
STEP = 1
SIGMOID = 2
TANH = 3
RELU = 4
LEAKY_RELU = 5
ELU = 6
SOFTPLUS = 7
GELU = 8
SWISH = 9
N_ACTIVATIONS = 10

_INV_SQRT2 = 1.0 / math.sqrt(2.0)
_INV_SQRT2PI = 1.0 / math.sqrt(2.0 * math.pi)


@njit(cache=True)
def sigmoid(z):
    """Numerically stable logistic function 1 / (1 + e^-z)."""
    if z >= 0.0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@njit(cache=True)
def act_value(kind, z, alpha):
    """g(z) for activation ``kind``; ``alpha`` is the slope/scale of leaky ReLU and ELU."""
    if kind == LINEAR:
        return z
    if kind == STEP:
        return 1.0 if z >= 0.0 else 0.0
    if kind == SIGMOID:
        return sigmoid(z)
    if kind == TANH:
        return math.tanh(z)
    if kind == RELU:
        return z if z > 0.0 else 0.0
    if kind == LEAKY_RELU:
        return z if z > 0.0 else alpha * z
    if kind == ELU:
        return z if z > 0.0 else alpha * math.expm1(z)
    if kind == SOFTPLUS:
        return max(z, 0.0) + math.log1p(math.exp(-abs(z)))
    if kind == GELU:
        return 0.5 * z * (1.0 + math.erf(z * _INV_SQRT2))
    if kind == SWISH:
        return z * sigmoid(z)
    return math.nan


@njit(cache=True)
def act_derivative(kind, z, alpha):
    """g'(z) for activation ``kind`` (the step's derivative is 0 everywhere it exists)."""
    if kind == LINEAR:
        return 1.0
    if kind == STEP:
        return 0.0
    if kind == SIGMOID:
        s = sigmoid(z)
        return s * (1.0 - s)
    if kind == TANH:
        t = math.tanh(z)
        return 1.0 - t * t
    if kind == RELU:
        return 1.0 if z > 0.0 else 0.0
    if kind == LEAKY_RELU:
        return 1.0 if z > 0.0 else alpha
    if kind == ELU:
        return 1.0 if z > 0.0 else alpha * math.exp(z)
    if kind == SOFTPLUS:
        return sigmoid(z)
    if kind == GELU:
        return 0.5 * (1.0 + math.erf(z * _INV_SQRT2)) + z * _INV_SQRT2PI * math.exp(-0.5 * z * z)
    if kind == SWISH:
        s = sigmoid(z)
        return s + z * s * (1.0 - s)
    return math.nan


@njit(cache=True)
def act_array(kind, z, alpha, derivative):
    """Element-wise g(z), or g'(z) when ``derivative``, of a 1-D float64 array (one kernel
    for both: every compiled function costs ~0.1 s of cold compile)."""
    out = np.empty_like(z)
    for i in range(z.shape[0]):
        out[i] = act_derivative(kind, z[i], alpha) if derivative else act_value(kind, z[i], alpha)
    return out


@njit(cache=True)
def softmax_rows(logits, temperature):
    """Row-wise softmax of a 2-D float64 array at a temperature T > 0.

    p_k = e^((z_k - m) / T) / sum_j e^((z_j - m) / T) with m = max_j z_j: subtracting the
    row maximum changes nothing mathematically but keeps every exponent <= 0, so nothing
    overflows even for logits of +-1000.
    """
    n, k = logits.shape
    out = np.empty_like(logits)
    for i in range(n):
        m = -np.inf
        for j in range(k):
            if logits[i, j] > m:
                m = logits[i, j]
        total = 0.0
        for j in range(k):
            e = math.exp((logits[i, j] - m) / temperature)
            out[i, j] = e
            total += e
        for j in range(k):
            out[i, j] /= total
    return out
