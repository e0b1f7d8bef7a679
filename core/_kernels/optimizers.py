"""Optimizer update kernels, dispatched by integer id (names and formulas: ``core.optimizers``).

One kernel, :func:`opt_step`, updates a flat parameter vector in place. It is plain
``@njit`` code on arrays and numbers, so other compiled code (the MLP trainer in
``core._kernels.mlp``) calls it directly between mini-batches.

Layouts (the contract with ``core.optimizers.Optimizer``):

* ``hyper``: float64[N_HYPER], indexed by the ``H_*`` constants below. Every optimizer gets the
  same vector; each reads only the entries it uses.
* ``slots``: float64[n_slots, n_params], the optimizer's state (zeros before the first step):
  momentum/nesterov: [velocity]; adagrad: [sum of g²]; adadelta: [square_avg, acc_delta];
  rmsprop: [square_avg]; adam: [exp_avg, exp_avg_sq]; sgd: none (shape (0, n)).
* ``t``: the 1-based number of this step (Adam's bias correction uses it).

The rules are torch.optim's (dampening 0, no weight decay, not centred, not amsgrad), with
the operations in torch's order so that the numbers agree to the last few bits.
"""
import math

from numba import njit

SGD = 0
MOMENTUM = 1
NESTEROV = 2
ADAGRAD = 3
ADADELTA = 4
RMSPROP = 5
ADAM = 6
N_OPTIMIZERS = 7

# indices into the hyper-parameter vector
H_LR = 0
H_MOMENTUM = 1
H_RHO = 2
H_ALPHA = 3
H_BETA1 = 4
H_BETA2 = 5
H_EPS = 6
N_HYPER = 7


@njit(cache=True, error_model="numpy")  # IEEE division: vectorisable, never raises
def opt_step(kind, params, grad, slots, hyper, t):
    """One in-place update ``params ← params − Δ`` from the gradient ``grad``.

    params, grad: float64[n] (C-contiguous); slots: float64[n_slots, n]; hyper:
    float64[N_HYPER]; t: this step's number, 1 for the first step. With η = hyper[H_LR]:

    * sgd:       w ← w − η g
    * momentum:  v ← μ v + g;  w ← w − η v
    * nesterov:  v ← μ v + g;  w ← w − η (g + μ v)
    * adagrad:   s ← s + g²;  w ← w − η g / (√s + ε)
    * adadelta:  s ← ρ s + (1 − ρ) g²;  d ← √(u + ε) / √(s + ε) · g;
                 u ← ρ u + (1 − ρ) d²;  w ← w − η d
    * rmsprop:   s ← α s + (1 − α) g²;  w ← w − η g / (√s + ε)
    * adam:      m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
                 w ← w − η/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
    """
    n = params.shape[0]
    lr = hyper[H_LR]
    if kind == SGD:
        for i in range(n):
            params[i] -= lr * grad[i]
    elif kind == MOMENTUM or kind == NESTEROV:
        mu = hyper[H_MOMENTUM]
        v = slots[0]
        if kind == MOMENTUM:
            for i in range(n):
                v[i] = mu * v[i] + grad[i]
                params[i] -= lr * v[i]
        else:
            for i in range(n):
                v[i] = mu * v[i] + grad[i]
                params[i] -= lr * (grad[i] + mu * v[i])
    elif kind == ADAGRAD:
        eps = hyper[H_EPS]
        s = slots[0]
        for i in range(n):
            g = grad[i]
            s[i] += g * g
            params[i] -= lr * (g / (math.sqrt(s[i]) + eps))
    elif kind == ADADELTA:
        rho = hyper[H_RHO]
        eps = hyper[H_EPS]
        s = slots[0]
        u = slots[1]
        for i in range(n):
            g = grad[i]
            s[i] = rho * s[i] + (1.0 - rho) * g * g
            d = math.sqrt(u[i] + eps) / math.sqrt(s[i] + eps) * g
            u[i] = rho * u[i] + (1.0 - rho) * d * d
            params[i] -= lr * d
    elif kind == RMSPROP:
        a = hyper[H_ALPHA]
        eps = hyper[H_EPS]
        s = slots[0]
        for i in range(n):
            g = grad[i]
            s[i] = a * s[i] + (1.0 - a) * g * g
            params[i] -= lr * (g / (math.sqrt(s[i]) + eps))
    elif kind == ADAM:
        b1 = hyper[H_BETA1]
        b2 = hyper[H_BETA2]
        eps = hyper[H_EPS]
        m = slots[0]
        v = slots[1]
        step_size = lr / (1.0 - b1 ** t)
        sqrt_bc2 = math.sqrt(1.0 - b2 ** t)
        for i in range(n):
            g = grad[i]
            m[i] += (g - m[i]) * (1.0 - b1)  # torch's lerp_: m + (1 − β₁)(g − m)
            v[i] = b2 * v[i] + (1.0 - b2) * g * g
            params[i] -= step_size * (m[i] / (math.sqrt(v[i]) / sqrt_bc2 + eps))
