"""The threshold perceptron, the logic gates it can (and cannot) learn, and XOR in two layers.

A perceptron with weights w = (w1, ..., wn) and bias b computes

    z = w · x + b            (the net input)
    y = g(z)                 step: g(z) = 1 if z >= 0 else 0;  sigmoid: g(z) = 1 / (1 + e^-z)

and learns one sample (x, t) at a time with Rosenblatt's rule

    w <- w + eta (t - y) x
    b <- b + eta (t - y)

(with the step, nothing changes when y = t; with the sigmoid the same rule is stochastic
gradient descent on the cross-entropy loss). An epoch presents every sample once, in order.
Training has *converged* when an epoch makes no errors. For a fixed sample order the state
(w, b) at the start of an epoch determines everything after it, so if that state ever repeats
without convergence, training is *cycling* and will never converge: this is what happens on
XOR, which no single line separates.

Decimal arithmetic: z, the weights and the bias are rounded to 12 decimal places, so a class
that works an example by hand with eta = 0.1 gets the same numbers as the program
(0.1 + 0.2 - 0.3 is 0 here, not 5.6e-17, and step(0) = 1 as on the blackboard).

No compiled kernels: four samples of two inputs are far cheaper in plain Python.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

#: the four inputs of a two-input gate, in truth-table order.
INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
INPUTS.flags.writeable = False


def _gate(*targets: int) -> np.ndarray:
    arr = np.array(targets, dtype=np.float64)
    arr.flags.writeable = False
    return arr


#: gate name -> targets (4,) for ``INPUTS`` (0, 0), (0, 1), (1, 0), (1, 1).
GATES: dict[str, np.ndarray] = {
    "AND": _gate(0, 0, 0, 1),
    "OR": _gate(0, 1, 1, 1),
    "NAND": _gate(1, 1, 1, 0),
    "NOR": _gate(1, 0, 0, 0),
    "XOR": _gate(0, 1, 1, 0),
}

ACTIVATIONS = ("step", "sigmoid")

#: the lecture's forward-propagation example: y = g(1 + 3 x1 - 2 x2) at X = (-1, 2).
LECTURE_EXAMPLE = {"bias": 1.0, "weights": (3.0, -2.0), "x": (-1.0, 2.0)}

_DECIMALS = 12


def _clean(value):
    """Round to 12 decimal places (see the module docstring); scalars stay Python floats.

    Magnitudes of 1e6 and more are left alone: their spacing is already coarser than 1e-12
    (and numpy's rounding would overflow for huge ones).
    """
    v = np.asarray(value, dtype=np.float64)
    with np.errstate(all="ignore"):
        out = np.where(np.abs(v) < 1e6, np.round(v, _DECIMALS), v) + 0.0  # -0.0 -> 0.0
    return float(out) if out.ndim == 0 else out


def _sigmoid(z: float) -> float:
    """Numerically stable 1 / (1 + e^-z)."""
    if z >= 0.0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _sigmoid_array(z: np.ndarray) -> np.ndarray:
    """``_sigmoid`` element-wise: the same formula on each side of 0 (numpy's exp may differ
    from math.exp in the last bit)."""
    e = np.exp(-np.abs(z))
    with np.errstate(invalid="ignore"):
        return np.where(z >= 0.0, 1.0 / (1.0 + e), e / (1.0 + e))


def _finite_vector(values, name: str, size: int | None = None) -> np.ndarray:
    try:
        arr = np.array(values, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be numbers, got {values!r}") from exc
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D sequence of numbers, got shape "
                         f"{arr.shape}")
    if size is not None and arr.size != size:
        raise ValueError(f"{name} must have {size} values, got {arr.size}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {values!r}")
    return arr


def _finite_number(value, name: str) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a number, got {value!r}") from exc
    if not math.isfinite(out):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return out


def _binary_targets(T, n: int | None = None) -> np.ndarray:
    arr = _finite_vector(T, "targets")
    if n is not None and arr.size != n:
        raise ValueError(f"need one target per input row: {n} rows, {arr.size} targets")
    if not np.all((arr == 0.0) | (arr == 1.0)):
        raise ValueError(f"targets must be 0 or 1, got {arr.tolist()}")
    return arr


def _inputs(X, n_inputs: int) -> np.ndarray:
    try:
        arr = np.array(X, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"inputs must be numbers, got {X!r}") from exc
    if arr.ndim != 2 or arr.shape[1] != n_inputs or arr.shape[0] == 0:
        raise ValueError(f"inputs must have shape (N, {n_inputs}) with N >= 1, got {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError("inputs must be finite (found NaN or infinity)")
    return arr


def _tuple(arr: np.ndarray) -> tuple[float, ...]:
    return tuple(float(v) for v in arr)


@dataclass(frozen=True)
class Update:
    """One application of the learning rule, with every number needed to write it out.

    ``z = w·x + b``, ``y = g(z)``, ``error = t - y``, ``delta_weights = eta * error * x``,
    ``delta_bias = eta * error``, ``new = old + delta``. ``misclassified`` is whether the
    predicted class (z >= 0) differed from t before the update.
    """

    x: tuple[float, ...]
    t: float
    z: float
    y: float
    error: float
    learning_rate: float
    old_weights: tuple[float, ...]
    old_bias: float
    delta_weights: tuple[float, ...]
    delta_bias: float
    new_weights: tuple[float, ...]
    new_bias: float
    misclassified: bool
    activation: str = "step"

    @property
    def changed(self) -> bool:
        """Whether the weights or the bias moved."""
        return self.delta_bias != 0.0 or any(d != 0.0 for d in self.delta_weights)

    def equations(self, digits: int = 2) -> list[str]:
        """The arithmetic as text lines, e.g. ``"w1 ← 0 + 1 × (1 − 0) × 1 = 1"``."""
        f = lambda v: _fmt(v, digits)
        p = lambda v: f"({f(v)})" if f(v).startswith("−") else f(v)  # a factor: (−0.5)
        sign = lambda v: f"− {f(-v)}" if f(v).startswith("−") else f"+ {f(v)}"
        terms = " + ".join(f"{p(w)}×{p(x)}" for w, x in zip(self.old_weights, self.x))
        g = "step" if self.activation == "step" else "σ"
        y = f(self.y) if self.activation == "step" else _fmt(self.y, max(digits, 4))
        lines = [f"z = {terms} {sign(self.old_bias)} = {f(self.z)}",
                 f"y = {g}({f(self.z)}) = {y}"]
        err = f"({f(self.t)} − {y})"
        eta = f(self.learning_rate)
        for i, (w, x, nw) in enumerate(zip(self.old_weights, self.x, self.new_weights), 1):
            lines.append(f"w{i} ← {f(w)} + {eta} × {err} × {p(x)} = {f(nw)}")
        lines.append(f"b ← {f(self.old_bias)} + {eta} × {err} = {f(self.new_bias)}")
        return lines


def _fmt(value: float, digits: int) -> str:
    """Shortest fixed-point text with at most ``digits`` decimals, and a real minus sign."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits > 0 else f"{value:.0f}"
    if text in ("-0", ""):
        text = "0"
    return text.replace("-", "−")


@dataclass(frozen=True)
class EpochResult:
    """One pass over the samples: the updates in order, the number of errors, the end state."""

    updates: tuple[Update, ...]
    errors: int
    weights: tuple[float, ...]
    bias: float


@dataclass(frozen=True)
class FitResult:
    """How training ended.

    ``converged``: the last epoch made no errors. ``cycled``: the (weights, bias) at the start
    of an epoch equalled an earlier epoch's start without convergence; the cycle then repeats
    forever, ``cycle_length`` epochs long. Otherwise ``max_epochs`` ran out. ``errors`` holds
    the errors of each epoch run.
    """

    converged: bool
    cycled: bool
    epochs: int
    errors: tuple[int, ...]
    weights: tuple[float, ...]
    bias: float
    cycle_length: int = 0


class Perceptron:
    """A single neuron ``y = g(w · x + b)`` trained with ``w <- w + eta (t - y) x``.

    ``weights``: one per input (the number of inputs is ``len(weights)``); ``activation``:
    "step" (Rosenblatt's perceptron) or "sigmoid". The weights, bias and learning rate are
    settable properties (validated).
    """

    def __init__(self, weights: Sequence[float] = (0.0, 0.0), bias: float = 0.0,
                 learning_rate: float = 1.0, activation: str = "step") -> None:
        if activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}: use one of {ACTIVATIONS}")
        self._activation = activation
        self._weights = _clean(_finite_vector(weights, "weights"))
        self.bias = bias
        self.learning_rate = learning_rate

    # --- state -----------------------------------------------------------------------
    @property
    def activation(self) -> str:
        return self._activation

    @property
    def n_inputs(self) -> int:
        return self._weights.size

    @property
    def weights(self) -> tuple[float, ...]:
        return _tuple(self._weights)

    @weights.setter
    def weights(self, values: Sequence[float]) -> None:
        self._weights = _clean(_finite_vector(values, "weights", self.n_inputs))

    @property
    def bias(self) -> float:
        return self._bias

    @bias.setter
    def bias(self, value: float) -> None:
        self._bias = _clean(_finite_number(value, "bias"))

    @property
    def learning_rate(self) -> float:
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        eta = _finite_number(value, "learning_rate")
        if eta <= 0.0:
            raise ValueError(f"learning_rate must be positive, got {value!r}")
        self._learning_rate = eta

    def copy(self) -> Perceptron:
        return Perceptron(self.weights, self.bias, self.learning_rate, self.activation)

    def __repr__(self) -> str:
        w = ", ".join(f"{v:g}" for v in self._weights)
        return (f"Perceptron(weights=({w}), bias={self._bias:g}, "
                f"learning_rate={self._learning_rate:g}, activation={self._activation!r})")

    # --- forward ---------------------------------------------------------------------
    def net(self, x: Sequence[float]) -> float:
        """z = w · x + b for one input vector."""
        return float(self._net(_inputs([x], self.n_inputs))[0])

    def output(self, x: Sequence[float]) -> float:
        """y = g(z) for one input vector (step: 0.0 or 1.0; sigmoid: a probability)."""
        return self._g(self.net(x))

    def predict(self, X) -> np.ndarray:
        """g(X w + b) for inputs X (N, n_inputs) -> (N,), element-wise ``output`` (to the last
        bit of exp; the plane's shading calls it on a whole grid)."""
        z = self._net(_inputs(X, self.n_inputs))
        if self._activation == "step":
            return (z >= 0.0).astype(np.float64)  # NaN -> 0.0, as in _g
        return _sigmoid_array(z)

    def classify(self, X) -> np.ndarray:
        """The predicted class, 1 where z >= 0 else 0, for X (N, n_inputs) -> (N,) float."""
        return (self._net(_inputs(X, self.n_inputs)) >= 0.0).astype(np.float64)

    def _net(self, X: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):  # absurd learning rates overflow quietly to inf/nan
            return _clean(X @ self._weights + self._bias)

    def _g(self, z: float) -> float:
        if self._activation == "step":
            return 1.0 if z >= 0.0 else 0.0
        return _sigmoid(z)

    # --- learning --------------------------------------------------------------------
    def update(self, x: Sequence[float], t: float) -> Update:
        """Apply the rule to one sample (x, t) and return what happened."""
        xv = _inputs([x], self.n_inputs)[0]
        t = float(_binary_targets([t])[0])
        return self._update(xv, t)

    def _update(self, x: np.ndarray, t: float) -> Update:
        z = float(self._net(x[None, :])[0])
        y = self._g(z)
        error = t - y
        eta = self._learning_rate
        old_w, old_b = self._weights, self._bias
        with np.errstate(all="ignore"):
            delta_w = _clean(eta * error * x)
            delta_b = _clean(eta * error)
            self._weights = _clean(old_w + delta_w)
            self._bias = _clean(old_b + delta_b)
        return Update(x=_tuple(x), t=t, z=z, y=y, error=error, learning_rate=eta,
                      old_weights=_tuple(old_w), old_bias=old_b,
                      delta_weights=_tuple(delta_w), delta_bias=delta_b,
                      new_weights=_tuple(self._weights), new_bias=self._bias,
                      misclassified=(1.0 if z >= 0.0 else 0.0) != t,
                      activation=self._activation)

    def epoch(self, X, T) -> EpochResult:
        """One pass over the rows of X (N, n_inputs) with targets T (N,) of 0/1, in order.

        ``errors`` counts the samples whose class was wrong when they were presented.
        """
        X = _inputs(X, self.n_inputs)
        T = _binary_targets(T, X.shape[0])
        updates = tuple(self._update(x, float(t)) for x, t in zip(X, T))
        errors = sum(u.misclassified for u in updates)
        return EpochResult(updates, int(errors), self.weights, self.bias)

    def fit(self, X, T, max_epochs: int = 100) -> FitResult:
        """Train epoch by epoch until an epoch has no errors, the state cycles, or max_epochs."""
        if isinstance(max_epochs, bool) or not isinstance(max_epochs, int | np.integer) \
                or max_epochs < 1:
            raise ValueError(f"max_epochs must be a positive integer, got {max_epochs!r}")
        X = _inputs(X, self.n_inputs)
        T = _binary_targets(T, X.shape[0])
        seen = {self._state(): 0}
        errors: list[int] = []
        converged = cycled = False
        cycle_length = 0
        while len(errors) < max_epochs:
            errors.append(self.epoch(X, T).errors)
            if errors[-1] == 0:
                converged = True
                break
            state = self._state()
            if state in seen:
                cycled = True
                cycle_length = len(errors) - seen[state]
                break
            seen[state] = len(errors)
        return FitResult(converged, cycled, len(errors), tuple(errors), self.weights,
                         self.bias, cycle_length)

    def _state(self) -> tuple[float, ...]:
        return (*self.weights, self._bias)


def linearly_separable(T, X=INPUTS) -> bool:
    """Whether a line (hyperplane) w · x + b = 0 puts T's 1s on one side and its 0s on the other.

    Decided by the perceptron itself: from w = 0, b = 0 with eta = 1 on integer inputs, the
    state stays on the integer lattice; if T is separable the perceptron convergence theorem
    guarantees convergence, and if not the weights stay bounded (the perceptron cycling
    theorem), so a state must repeat. Either outcome is certain. X must hold integers.
    """
    X = _inputs(X, np.shape(X)[-1] if np.ndim(X) == 2 else 2)
    if not np.array_equal(X, np.round(X)):
        raise ValueError("linearly_separable needs integer-valued inputs")
    T = _binary_targets(T, X.shape[0])
    p = Perceptron(np.zeros(X.shape[1]), 0.0, 1.0)
    result = p.fit(X, T, max_epochs=100_000)
    if not (result.converged or result.cycled):  # pragma: no cover - impossible by theory
        raise RuntimeError("perceptron neither converged nor cycled")
    return result.converged


class TwoLayerNetwork:
    """Two step perceptrons in a hidden layer feeding one output perceptron.

    h_j = step(w_j · x + b_j) for each hidden unit j, y = step(v · h + c).
    """

    def __init__(self, hidden: Sequence[Perceptron], output: Perceptron,
                 names: Sequence[str] = ()) -> None:
        if not hidden or output.n_inputs != len(hidden):
            raise ValueError("the output perceptron needs one weight per hidden unit")
        self.hidden = tuple(hidden)
        self.output = output
        self.names = tuple(names)

    @property
    def hidden_weights(self) -> np.ndarray:
        """(n_inputs, n_hidden): column j holds hidden unit j's weights."""
        return np.array([h.weights for h in self.hidden]).T

    @property
    def hidden_bias(self) -> np.ndarray:
        return np.array([h.bias for h in self.hidden])

    def forward(self, X) -> tuple[np.ndarray, np.ndarray]:
        """X (N, n_inputs) -> (H (N, n_hidden) hidden outputs, y (N,) network output)."""
        H = np.column_stack([h.predict(X) for h in self.hidden])
        return H, self.output.predict(H)

    def __repr__(self) -> str:
        hidden = ", ".join(repr(h) for h in self.hidden)
        return f"TwoLayerNetwork(hidden=[{hidden}], output={self.output!r})"


def two_layer_xor() -> TwoLayerNetwork:
    """XOR = AND(NAND(x1, x2), OR(x1, x2)) with the weights from the lecture.

    h1 = NAND = step(1.5 - x1 - x2), h2 = OR = step(-0.5 + x1 + x2),
    y = AND(h1, h2) = step(-1.5 + h1 + h2).
    """
    nand = Perceptron((-1.0, -1.0), 1.5)
    or_ = Perceptron((1.0, 1.0), -0.5)
    and_ = Perceptron((1.0, 1.0), -1.5)
    return TwoLayerNetwork((nand, or_), and_, names=("NAND", "OR", "AND"))


class Forward(NamedTuple):
    """A forward pass of one sigmoid neuron: z = w0 + W · X, y = sigmoid(z)."""

    z: float
    y: float


def sigmoid_neuron(bias: float, weights: Sequence[float], x: Sequence[float]) -> Forward:
    """z = bias + weights · x and y = 1 / (1 + e^-z); the lecture's (1, (3, -2), (-1, 2))
    gives z = -6, y = 0.00247."""
    b = _finite_number(bias, "bias")
    w = _finite_vector(weights, "weights")
    xv = _finite_vector(x, "x", w.size)
    z = float(b + w @ xv)
    return Forward(z, _sigmoid(z))
