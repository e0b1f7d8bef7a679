"""Loss kernels, dispatched by integer id (see ``core.losses`` for names and formulas).

Every kernel takes C-contiguous float64 arrays of shape (N, K) -- N samples (rows), K outputs
-- and averages over the N rows. Gradient kernels write dL/d(output) into ``out`` (same
shape, may be preallocated by the caller) and return it.
"""
import math

from numba import njit

MSE = 0
BCE = 1
CCE = 2
N_LOSSES = 3

#: probabilities are clipped to [EPS, 1 - EPS] before taking logs, so log(0) never happens.
EPS = 1e-12


@njit(cache=True)
def _clip_probability(p):
    if p < EPS:
        return EPS
    if p > 1.0 - EPS:
        return 1.0 - EPS
    return p


@njit(cache=True)
def mse_value(output, target):
    """(1/N) sum_n sum_k 1/2 (o - t)^2."""
    n, k = output.shape
    total = 0.0
    for i in range(n):
        for j in range(k):
            d = output[i, j] - target[i, j]
            total += 0.5 * d * d
    return total / n


@njit(cache=True)
def mse_gradient(output, target, out):
    """dL/do = (o - t) / N."""
    n, k = output.shape
    for i in range(n):
        for j in range(k):
            out[i, j] = (output[i, j] - target[i, j]) / n
    return out


@njit(cache=True)
def bce_value(output, target):
    """-(1/N) sum [t log p + (1 - t) log(1 - p)], p clipped to [EPS, 1 - EPS]."""
    n, k = output.shape
    total = 0.0
    for i in range(n):
        for j in range(k):
            p = _clip_probability(output[i, j])
            t = target[i, j]
            total -= t * math.log(p) + (1.0 - t) * math.log(1.0 - p)
    return total / n


@njit(cache=True)
def bce_gradient(output, target, out):
    """dL/dp = (p - t) / (N p (1 - p)), p clipped as in the value."""
    n, k = output.shape
    for i in range(n):
        for j in range(k):
            p = _clip_probability(output[i, j])
            out[i, j] = (p - target[i, j]) / (n * p * (1.0 - p))
    return out


@njit(cache=True)
def cce_value(output, target):
    """-(1/N) sum_n sum_k t log p for probability rows p (clipped below at EPS)."""
    n, k = output.shape
    total = 0.0
    for i in range(n):
        for j in range(k):
            t = target[i, j]
            if t != 0.0:
                total -= t * math.log(max(output[i, j], EPS))
    return total / n


@njit(cache=True)
def cce_gradient(output, target, out):
    """dL/dp_k = -t_k / (N p_k), p clipped below at EPS."""
    n, k = output.shape
    for i in range(n):
        for j in range(k):
            out[i, j] = -target[i, j] / (n * max(output[i, j], EPS))
    return out


@njit(cache=True)
def cross_entropy_logits(logits, target, out):
    """Softmax + cross-entropy fused: returns the loss, writes dL/dz = (p - t) / N to ``out``.

    log p_k = z_k - logsumexp(z), logsumexp(z) = m + log sum_j e^(z_j - m), m = max_j z_j:
    every exponent is <= 0, so logits of +-1000 are fine. (p - t) / N assumes each target row
    sums to 1 (one-hot or a probability vector).
    """
    n, k = logits.shape
    total = 0.0
    for i in range(n):
        m = logits[i, 0]
        for j in range(1, k):
            if logits[i, j] > m:
                m = logits[i, j]
        s = 0.0
        for j in range(k):
            s += math.exp(logits[i, j] - m)
        lse = m + math.log(s)
        for j in range(k):
            log_p = logits[i, j] - lse
            total -= target[i, j] * log_p
            out[i, j] = (math.exp(log_p) - target[i, j]) / n
    return total / n


@njit(cache=True)
def loss_value(kind, output, target):
    """Mean loss of kind MSE, BCE or CCE (CCE on probabilities)."""
    if kind == MSE:
        return mse_value(output, target)
    if kind == BCE:
        return bce_value(output, target)
    if kind == CCE:
        return cce_value(output, target)
    return math.nan


@njit(cache=True)
def loss_gradient(kind, output, target, out):
    """dL/d(output) of kind MSE, BCE or CCE (CCE on probabilities), written to ``out``."""
    if kind == MSE:
        return mse_gradient(output, target, out)
    if kind == BCE:
        return bce_gradient(output, target, out)
    if kind == CCE:
        return cce_gradient(output, target, out)
    out[:, :] = math.nan
    return out
