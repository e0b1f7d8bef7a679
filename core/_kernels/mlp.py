"""Compiled multi-layer perceptron: forward pass, loss, back-propagation and whole epochs.

The network is described by ``net``, an int64 array (5, L + 1) built by ``core.mlp``:

    net[SIZE]    units per layer from the input to the output, e.g. [2, 4, 2, 1]
    net[ACT, l]  the activation id of weight layer l (``core._kernels.activations``); the
                 output layer's may also be SOFTMAX
    net[W, l]    where W_l (n_in x n_out, row-major) starts in ``params``
    net[B, l]    where b_l (n_out,) starts in ``params``
    net[UNIT, l] the first row of layer l's units in the buffers A, G, D (net[UNIT, L] = total)

Layer l computes z_l = a_(l−1) W_l + b_l and a_l = g_l(z_l), with a_0 = x. ``alpha`` is the
leaky-ReLU slope / ELU scale; ``loss`` an id of ``core._kernels.losses``.

Activations are kept *feature-major*: A (units, width) holds one row per unit and one column
per sample, so every inner loop runs over the samples of a batch, contiguous in memory, and
compiles to SIMD code. G (same shape) holds g'(z) times the dropout mask, D the deltas
dL/dz. Back-propagation of the mean loss over a batch of B samples:

    delta_out = (p − t) / B                   softmax + cross-entropy, sigmoid + bce (fused)
    delta_out = (a − t) g'(z) / B             mse, L = (1/B) Σ_n Σ_k ½ (a − t)²
    delta_(l−1) = (W_l delta_l) ⊙ g'(z_(l−1))
    dL/dW_l = Σ_batch a_(l−1) delta_lᵀ,   dL/db_l = Σ_batch delta_l

plus λ1 sign(W) + λ2 W for the penalty λ1 Σ|W| + λ2/2 Σ W² (weights only).

Performance notes (measured; see ``bench/bench_core.py``):

* The kernels only loop over elements. Every buffer comes from the caller (allocated once
  per call in ``core.mlp``), nothing is allocated in a loop, and array-level numpy (slice
  assignment, copies) is avoided: it multiplies numba's compile time.
* The matrix products are register-blocked: one pass over a batch's samples (the vectorised
  inner loop) reads 4 rows and updates 4 rows with 16 multiply-adds, so that loads and
  stores no longer outnumber the arithmetic (z = a W + b: 4 units x 4 inputs; dL/dW: 4
  inputs x 4 samples; the deltas: 4 rows x 4 rows). ~2x faster than one row at a time; the
  last n % 4 rows take a plain loop.
* Everything lives in ONE function, ``run``: numba compiles a called function on its own and
  again inside every caller, so separate forward/backward/entry functions cost seconds of
  cold compile. Inner products are written out 4 terms at a time (one load/store of the
  accumulator per 4 multiply-adds) and every inner loop indexes from 0 (or with unsigned
  indices): numba's negative-index check on ``x[p + j]`` would stop the vectoriser.
* ``run`` releases the GIL (``nogil``): ``MLP.neuron_outputs`` splits a large grid (the
  trainer's 100 x 100, every frame) into slices of rows evaluated by one thread per core.
  On two quiet cores the 6 x 8 tanh grid takes ~0.55x the time of one thread.
* ``forward32`` repeats the forward pass in float32 for the trainer's heat maps (colours,
  256 levels): twice the values per SIMD instruction and a cheaper division in tanh; the
  100 x 100 grid of a 6 x 8 tanh net takes ~0.4x the float64 time here. It is a function of
  its own (~3-4 s of cold compile): the float64 passes must stay exact.
* ``fastmath`` only as "contract" (fused multiply-add): NaN and Inf must survive so that
  divergence is detected, and with reassociation the summation order would depend on the
  buffers' memory alignment, so a replayed run would not be bit-for-bit the same.

Numba's own cache would not recompile a kernel when a function it calls from *another* file
changes (``opt_step``, ``act_value``, ``vec_tanh``); ``core._numba_cache.KernelTreeLocator``
stamps every cached kernel with all the files in this folder instead.
"""
import math

import numpy as np
from numba import njit

from core._kernels.activations import (
    LEAKY_RELU,
    LINEAR,
    RELU,
    SIGMOID,
    TANH,
    act_derivative,
    act_value,
)
from core._kernels.losses import BCE, CCE, MSE
from core._kernels.optimizers import opt_step
from core._kernels.vecmath import vec_tanh, vec_tanh32

SOFTMAX = 10  # output-only activation id (one past the scalar activations)
SIZE, ACT, W, B, UNIT = 0, 1, 2, 3, 4  # rows of ``net``

# error_model numpy: IEEE division (x/0 → ±inf/NaN, no raise); "contract": a * b + c may be
# one fused multiply-add (rounded once): no other fast-math licence, see the module docstring
_FAST = dict(cache=True, error_model="numpy", fastmath={"contract"})
# ``run`` releases the GIL: ``MLP.neuron_outputs`` evaluates a large grid in parallel slices
_FAST_NOGIL = dict(_FAST, nogil=True)
_LOG_EPS = math.log(1e-12)  # bce clips p to [1e-12, 1 − 1e-12]
_LOG_1M_EPS = math.log1p(-1e-12)


def build_net(sizes, act_ids) -> np.ndarray:
    """The ``net`` array for layer sizes [n_0, …, n_L] and L activation ids."""
    n_layers = len(sizes) - 1
    net = np.zeros((5, n_layers + 1), dtype=np.int64)
    net[SIZE] = sizes
    net[ACT, :n_layers] = act_ids
    pos = unit = 0
    for layer in range(n_layers):
        net[W, layer] = pos
        pos += sizes[layer] * sizes[layer + 1]
        net[B, layer] = pos
        pos += sizes[layer + 1]
        net[UNIT, layer] = unit
        unit += sizes[layer + 1]
    net[W, n_layers] = net[B, n_layers] = pos  # = number of params
    net[UNIT, n_layers] = unit
    return net


# ---- kernels ------------------------------------------------------------------------------
@njit(**_FAST)
def _random(state):
    """xorshift64 (Marsaglia): the next state and a uniform number in [0, 1) from it."""
    x = state[0]
    x ^= x << 13
    x ^= (x >> 7) & 0x01FFFFFFFFFFFFFF  # logical shift of a signed int64
    x ^= x << 17
    state[0] = x
    return ((x >> 11) & 0x1FFFFFFFFFFFFF) * (1.0 / 9007199254740992.0)


@njit(**_FAST)
def _loss_sum(loss, A, r0, Zout, YB, n_out, bs):
    """Σ over the first bs samples of the per-sample loss (``core.losses`` conventions):
    mse ½ Σ_k (a − t)²; bce −[t log p + (1 − t) log(1 − p)] with p = σ(z) clipped to
    [1e-12, 1 − 1e-12], from log p = −softplus(−z), log(1 − p) = −softplus(z);
    cross-entropy Σ_k t_k (lse(z) − z_k) with lse(z) = m + log Σ_k e^(z_k − m), m = max z.
    """
    total = 0.0
    lse = 0.0
    for c in range(bs):
        if loss == CCE:
            m = Zout[0, c]
            for k in range(1, n_out):
                m = Zout[k, c] if Zout[k, c] > m else m
            sum_e = 0.0
            for k in range(n_out):
                sum_e += math.exp(Zout[k, c] - m)
            lse = m + math.log(sum_e)
        for k in range(n_out):
            t = YB[k, c]
            if loss == MSE:
                d = A[r0 + k, c] - t
                total += 0.5 * d * d
            elif loss == BCE:
                z = Zout[k, c]
                soft = math.log1p(math.exp(-abs(z)))
                log_p = -(soft + (-z if z < 0.0 else 0.0))  # −softplus(−z)
                log_q = -(soft + (z if z > 0.0 else 0.0))  # −softplus(z)
                log_p = _LOG_EPS if log_p < _LOG_EPS else (
                    _LOG_1M_EPS if log_p > _LOG_1M_EPS else log_p)
                log_q = _LOG_EPS if log_q < _LOG_EPS else (
                    _LOG_1M_EPS if log_q > _LOG_1M_EPS else log_q)
                total -= t * log_p + (1.0 - t) * log_q
            else:
                total += t * (lse - Zout[k, c])
    return total


@njit(**_FAST)
def _block4(params, p, n_units):
    """W[i:i+4, j:j+4] row by row, 16 numbers, for p = the position of W[i, j] in params (a
    row of W is n_units long). LLVM inlines it: the 16 values stay in registers."""
    q, r, s = p + n_units, p + 2 * n_units, p + 3 * n_units
    return (params[p], params[p + 1], params[p + 2], params[p + 3],
            params[q], params[q + 1], params[q + 2], params[q + 3],
            params[r], params[r + 1], params[r + 2], params[r + 3],
            params[s], params[s + 1], params[s + 2], params[s + 3])


FORWARD, LOSS, GRADIENT, TRAIN = 0, 1, 2, 3  # what ``run`` computes


@njit(**_FAST_NOGIL)
def run(mode, params, net, alpha, loss, X, Y, epochs, batch_size, shuffle, dropout, l1, l2,
        opt_kind, slots, hyper, t, rng, order, XB, YB, A, Zout, G, D, Dt, grad, backup, losses,
        row0, row1):
    """Everything the MLP computes: one compiled function, one compile, one cache entry.

    mode FORWARD: every unit's output for rows row0 … row1−1 of X into the same columns of
    A (units, N); XB, Zout N wide (only those columns used); Y is (N, 0). Slices of rows
    touch disjoint memory, so threads may evaluate them at once (the GIL is released). The
    other modes take row0 = 0, row1 = N.
    LOSS: the mean data loss (1/N) Σ_n loss(x_n, t_n), in chunks of the buffers' width.
    GRADIENT: also grad ← ∂(L + λ1 Σ|W| + λ2/2 Σ W²)/∂params over all N rows (G, D N wide)
    and the penalty. TRAIN: ``epochs`` epochs in place on params and slots: shuffle
    ``order`` (Fisher–Yates, xorshift with the state ``rng``), then per batch of
    ``batch_size`` rows (the last may be shorter) forward with dropout, back-propagate, add
    the penalty's gradient, t += 1, ``opt_step``; losses[epoch] is the mean over all rows of
    the data loss each row had in its batch's forward pass, before that batch's update (the
    epoch loss Keras reports: no extra pass over the data). If it or a parameter is NaN/Inf,
    params, slots and t return to the end of the previous epoch and training stops.

    ``order`` holds 0 … N−1 (shuffled in place); ``backup`` is (1 + n_slots, n_params).
    The passes are written out here rather than as separate functions: numba compiles a
    called function once on its own and again inside each caller (see the module docstring).
    Returns (loss, penalty, epochs completed, t, diverged).
    """
    n = X.shape[0]
    n_params = params.shape[0]
    n_slots = slots.shape[0]
    n_layers = net.shape[1] - 1
    n_out = net[SIZE, n_layers]
    r_out = net[UNIT, n_layers - 1]
    width = XB.shape[1]
    step = batch_size if mode == TRAIN else n
    n_batches = (n + step - 1) // step if mode == TRAIN or mode == GRADIENT else 0
    chunk = 256 if mode == FORWARD and width > 256 else width  # FORWARD: blocks in L1 cache
    # training batches, then (FORWARD, LOSS) evaluation chunks; TRAIN and GRADIENT take the
    # loss from the training batches' own forward passes
    n_items = n_batches + (0 if n_batches else (row1 - row0 + chunk - 1) // chunk)
    fused = loss == CCE or (loss == BCE and net[ACT, n_layers - 1] == SIGMOID)
    keep_scale = 1.0 / (1.0 - dropout)
    epochs = epochs if mode == TRAIN else 1
    penalty = 0.0
    t_start = t
    for epoch in range(epochs + 1):
        # -- keep the last finite state (or go back to it), stop after the last epoch ------
        finite = True
        if mode == TRAIN and epoch > 0:
            finite = math.isfinite(losses[epoch - 1])
            for p in range(n_params):
                finite = finite and math.isfinite(params[p])
        for p in range(n_params if mode == TRAIN else 0):
            for s in range(n_slots + 1):
                if finite:
                    backup[s, p] = params[p] if s == 0 else slots[s - 1, p]
                elif s == 0:
                    params[p] = backup[0, p]
                else:
                    slots[s - 1, p] = backup[s, p]
        if not finite:
            return losses[epoch - 1], penalty, epoch - 1, t_start, True
        if epoch == epochs:
            break
        t_start = t
        for i in range(n - 1 if mode == TRAIN and shuffle else 0, 0, -1):  # Fisher–Yates
            j = int(_random(rng) * (i + 1))
            order[i], order[j] = order[j], order[i]
        total = 0.0
        for item in range(n_items):
            training = item < n_batches
            start = item * step if training else row0 + (item - n_batches) * chunk
            bs = step if training else chunk
            bs = bs if start + bs <= row1 else row1 - start
            first = start if mode == FORWARD else 0  # first buffer column used
            # unsigned column indices: numba then skips the negative-index wraparound that
            # would stop the vectoriser (a range that starts at 0 needs no such help)
            c0 = np.uint64(first)
            c1 = np.uint64(first + bs)
            # -- the batch, feature-major: XB[:, c] = X[row], rows shuffled when training --
            for c in range(bs):
                row = order[start + c] if training else start + c
                for i in range(X.shape[1]):
                    XB[i, first + c] = X[row, i]
                for k in range(Y.shape[1]):
                    YB[k, c] = Y[row, k]
            # -- forward: z = a W + b, then a = g(z) and G = g'(z), unit (row) by unit -------
            for layer in range(n_layers):
                n_in = net[SIZE, layer]
                n_units = net[SIZE, layer + 1]
                r0 = net[UNIT, layer]
                w0 = net[W, layer]
                src = XB if layer == 0 else A
                s0 = 0 if layer == 0 else net[UNIT, layer - 1]
                kind = net[ACT, layer]
                hidden = layer < n_layers - 1
                # z for 4 units at a time from 4 inputs at a time: one pass over the samples
                # loads 4 input rows and updates 4 unit rows with 16 multiply-adds
                j4 = n_units - n_units % 4
                i4 = n_in - n_in % 4
                for j in range(0, j4, 4):
                    r = r0 + j
                    p = net[B, layer] + j
                    ba, bb, bc, bd = params[p], params[p + 1], params[p + 2], params[p + 3]
                    for c in range(c0, c1):
                        A[r, c] = ba
                        A[r + 1, c] = bb
                        A[r + 2, c] = bc
                        A[r + 3, c] = bd
                    for i in range(0, i4, 4):
                        w00, w01, w02, w03, w10, w11, w12, w13, w20, w21, w22, w23, \
                            w30, w31, w32, w33 = _block4(params, w0 + i * n_units + j, n_units)
                        q = s0 + i
                        for c in range(c0, c1):
                            x0, x1, x2, x3 = src[q, c], src[q + 1, c], src[q + 2, c], src[q + 3, c]
                            A[r, c] += (w00 * x0 + w10 * x1) + (w20 * x2 + w30 * x3)
                            A[r + 1, c] += (w01 * x0 + w11 * x1) + (w21 * x2 + w31 * x3)
                            A[r + 2, c] += (w02 * x0 + w12 * x1) + (w22 * x2 + w32 * x3)
                            A[r + 3, c] += (w03 * x0 + w13 * x1) + (w23 * x2 + w33 * x3)
                    for i in range(i4, n_in):
                        p = w0 + i * n_units + j
                        wa, wb, wc, wd = params[p], params[p + 1], params[p + 2], params[p + 3]
                        q = s0 + i
                        for c in range(c0, c1):
                            x = src[q, c]
                            A[r, c] += wa * x
                            A[r + 1, c] += wb * x
                            A[r + 2, c] += wc * x
                            A[r + 3, c] += wd * x
                for j in range(j4, n_units):  # the last n_units % 4 units one at a time
                    r = r0 + j
                    bias = params[net[B, layer] + j]
                    for c in range(c0, c1):
                        A[r, c] = bias
                    for i in range(n_in):
                        w = params[w0 + i * n_units + j]
                        q = s0 + i
                        for c in range(c0, c1):
                            A[r, c] += w * src[q, c]
                for r in range(r0, r0 + n_units):
                    j = r - r0
                    if not hidden:
                        for c in range(c0, c1):
                            Zout[j, c] = A[r, c]
                    if kind == TANH or kind == SIGMOID:  # σ(z) = ½ + ½ tanh(z/2)
                        sig = kind == SIGMOID
                        half = 0.5 if sig else 1.0
                        shift = 0.5 if sig else 0.0
                        for c in range(c0, c1):
                            A[r, c] = shift + half * vec_tanh(half * A[r, c])
                        if training:  # σ' = σ − σ², tanh' = 1 − tanh²
                            for c in range(c0, c1):
                                G[r, c] = (A[r, c] if sig else 1.0) - A[r, c] * A[r, c]
                    elif kind == RELU or kind == LEAKY_RELU or kind == LINEAR:
                        slope = 0.0 if kind == RELU else (alpha if kind == LEAKY_RELU else 1.0)
                        if training:
                            for c in range(c0, c1):
                                G[r, c] = 1.0 if A[r, c] > 0.0 else slope
                        for c in range(c0, c1):
                            A[r, c] = A[r, c] if A[r, c] > 0.0 else slope * A[r, c]
                    elif kind != SOFTMAX:  # step, elu, softplus, gelu, swish: scalar kernels
                        for c in range(c0, c1):
                            z = A[r, c]
                            if training:
                                G[r, c] = act_derivative(kind, z, alpha)
                            A[r, c] = act_value(kind, z, alpha) if z == z else z  # keep NaN
                    if training and hidden and dropout > 0.0:  # inverted dropout, mask in G
                        for c in range(c0, c1):
                            keep = keep_scale if _random(rng) >= dropout else 0.0
                            A[r, c] *= keep
                            G[r, c] *= keep
                if kind == SOFTMAX:  # p_k = e^(z_k − m) / Σ_j e^(z_j − m), m = max_j z_j
                    for c in range(c0, c1):
                        m = A[r0, c]
                        for r in range(r0 + 1, r0 + n_units):
                            m = A[r, c] if A[r, c] > m or A[r, c] != A[r, c] else m
                        sum_e = 0.0
                        for r in range(r0, r0 + n_units):
                            A[r, c] = math.exp(A[r, c] - m)
                            sum_e += A[r, c]
                        for r in range(r0, r0 + n_units):
                            A[r, c] /= sum_e
            if mode != FORWARD:  # before this batch's update (the Keras convention)
                total += _loss_sum(loss, A, r_out, Zout, YB, n_out, bs)
            if not training:
                continue
            # -- back-propagation: deltas D = dL/dz, from the output layer down ---------------
            for r in range(r_out, r_out + n_out):
                for c in range(bs):
                    d = (A[r, c] - YB[r - r_out, c]) / bs
                    D[r, c] = d if fused else d * G[r, c]
            for layer in range(n_layers - 1, -1, -1):
                n_in = net[SIZE, layer]
                n_units = net[SIZE, layer + 1]
                r0 = net[UNIT, layer]
                w0 = net[W, layer]
                src = XB if layer == 0 else A
                s0 = 0 if layer == 0 else net[UNIT, layer - 1]
                for j in range(n_units):  # Dt = Dᵀ: samples in rows, for the loops below
                    for c in range(bs):
                        Dt[c, j] = D[r0 + j, c]
                # views indexed from 0: ``grad[p + j]`` would carry numba's negative-index
                # check into the loops and stop the vectoriser
                gb = grad[net[B, layer]:net[B, layer] + n_units]
                for j in range(n_units):  # dL/db = Σ_c Dt_c:
                    gb[j] = 0.0
                for c in range(bs):
                    for j in range(n_units):
                        gb[j] += Dt[c, j]
                # dL/dW_i: = Σ_c a_ic Dt_c: for 4 inputs (rows of dW) and 4 samples per pass
                i4 = n_in - n_in % 4
                c4 = bs - bs % 4
                for i in range(i4, n_in):  # the last n_in % 4 inputs one at a time
                    gw = grad[w0 + i * n_units:w0 + (i + 1) * n_units]
                    for j in range(n_units):
                        gw[j] = 0.0
                    q = s0 + i
                    for c in range(bs):
                        x = src[q, c]
                        for j in range(n_units):
                            gw[j] += x * Dt[c, j]
                for i in range(0, i4, 4):
                    g0 = grad[w0 + i * n_units:w0 + (i + 1) * n_units]
                    g1 = grad[w0 + (i + 1) * n_units:w0 + (i + 2) * n_units]
                    g2 = grad[w0 + (i + 2) * n_units:w0 + (i + 3) * n_units]
                    g3 = grad[w0 + (i + 3) * n_units:w0 + (i + 4) * n_units]
                    for j in range(n_units):
                        g0[j] = g1[j] = g2[j] = g3[j] = 0.0
                    q = s0 + i
                    for c in range(0, c4, 4):
                        x00, x01, x02, x03 = src[q, c], src[q, c + 1], src[q, c + 2], src[q, c + 3]
                        x10, x11, x12, x13 = src[q + 1, c], src[q + 1, c + 1], \
                            src[q + 1, c + 2], src[q + 1, c + 3]
                        x20, x21, x22, x23 = src[q + 2, c], src[q + 2, c + 1], \
                            src[q + 2, c + 2], src[q + 2, c + 3]
                        x30, x31, x32, x33 = src[q + 3, c], src[q + 3, c + 1], \
                            src[q + 3, c + 2], src[q + 3, c + 3]
                        for j in range(n_units):
                            da, db, dc, dd = Dt[c, j], Dt[c + 1, j], Dt[c + 2, j], Dt[c + 3, j]
                            g0[j] += (x00 * da + x01 * db) + (x02 * dc + x03 * dd)
                            g1[j] += (x10 * da + x11 * db) + (x12 * dc + x13 * dd)
                            g2[j] += (x20 * da + x21 * db) + (x22 * dc + x23 * dd)
                            g3[j] += (x30 * da + x31 * db) + (x32 * dc + x33 * dd)
                    for c in range(c4, bs):
                        xa, xb, xc, xd = src[q, c], src[q + 1, c], src[q + 2, c], src[q + 3, c]
                        for j in range(n_units):
                            d = Dt[c, j]
                            g0[j] += xa * d
                            g1[j] += xb * d
                            g2[j] += xc * d
                            g3[j] += xd * d
                # D_(l−1) = (W_l D_l) ⊙ g'(z_(l−1)): 4 rows of D_(l−1) from 4 rows of D_l a pass
                j4 = n_units - n_units % 4
                for i in range(0, i4 if layer > 0 else 0, 4):
                    q = s0 + i
                    for k in range(q, q + 4):
                        for c in range(bs):
                            D[k, c] = 0.0
                    for j in range(0, j4, 4):
                        w00, w01, w02, w03, w10, w11, w12, w13, w20, w21, w22, w23, \
                            w30, w31, w32, w33 = _block4(params, w0 + i * n_units + j, n_units)
                        r = r0 + j
                        for c in range(bs):
                            da, db, dc, dd = D[r, c], D[r + 1, c], D[r + 2, c], D[r + 3, c]
                            D[q, c] += (w00 * da + w01 * db) + (w02 * dc + w03 * dd)
                            D[q + 1, c] += (w10 * da + w11 * db) + (w12 * dc + w13 * dd)
                            D[q + 2, c] += (w20 * da + w21 * db) + (w22 * dc + w23 * dd)
                            D[q + 3, c] += (w30 * da + w31 * db) + (w32 * dc + w33 * dd)
                    for j in range(j4, n_units):
                        p = w0 + i * n_units + j
                        wa, wb = params[p], params[p + n_units]
                        wc, wd = params[p + 2 * n_units], params[p + 3 * n_units]
                        r = r0 + j
                        for c in range(bs):
                            d = D[r, c]
                            D[q, c] += wa * d
                            D[q + 1, c] += wb * d
                            D[q + 2, c] += wc * d
                            D[q + 3, c] += wd * d
                for i in range(i4 if layer > 0 else n_in, n_in):  # the last n_in % 4 rows
                    p = w0 + i * n_units
                    q = s0 + i
                    for c in range(bs):
                        D[q, c] = 0.0
                    for j in range(n_units):
                        w = params[p + j]
                        r = r0 + j
                        for c in range(bs):
                            D[q, c] += w * D[r, c]
                for i in range(n_in if layer > 0 else 0):
                    q = s0 + i
                    for c in range(bs):
                        D[q, c] *= G[q, c]
            if l1 > 0.0 or l2 > 0.0:  # grad_W += λ1 sign(W) + λ2 W (weights only)
                penalty = 0.0
                for layer in range(n_layers):
                    for p in range(net[W, layer], net[B, layer]):
                        w = params[p]
                        grad[p] += l1 * (1.0 if w > 0.0 else (-1.0 if w < 0.0 else 0.0)) + l2 * w
                        penalty += l1 * abs(w) + 0.5 * l2 * w * w
            if mode == TRAIN:
                t += 1
                opt_step(opt_kind, params, grad, slots, hyper, t)
        if mode != TRAIN:
            return total / n, penalty, 1, t, False
        losses[epoch] = total / n
    return losses[epochs - 1] if epochs > 0 else 0.0, penalty, epochs, t, False


@njit(**_FAST_NOGIL)
def forward32(params, net, alpha, X, A, XB, row0, row1):
    """Every unit's output in float32, for pictures: rows row0 … row1−1 of X (float64) into
    the same columns of A (units, N), float32, as FORWARD does in float64 (XB: (n_in, N)
    float32 work space, those columns used; ``params`` the parameters in float32).

    The per-neuron heat maps are drawn with 256 colours, so float32 (7 digits) loses
    nothing visible, and a float32 SIMD instruction works on twice as many values: the
    trainer's 100 x 100 grid costs about a third of the float64 pass. Same blocked layout
    as ``run`` (see the module docstring); tanh and the sigmoid by ``vec_tanh32``, the other
    activations by the scalar float64 kernels. The GIL is released (slices of rows may run
    on several threads at once).
    """
    f0 = np.float32(0.0)
    f1 = np.float32(1.0)
    n_layers = net.shape[1] - 1
    for start in range(row0, row1, 256):
        c0 = np.uint64(start)
        c1 = np.uint64(min(start + 256, row1))
        for c in range(c0, c1):
            for i in range(X.shape[1]):
                XB[i, c] = X[c, i]
        for layer in range(n_layers):
            n_in = net[SIZE, layer]
            n_units = net[SIZE, layer + 1]
            r0 = net[UNIT, layer]
            w0 = net[W, layer]
            src = XB if layer == 0 else A
            s0 = 0 if layer == 0 else net[UNIT, layer - 1]
            kind = net[ACT, layer]
            j4 = n_units - n_units % 4
            i4 = n_in - n_in % 4
            for j in range(0, j4, 4):  # 4 units from 4 inputs a pass, as in ``run``
                r = r0 + j
                p = net[B, layer] + j
                ba, bb, bc, bd = params[p], params[p + 1], params[p + 2], params[p + 3]
                for c in range(c0, c1):
                    A[r, c] = ba
                    A[r + 1, c] = bb
                    A[r + 2, c] = bc
                    A[r + 3, c] = bd
                for i in range(0, i4, 4):
                    w00, w01, w02, w03, w10, w11, w12, w13, w20, w21, w22, w23, \
                        w30, w31, w32, w33 = _block4(params, w0 + i * n_units + j, n_units)
                    q = s0 + i
                    for c in range(c0, c1):
                        x0, x1, x2, x3 = src[q, c], src[q + 1, c], src[q + 2, c], src[q + 3, c]
                        A[r, c] += (w00 * x0 + w10 * x1) + (w20 * x2 + w30 * x3)
                        A[r + 1, c] += (w01 * x0 + w11 * x1) + (w21 * x2 + w31 * x3)
                        A[r + 2, c] += (w02 * x0 + w12 * x1) + (w22 * x2 + w32 * x3)
                        A[r + 3, c] += (w03 * x0 + w13 * x1) + (w23 * x2 + w33 * x3)
                for i in range(i4, n_in):
                    p = w0 + i * n_units + j
                    wa, wb, wc, wd = params[p], params[p + 1], params[p + 2], params[p + 3]
                    q = s0 + i
                    for c in range(c0, c1):
                        x = src[q, c]
                        A[r, c] += wa * x
                        A[r + 1, c] += wb * x
                        A[r + 2, c] += wc * x
                        A[r + 3, c] += wd * x
            for j in range(j4, n_units):  # the last n_units % 4 units, 4 inputs a pass
                r = r0 + j
                bias = params[net[B, layer] + j]
                for c in range(c0, c1):
                    A[r, c] = bias
                for i in range(0, i4, 4):
                    p = w0 + i * n_units + j
                    wa, wb = params[p], params[p + n_units]
                    wc, wd = params[p + 2 * n_units], params[p + 3 * n_units]
                    q = s0 + i
                    for c in range(c0, c1):
                        A[r, c] += (wa * src[q, c] + wb * src[q + 1, c]) + (
                            wc * src[q + 2, c] + wd * src[q + 3, c])
                for i in range(i4, n_in):
                    w = params[w0 + i * n_units + j]
                    q = s0 + i
                    for c in range(c0, c1):
                        A[r, c] += w * src[q, c]
            for r in range(r0, r0 + n_units):
                if kind == TANH or kind == SIGMOID:  # σ(z) = ½ + ½ tanh(z/2)
                    half = np.float32(0.5) if kind == SIGMOID else f1
                    shift = np.float32(0.5) if kind == SIGMOID else f0
                    for c in range(c0, c1):
                        A[r, c] = shift + half * vec_tanh32(half * A[r, c])
                elif kind == RELU or kind == LEAKY_RELU or kind == LINEAR:
                    slope = f0 if kind == RELU else (np.float32(alpha) if kind == LEAKY_RELU
                                                     else f1)
                    for c in range(c0, c1):
                        A[r, c] = A[r, c] if A[r, c] > f0 else slope * A[r, c]
                elif kind != SOFTMAX:  # step, elu, softplus, gelu, swish: scalar kernels
                    for c in range(c0, c1):
                        z = A[r, c]
                        A[r, c] = np.float32(act_value(kind, np.float64(z), alpha)) \
                            if z == z else z  # keep NaN
            if kind == SOFTMAX:  # p_k = e^(z_k − m) / Σ_j e^(z_j − m), m = max_j z_j
                for c in range(c0, c1):
                    m = A[r0, c]
                    for r in range(r0 + 1, r0 + n_units):
                        m = A[r, c] if A[r, c] > m or A[r, c] != A[r, c] else m
                    sum_e = f0
                    for r in range(r0, r0 + n_units):
                        A[r, c] = math.exp(A[r, c] - m)
                        sum_e += A[r, c]
                    for r in range(r0, r0 + n_units):
                        A[r, c] /= sum_e
