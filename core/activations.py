"""Activation functions g(z): values, derivatives, formulas and softmax.

A neuron computes z = w · x + b and outputs g(z). The activations here (z is a real number,
α a slope/scale parameter, σ the logistic function, Φ/φ the standard normal CDF/PDF):

    linear      g(z) = z                                g′(z) = 1
    step        g(z) = 1 if z ≥ 0 else 0                g′(z) = 0
    sigmoid     σ(z) = 1 / (1 + e^−z)                   σ′(z) = σ(z) (1 − σ(z))
    tanh        g(z) = (e^z − e^−z) / (e^z + e^−z)      g′(z) = 1 − tanh²(z)
    relu        g(z) = max(0, z)                        g′(z) = 1 if z > 0 else 0
    leaky_relu  g(z) = z if z > 0 else α z              g′(z) = 1 if z > 0 else α
    elu         g(z) = z if z > 0 else α (e^z − 1)      g′(z) = 1 if z > 0 else α e^z
    softplus    g(z) = ln(1 + e^z)                      g′(z) = σ(z)
    gelu        g(z) = z Φ(z)                           g′(z) = Φ(z) + z φ(z)
    swish       g(z) = z σ(z)                           g′(z) = σ(z) + z σ(z) (1 − σ(z))

softmax turns a vector of K scores (logits) into probabilities at a temperature T > 0:

    softmax(z)_k = e^(z_k / T) / Σ_j e^(z_j / T)

Small T sharpens the distribution towards the arg-max (one-hot); large T flattens it towards
uniform 1/K.

``ACTIVATIONS`` maps each name to an :class:`Activation` record (formula texts, range,
saturation, ...) that the GUI shows. ``value``/``derivative`` evaluate any activation on a
scalar or array with the compiled kernels in ``core._kernels.activations``; the
``_reference_*`` functions below are plain-numpy versions written independently of the
kernels, used by the tests as an oracle.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core._kernels import activations as _k

__all__ = ["ACTIVATIONS", "Activation", "derivative", "get", "softmax", "value", "warmup"]


@dataclass(frozen=True)
class Activation:
    """One activation function: what the GUI shows about it, and how to evaluate it.

    ``formula`` and ``derivative_formula`` are rich text (HTML: ``<sup>`` for exponents,
    Unicode σ, ·, −). ``max_derivative`` is sup g′(z) at ``default_alpha``: how much a
    gradient can at best be amplified when it flows back through this function.
    """

    name: str
    id: int
    label: str
    formula: str
    derivative_formula: str
    range: str
    zero_centred: bool
    saturates: str
    max_derivative: float
    when_to_use: str
    has_alpha: bool = False
    default_alpha: float = 0.0

    def value(self, z, alpha=None):
        """g(z), element-wise (see :func:`value`)."""
        return value(self.name, z, alpha)

    def derivative(self, z, alpha=None):
        """g′(z), element-wise (see :func:`derivative`)."""
        return derivative(self.name, z, alpha)

    def __repr__(self) -> str:
        alpha = f", alpha={self.default_alpha}" if self.has_alpha else ""
        return f"Activation({self.name!r}, id={self.id}, range={self.range!r}{alpha})"


# sup of GELU′: GELU″(z) = φ(z) (2 − z²) = 0 at z = √2, so max = Φ(√2) + √2 φ(√2).
_GELU_MAX_DERIVATIVE = 0.5 * (1.0 + math.erf(1.0)) + math.sqrt(2.0) * math.exp(-1.0) / math.sqrt(
    2.0 * math.pi)
# sup of swish′: swish″(z) = σ(z)(1 − σ(z))(2 + z(1 − 2σ(z))) = 0 at z ≈ 2.399357 (bisection).
_SWISH_MAX_DERIVATIVE = 1.099839320128867

_RECORDS = (
    Activation(
        "linear", _k.LINEAR, "Linear",
        "g(z) = z", "g′(z) = 1",
        "(−∞, ∞)", True, "never", 1.0,
        "Regression outputs; a network of only linear layers is still one linear map.",
    ),
    Activation(
        "step", _k.STEP, "Step",
        "g(z) = 1 if z ≥ 0, else 0", "g′(z) = 0 (undefined at z = 0)",
        "{0, 1}", False, "everywhere: the gradient is 0", 0.0,
        "The classic perceptron; no gradient, so it cannot be trained by backpropagation.",
    ),
    Activation(
        "sigmoid", _k.SIGMOID, "Sigmoid",
        "σ(z) = 1 / (1 + e<sup>−z</sup>)", "σ′(z) = σ(z) · (1 − σ(z))",
        "(0, 1)", False, "both sides (|z| ≳ 5)", 0.25,
        "Output of a binary classifier (a probability); avoid in deep hidden layers.",
    ),
    Activation(
        "tanh", _k.TANH, "Tanh",
        "tanh(z) = (e<sup>z</sup> − e<sup>−z</sup>) / (e<sup>z</sup> + e<sup>−z</sup>)",
        "tanh′(z) = 1 − tanh<sup>2</sup>(z)",
        "(−1, 1)", True, "both sides (|z| ≳ 3)", 1.0,
        "Small networks and ±1 targets (TensorFlow Playground's default); zero-centred.",
    ),
    Activation(
        "relu", _k.RELU, "ReLU",
        "ReLU(z) = max(0, z)", "ReLU′(z) = 1 if z > 0, else 0",
        "[0, ∞)", False, "for z < 0 (units can die)", 1.0,
        "The default for hidden layers of deep networks: cheap, no vanishing for z > 0.",
    ),
    Activation(
        "leaky_relu", _k.LEAKY_RELU, "Leaky ReLU",
        "g(z) = z if z > 0, else α · z", "g′(z) = 1 if z > 0, else α",
        "(−∞, ∞)", False, "never (slope α for z < 0)", 1.0,
        "Like ReLU, but a small slope α keeps units from dying.",
        has_alpha=True, default_alpha=0.01,
    ),
    Activation(
        "elu", _k.ELU, "ELU",
        "g(z) = z if z > 0, else α · (e<sup>z</sup> − 1)",
        "g′(z) = 1 if z > 0, else α · e<sup>z</sup>",
        "(−α, ∞)", False, "for z ≪ 0 (towards −α)", 1.0,
        "Smooth ReLU alternative whose mean output is closer to 0; a little more costly.",
        has_alpha=True, default_alpha=1.0,
    ),
    Activation(
        "softplus", _k.SOFTPLUS, "Softplus",
        "g(z) = ln(1 + e<sup>z</sup>)", "g′(z) = σ(z) = 1 / (1 + e<sup>−z</sup>)",
        "(0, ∞)", False, "for z ≪ 0", 1.0,
        "A smooth ReLU; useful where a positive output (a scale, a rate) is needed.",
    ),
    Activation(
        "gelu", _k.GELU, "GELU",
        "GELU(z) = z · Φ(z) = ½ · z · (1 + erf(z / √2))",
        "GELU′(z) = Φ(z) + z · φ(z)",
        "[≈ −0.17, ∞)", False, "for z ≪ 0", _GELU_MAX_DERIVATIVE,
        "Hidden layers of Transformers (BERT, GPT); a smooth, slightly non-monotonic ReLU.",
    ),
    Activation(
        "swish", _k.SWISH, "Swish",
        "swish(z) = z · σ(z)", "swish′(z) = σ(z) + z · σ(z) · (1 − σ(z))",
        "[≈ −0.28, ∞)", False, "for z ≪ 0", _SWISH_MAX_DERIVATIVE,
        "Deep CNNs (EfficientNet; also called SiLU); smooth and non-monotonic near 0.",
    ),
)

#: name -> Activation, in menu order.
ACTIVATIONS: dict[str, Activation] = {a.name: a for a in _RECORDS}


def get(name: str) -> Activation:
    """The record for ``name``; ValueError listing the known names otherwise."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        known = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; known: {known}") from None


def _alpha_for(act: Activation, alpha) -> float:
    if alpha is None:
        return act.default_alpha
    alpha = float(alpha)
    if not math.isfinite(alpha):
        raise ValueError(f"alpha must be a finite number, got {alpha}")
    return alpha


def _as_finite_array(z, what: str = "z") -> np.ndarray:
    try:
        arr = np.asarray(z, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a number or an array of numbers") from None
    if not np.isfinite(arr).all():
        raise ValueError(f"{what} contains NaN or infinite values")
    return arr


def _apply(derivative: bool, name, z, alpha):
    act = get(name)
    a = _alpha_for(act, alpha)
    arr = _as_finite_array(z)
    flat = np.ascontiguousarray(arr.reshape(-1))
    out = _k.act_array(act.id, flat, a, derivative).reshape(arr.shape)
    return out[()] if out.ndim == 0 else out  # a scalar in, a numpy scalar out (as ufuncs)


def value(name: str, z, alpha=None):
    """g(z) element-wise for activation ``name``; same shape as ``z`` (scalar in, scalar out).

    ``alpha`` (leaky ReLU slope, ELU scale) defaults to the record's ``default_alpha`` and is
    ignored by the other activations.
    """
    return _apply(False, name, z, alpha)


def derivative(name: str, z, alpha=None):
    """g′(z) element-wise for activation ``name`` (at kinks: step′(0) = 0, ReLU′(0) = 0)."""
    return _apply(True, name, z, alpha)


def softmax(logits, temperature: float = 1.0) -> np.ndarray:
    """softmax(z / T) of a 1-D vector, or of each row of a 2-D (N, K) array.

    Stable for any finite logits (the row maximum is subtracted before exponentiating).
    """
    arr = _as_finite_array(logits, "logits")
    if arr.ndim not in (1, 2) or arr.shape[-1] == 0:
        raise ValueError(f"logits must be a non-empty 1-D vector or 2-D (N, K) array, "
                         f"got shape {arr.shape}")
    t = float(temperature)
    if not (math.isfinite(t) and t > 0.0):
        raise ValueError(f"temperature must be a positive finite number, got {temperature}")
    rows = np.ascontiguousarray(arr.reshape(-1, arr.shape[-1]))
    return _k.softmax_rows(rows, t).reshape(arr.shape)


def warmup() -> None:
    """Compile (or load from cache) every activation kernel with the API's dtypes."""
    z = np.zeros(2, dtype=np.float64)
    _k.act_array(_k.TANH, z, 0.0, False)
    _k.softmax_rows(np.zeros((1, 2), dtype=np.float64), 1.0)


# --- plain-numpy references (independent of the kernels; used by the tests) ---------------

def _ref_sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1 / (1 + e^−z), never overflows


_erf = np.vectorize(math.erf, otypes=[float])
_erfc = np.vectorize(math.erfc, otypes=[float])


def _ref_normal_cdf(z):
    return 0.5 * _erfc(-z / math.sqrt(2.0))  # accurate far into the left tail


def _ref_normal_pdf(z):
    zc = np.minimum(np.abs(z), 100.0)  # e^(−5000) is 0 already; avoids overflow in z²
    return np.exp(-0.5 * zc * zc) / math.sqrt(2.0 * math.pi)


def _ref_negative_part(z):
    return np.minimum(z, 0.0)


_REFERENCE_VALUE = {
    "linear": lambda z, a: z.copy(),
    "step": lambda z, a: np.where(z >= 0.0, 1.0, 0.0),
    "sigmoid": lambda z, a: _ref_sigmoid(z),
    "tanh": lambda z, a: np.tanh(z),
    "relu": lambda z, a: np.maximum(z, 0.0),
    "leaky_relu": lambda z, a: np.where(z > 0.0, z, a * z),
    "elu": lambda z, a: np.where(z > 0.0, z, a * np.expm1(_ref_negative_part(z))),
    "softplus": lambda z, a: np.logaddexp(0.0, z),
    "gelu": lambda z, a: z * _ref_normal_cdf(z),
    "swish": lambda z, a: z * _ref_sigmoid(z),
}

_REFERENCE_DERIVATIVE = {
    "linear": lambda z, a: np.ones_like(z),
    "step": lambda z, a: np.zeros_like(z),
    "sigmoid": lambda z, a: _ref_sigmoid(z) * _ref_sigmoid(-z),
    "tanh": lambda z, a: 1.0 / np.cosh(np.clip(z, -350.0, 350.0)) ** 2,
    "relu": lambda z, a: np.where(z > 0.0, 1.0, 0.0),
    "leaky_relu": lambda z, a: np.where(z > 0.0, 1.0, a),
    "elu": lambda z, a: np.where(z > 0.0, 1.0, a * np.exp(_ref_negative_part(z))),
    "softplus": lambda z, a: _ref_sigmoid(z),
    "gelu": lambda z, a: _ref_normal_cdf(z) + z * _ref_normal_pdf(z),
    "swish": lambda z, a: _ref_sigmoid(z) * (1.0 + z * _ref_sigmoid(-z)),
}


def _reference_value(name: str, z, alpha=None) -> np.ndarray:
    """Plain-numpy g(z) (oracle for the kernels)."""
    act = get(name)
    return _REFERENCE_VALUE[name](np.asarray(z, dtype=np.float64), _alpha_for(act, alpha))


def _reference_derivative(name: str, z, alpha=None) -> np.ndarray:
    """Plain-numpy g′(z) (oracle for the kernels)."""
    act = get(name)
    return _REFERENCE_DERIVATIVE[name](np.asarray(z, dtype=np.float64), _alpha_for(act, alpha))


def _reference_softmax(logits, temperature: float = 1.0) -> np.ndarray:
    """Plain-numpy softmax via log-sum-exp: p = exp(z/T − logsumexp(z/T))."""
    s = np.asarray(logits, dtype=np.float64) / temperature
    return np.exp(s - np.logaddexp.reduce(s, axis=-1, keepdims=True))
