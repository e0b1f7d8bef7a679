"""A plain-numpy multi-layer perceptron: the readable twin of ``core._kernels.mlp``.

The same network, loss and training loop as ``core.mlp.MLP``, written the textbook way with
whole-matrix numpy operations and one sample per row (X is (N, n_in)):

    forward:   Z_l = A_(l−1) W_l + b_l,   A_l = g_l(Z_l),   A_0 = X
    output:    Δ_L = (P − T) / N                 softmax + cross-entropy, sigmoid + bce
               Δ_L = (A_L − T) ⊙ g'(Z_L) / N     mse
    backward:  ∂L/∂W_l = A_(l−1)ᵀ Δ_l,  ∂L/∂b_l = Σ_rows Δ_l,  Δ_(l−1) = (Δ_l W_lᵀ) ⊙ g'(Z_(l−1))
    penalty:   + λ1 sign(W_l) + λ2 W_l on the weights

It is used by the tests as an independent oracle and by the benchmarks as the "plain
numpy" baseline. Activations and optimizer rules are written out here again (from their
formulas, not by calling the compiled kernels). The parameters use ``MLP.params``' layout,
so both can start from the same vector.
"""
from __future__ import annotations

import numpy as np

from core.optimizers import OPTIMIZERS, _reference_step


def _sigmoid(z):
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-np.abs(z))),
                    np.exp(-np.abs(z)) / (1.0 + np.exp(-np.abs(z))))


def _erf(x):
    # math.erf element-wise (numpy has no erf)
    from math import erf
    return np.vectorize(erf, otypes=[float])(x)


#: name -> (g(z), g'(z)), numpy, element-wise; ``a`` is the leaky slope / ELU scale
ACTIVATIONS = {
    "linear": (lambda z, a: z, lambda z, a: np.ones_like(z)),
    "step": (lambda z, a: (z >= 0).astype(float), lambda z, a: np.zeros_like(z)),
    "sigmoid": (lambda z, a: _sigmoid(z), lambda z, a: _sigmoid(z) * (1 - _sigmoid(z))),
    "tanh": (lambda z, a: np.tanh(z), lambda z, a: 1 - np.tanh(z) ** 2),
    "relu": (lambda z, a: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(float)),
    "leaky_relu": (lambda z, a: np.where(z > 0, z, a * z), lambda z, a: np.where(z > 0, 1.0, a)),
    "elu": (lambda z, a: np.where(z > 0, z, a * np.expm1(np.minimum(z, 0))),
            lambda z, a: np.where(z > 0, 1.0, a * np.exp(np.minimum(z, 0)))),
    "softplus": (lambda z, a: np.logaddexp(0.0, z), lambda z, a: _sigmoid(z)),
    "gelu": (lambda z, a: 0.5 * z * (1 + _erf(z / np.sqrt(2))),
             lambda z, a: 0.5 * (1 + _erf(z / np.sqrt(2)))
             + z * np.exp(-0.5 * z * z) / np.sqrt(2 * np.pi)),
    "swish": (lambda z, a: z * _sigmoid(z),
              lambda z, a: _sigmoid(z) + z * _sigmoid(z) * (1 - _sigmoid(z))),
}


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class ReferenceMLP:
    """``ReferenceMLP(layer_sizes, activations, output_activation, loss, params, alpha)``:
    ``activations`` has one name per hidden layer; ``params`` is copied."""

    def __init__(self, layer_sizes, activations, output_activation, loss, params, alpha=0.01):
        self.sizes = list(layer_sizes)
        self.acts = list(activations) + [output_activation]
        self.loss_name = loss
        self.alpha = alpha
        self.params = np.array(params, dtype=float)
        self.weights, self.biases = [], []
        pos = 0
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            self.weights.append(self.params[pos:pos + n_in * n_out].reshape(n_in, n_out))
            pos += n_in * n_out
            self.biases.append(self.params[pos:pos + n_out])
            pos += n_out

    @classmethod
    def like(cls, model) -> ReferenceMLP:
        """A reference twin of a ``core.mlp.MLP`` (same structure and params)."""
        return cls(model.layer_sizes, model.activations, model.output_activation,
                   model.loss_name, model.params, model.alpha)

    def _forward(self, X):
        zs, outs = [], []
        a = X
        for layer, (w, b) in enumerate(zip(self.weights, self.biases)):
            z = a @ w + b
            name = self.acts[layer]
            a = _softmax(z) if name == "softmax" else ACTIVATIONS[name][0](z, self.alpha)
            zs.append(z)
            outs.append(a)
        return zs, outs

    def layer_outputs(self, X):
        return self._forward(np.asarray(X, dtype=float))[1]

    def forward(self, X):
        return self.layer_outputs(X)[-1]

    def data_loss(self, X, Y) -> float:
        return self._loss(*self._forward(np.asarray(X, dtype=float)), Y)

    def _loss(self, zs, outs, Y) -> float:
        """The mean data loss from a forward pass's (zs, outs)."""
        z, a, n = zs[-1], outs[-1], Y.shape[0]
        if self.loss_name == "mse":
            return float(0.5 * np.sum((a - Y) ** 2) / n)
        if self.loss_name == "bce":
            p = np.clip(a, 1e-12, 1 - 1e-12)
            return float(-np.sum(Y * np.log(p) + (1 - Y) * np.log(1 - p)) / n)
        m = z.max(axis=1, keepdims=True)
        log_p = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
        return float(-np.sum(Y * log_p) / n)

    def penalty(self, l1=0.0, l2=0.0) -> float:
        return float(sum(l1 * np.abs(w).sum() + 0.5 * l2 * (w * w).sum() for w in self.weights))

    def gradients(self, X, Y, l1=0.0, l2=0.0):
        """(dW list, db list) of the mean loss plus the L1/L2 penalty."""
        return self._backward(np.asarray(X, dtype=float), Y, *self._forward(X), l1, l2)

    def _backward(self, X, Y, zs, outs, l1, l2):
        n = X.shape[0]
        out = self.acts[-1]
        if self.loss_name == "cross_entropy" or (self.loss_name == "bce" and out == "sigmoid"):
            delta = (outs[-1] - Y) / n
        else:
            delta = (outs[-1] - Y) * ACTIVATIONS[out][1](zs[-1], self.alpha) / n
        dW, db = [None] * len(self.weights), [None] * len(self.weights)
        for layer in range(len(self.weights) - 1, -1, -1):
            a_prev = X if layer == 0 else outs[layer - 1]
            w = self.weights[layer]
            dW[layer] = a_prev.T @ delta + l1 * np.sign(w) + l2 * w
            db[layer] = delta.sum(axis=0)
            if layer > 0:
                g = ACTIVATIONS[self.acts[layer - 1]][1](zs[layer - 1], self.alpha)
                delta = (delta @ w.T) * g
        return dW, db

    def gradient_vector(self, X, Y, l1=0.0, l2=0.0) -> np.ndarray:
        return _flat(*self.gradients(X, Y, l1, l2))

    def train_epochs(self, X, Y, epochs, batch_size, optimizer="sgd", hyper=None, l1=0.0,
                     l2=0.0, rng=None) -> np.ndarray:
        """Mini-batch training (rows in order, or shuffled by ``rng`` each epoch) with the
        numpy optimizer rules; returns each epoch's mean over the rows of the data loss in
        their batch's forward pass, before the batch's update (``core.mlp.MLP.train_epochs``)."""
        if optimizer not in OPTIMIZERS:
            raise ValueError(f"unknown optimizer {optimizer!r}")
        hyper = dict(hyper or {})
        state: dict = {}
        t = 0
        n = X.shape[0]
        losses = []
        for _ in range(epochs):
            order = rng.permutation(n) if rng is not None else np.arange(n)
            total = 0.0
            for start in range(0, n, batch_size):
                rows = order[start:start + batch_size]
                xb, yb = X[rows], Y[rows]
                zs, outs = self._forward(xb)
                total += self._loss(zs, outs, yb) * len(rows)
                grad = _flat(*self._backward(xb, yb, zs, outs, l1, l2))
                t += 1
                self.params[:] = _reference_step(optimizer, self.params, grad, state, hyper, t)
            losses.append(total / n)
        return np.array(losses)


def _flat(dW, db) -> np.ndarray:
    """Per-layer gradients as one vector in the parameter order W_0, b_0, W_1, b_1, …"""
    return np.concatenate([v for pair in zip(dW, db) for v in (pair[0].ravel(), pair[1])])
