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
def loss_value(kind, output, target):
    """Mean loss over the N rows, of kind MSE, BCE or CCE (CCE on probabilities):

    MSE  (1/N) sum_n sum_k 1/2 (o - t)^2
    BCE  -(1/N) sum [t log p + (1 - t) log(1 - p)], p = o clipped to [EPS, 1 - EPS]
    CCE  -(1/N) sum_n sum_k t log p, p = o clipped below at EPS

    One kernel with the three loops written out (not one kernel per loss): every compiled
    function costs ~0.1 s of cold compile.
    """
    n, k = output.shape
    total = 0.0
    for i in range(n):
        for j in range(k):
            o = output[i, j]
            t = target[i, j]
            if kind == MSE:
                d = o - t
                total += 0.5 * d * d
            elif kind == BCE:
                p = EPS if o < EPS else (1.0 - EPS if o > 1.0 - EPS else o)
                total -= t * math.log(p) + (1.0 - t) * math.log(1.0 - p)
            elif kind == CCE:
                if t != 0.0:
                    total -= t * math.log(max(o, EPS))
            else:
                return math.nan
    return total / n


@njit(cache=True)
def loss_gradient(kind, output, target, out):
    """dL/d(output), written to ``out`` (and returned), of kind MSE, BCE or CCE:

    MSE  (o - t) / N
    BCE  (p - t) / (N p (1 - p)), p clipped as in the value
    CCE  -t / (N p), p = o clipped below at EPS
    An unknown kind fills ``out`` with NaN.
    """
    n, k = output.shape
    for i in range(n):
        for j in range(k):
            o = output[i, j]
            t = target[i, j]
            if kind == MSE:
                out[i, j] = (o - t) / n
            elif kind == BCE:
                p = EPS if o < EPS else (1.0 - EPS if o > 1.0 - EPS else o)
                out[i, j] = (p - t) / (n * p * (1.0 - p))
            elif kind == CCE:
                out[i, j] = -t / (n * max(o, EPS))
            else:
                out[i, j] = math.nan
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
