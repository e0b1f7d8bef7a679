"""Loss functions: how far a network's outputs o are from the targets t.

Outputs and targets are (N, K) arrays: N samples (rows), K outputs each. Every loss is the
mean over the N samples of a sum over the K outputs:

    mse            L = (1/N) Σ_n Σ_k ½ (o − t)²                 ∂L/∂o = (o − t) / N
    bce            L = −(1/N) Σ_n Σ_k [t log p + (1 − t) log(1 − p)]
                                                                ∂L/∂p = (p − t) / (N p (1 − p))
    cross_entropy  L = −(1/N) Σ_n Σ_k t log p                   ∂L/∂p = −t / (N p)

The ½ in mse is TensorFlow Playground's: it makes the gradient simply o − t. In bce, p is
clipped to [1e-12, 1 − 1e-12] so that p = 0 or 1 gives a large but finite loss.

For cross_entropy the output p is a probability vector per row, normally p = softmax(z) of
the logits z. Combined, the gradient with respect to the logits is beautifully simple:

    ∂L/∂z = (p − t) / N          (for target rows that sum to 1)

``cross_entropy_from_logits`` computes exactly that, with log p = z − logsumexp(z) so that
logits of ±1000 cause no overflow. Likewise sigmoid + bce gives ∂L/∂z = (p − t) / N.

The compiled kernels live in ``core._kernels.losses``; the ``_reference_*`` functions below
are plain-numpy versions used by the tests as an oracle.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core._kernels import losses as _k

__all__ = ["LOSSES", "Loss", "cross_entropy_from_logits", "get", "gradient", "value", "warmup"]


@dataclass(frozen=True)
class Loss:
    """One loss function: name, kernel id, display texts (HTML: <sup>, <sub>, Unicode)."""

    name: str
    id: int
    label: str
    formula: str
    gradient_formula: str
    use_for: str

    def value(self, output, target) -> float:
        """Mean loss (see :func:`value`)."""
        return value(self.name, output, target)

    def gradient(self, output, target) -> np.ndarray:
        """dL/d(output) (see :func:`gradient`)."""
        return gradient(self.name, output, target)

    def __repr__(self) -> str:
        return f"Loss({self.name!r}, id={self.id}, use_for={self.use_for!r})"


_RECORDS = (
    Loss(
        "mse", _k.MSE, "Mean squared error",
        "L = 1/N · Σ ½ (o − t)<sup>2</sup>",
        "∂L/∂o = (o − t) / N",
        "regression",
    ),
    Loss(
        "bce", _k.BCE, "Binary cross-entropy",
        "L = −1/N · Σ [t · log p + (1 − t) · log(1 − p)]",
        "∂L/∂p = (p − t) / (N · p · (1 − p))",
        "binary classification",
    ),
    Loss(
        "cross_entropy", _k.CCE, "Cross-entropy",
        "L = −1/N · Σ<sub>n</sub> Σ<sub>k</sub> t<sub>k</sub> · log p<sub>k</sub>, "
        "p = softmax(z)",
        "∂L/∂p<sub>k</sub> = −t<sub>k</sub> / (N · p<sub>k</sub>);  ∂L/∂z = (p − t) / N",
        "multi-class classification",
    ),
)

#: name -> Loss, in menu order.
LOSSES: dict[str, Loss] = {loss.name: loss for loss in _RECORDS}


def get(name: str) -> Loss:
    """The record for ``name``; ValueError listing the known names otherwise."""
    try:
        return LOSSES[name]
    except (KeyError, TypeError):
        known = ", ".join(LOSSES)
        raise ValueError(f"unknown loss {name!r}; known: {known}") from None


def _as_2d(a, what: str) -> np.ndarray:
    try:
        arr = np.ascontiguousarray(a, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be an array of numbers") from None
    if arr.ndim != 2 or arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(f"{what} must be a non-empty 2-D (N, K) array, got shape {arr.shape}"
                         " (use .reshape(-1, 1) for one output per sample)")
    if not np.isfinite(arr).all():
        raise ValueError(f"{what} contains NaN or infinite values")
    return arr


def _check_probability_rows(target: np.ndarray) -> None:
    if (target < 0.0).any() or not np.allclose(target.sum(axis=1), 1.0, rtol=0, atol=1e-6):
        raise ValueError("cross-entropy targets must be probability rows (non-negative, each "
                         "row summing to 1, e.g. one-hot)")


def _validated(name: str, output, target, output_name: str = "output"):
    loss = get(name)
    o = _as_2d(output, output_name)
    t = _as_2d(target, "target")
    if o.shape != t.shape:
        raise ValueError(f"{output_name} shape {o.shape} and target shape {t.shape} differ")
    if loss.id == _k.BCE and ((t < 0.0) | (t > 1.0)).any():
        raise ValueError("binary cross-entropy targets must lie in [0, 1]")
    if loss.id in (_k.BCE, _k.CCE) and output_name == "output" and ((o < 0.0) | (o > 1.0)).any():
        raise ValueError(f"{loss.label} needs probabilities in [0, 1] as output")
    if loss.id == _k.CCE:
        _check_probability_rows(t)
    return loss, o, t


def value(name: str, output, target) -> float:
    """Mean loss over the N rows of (N, K) ``output`` and ``target``."""
    loss, o, t = _validated(name, output, target)
    return float(_k.loss_value(loss.id, o, t))


def gradient(name: str, output, target) -> np.ndarray:
    """dL/d(output), an (N, K) array; for cross_entropy, ``output`` is the probabilities p."""
    loss, o, t = _validated(name, output, target)
    return _k.loss_gradient(loss.id, o, t, np.empty_like(o))


def cross_entropy_from_logits(logits, target) -> tuple[float, np.ndarray]:
    """(L, dL/dz) for p = softmax(z) row-wise and cross-entropy against ``target`` rows.

    dL/dz = (p − t) / N; stable for any finite logits (log-sum-exp).
    """
    _, z, t = _validated("cross_entropy", logits, target, output_name="logits")
    grad = np.empty_like(z)
    loss = _k.cross_entropy_logits(z, t, grad)
    return float(loss), grad


def warmup() -> None:
    """Compile (or load from cache) every loss kernel with the API's dtypes and layouts."""
    o = np.full((1, 2), 0.5)
    t = np.array([[0.0, 1.0]])
    out = np.empty_like(o)
    for kind in range(_k.N_LOSSES):
        _k.loss_value(kind, o, t)
        _k.loss_gradient(kind, o, t, out)
    _k.cross_entropy_logits(o, t, out)


# --- plain-numpy references (independent of the kernels; used by the tests) ---------------

def _reference_value(name: str, output, target) -> float:
    """Plain-numpy mean loss."""
    o = np.asarray(output, dtype=np.float64)
    t = np.asarray(target, dtype=np.float64)
    n = o.shape[0]
    if name == "mse":
        return float(np.sum(0.5 * (o - t) ** 2) / n)
    if name == "bce":
        p = np.clip(o, _k.EPS, 1.0 - _k.EPS)
        return float(-np.sum(t * np.log(p) + (1.0 - t) * np.log1p(-p)) / n)
    if name == "cross_entropy":
        p = np.maximum(o, _k.EPS)
        return float(-np.sum(np.where(t != 0.0, t * np.log(p), 0.0)) / n)
    raise ValueError(f"unknown loss {name!r}")


def _reference_gradient(name: str, output, target) -> np.ndarray:
    """Plain-numpy dL/d(output)."""
    o = np.asarray(output, dtype=np.float64)
    t = np.asarray(target, dtype=np.float64)
    n = o.shape[0]
    if name == "mse":
        return (o - t) / n
    if name == "bce":
        p = np.clip(o, _k.EPS, 1.0 - _k.EPS)
        return (-t / p + (1.0 - t) / (1.0 - p)) / n
    if name == "cross_entropy":
        return -t / np.maximum(o, _k.EPS) / n
    raise ValueError(f"unknown loss {name!r}")


def _reference_cross_entropy_from_logits(logits, target) -> tuple[float, np.ndarray]:
    """Plain-numpy softmax cross-entropy and its gradient with respect to the logits."""
    z = np.asarray(logits, dtype=np.float64)
    t = np.asarray(target, dtype=np.float64)
    n = z.shape[0]
    log_p = z - np.logaddexp.reduce(z, axis=1, keepdims=True)
    return float(-np.sum(t * log_p) / n), (np.exp(log_p) - t) / n
