"""Gradient-descent optimizers with torch.optim's update rules and defaults.

An optimizer turns the gradient g = ∂L/∂w into a step for the parameters w (η is the
learning rate; every operation is element-wise):

    sgd       w ← w − η g
    momentum  v ← μ v + g;  w ← w − η v                     (μ = 0.9)
    nesterov  v ← μ v + g;  w ← w − η (g + μ v)             (μ = 0.9)
    adagrad   s ← s + g²;  w ← w − η g / (√s + ε)
    adadelta  s ← ρ s + (1 − ρ) g²;  d ← √(u + ε) / √(s + ε) g;  u ← ρ u + (1 − ρ) d²;
              w ← w − η d
    rmsprop   s ← α s + (1 − α) g²;  w ← w − η g / (√s + ε)
    adam      m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
              m̂ = m / (1 − β₁ᵗ);  v̂ = v / (1 − β₂ᵗ);  w ← w − η m̂ / (√v̂ + ε)

The state (v, s, u, m) starts at zero, so the first momentum step is v = g, as in PyTorch.
These are exactly ``torch.optim.SGD`` (with ``momentum=0.9`` and with ``nesterov=True``),
``Adagrad``, ``Adadelta``, ``RMSprop`` and ``Adam`` with their default hyper-parameters
(SGD has no default learning rate in torch; ours is 0.01), so a student who moves on to
PyTorch sees the same numbers.

``OPTIMIZERS`` maps each name to an :class:`OptimizerInfo` record (label, defaults, formula,
hyper-parameter and state names) that the GUI shows; :func:`create` returns an
:class:`Optimizer` whose ``step(params, grad)`` updates a float64 vector in place with the
compiled kernel ``core._kernels.optimizers.opt_step``. :func:`_reference_step` is a plain-numpy
version written independently of the kernel, used by the tests as an oracle.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core._kernels import optimizers as _k

__all__ = ["HYPER_NAMES", "OPTIMIZERS", "Optimizer", "OptimizerInfo", "create", "get", "warmup"]

#: every hyper-parameter name, in the order of the kernel's hyper vector (``_k.H_*``).
HYPER_NAMES = ("learning_rate", "momentum", "rho", "alpha", "beta1", "beta2", "eps")


@dataclass(frozen=True)
class OptimizerInfo:
    """What the GUI shows about one optimizer.

    ``defaults`` holds every hyper-parameter it uses (``hyper_names``), learning rate
    included; ``slot_names`` names its per-parameter state vectors (``Optimizer.state``).
    ``formula`` is rich text (Unicode, ``<sup>``/``<sub>``).
    """

    name: str
    id: int
    label: str
    defaults: dict
    formula: str
    hyper_names: tuple
    slot_names: tuple

    def __repr__(self) -> str:
        return f"OptimizerInfo({self.name!r}, id={self.id}, defaults={self.defaults})"


_RECORDS = (
    OptimizerInfo("sgd", _k.SGD, "SGD", {"learning_rate": 0.01},
                  "w ← w − η g", ("learning_rate",), ()),
    OptimizerInfo("momentum", _k.MOMENTUM, "Momentum",
                  {"learning_rate": 0.01, "momentum": 0.9},
                  "v ← μ v + g<br>w ← w − η v", ("learning_rate", "momentum"), ("velocity",)),
    OptimizerInfo("nesterov", _k.NESTEROV, "Nesterov",
                  {"learning_rate": 0.01, "momentum": 0.9},
                  "v ← μ v + g<br>w ← w − η (g + μ v)", ("learning_rate", "momentum"),
                  ("velocity",)),
    OptimizerInfo("adagrad", _k.ADAGRAD, "Adagrad", {"learning_rate": 0.01, "eps": 1e-10},
                  "s ← s + g<sup>2</sup><br>w ← w − η g / (√s + ε)",
                  ("learning_rate", "eps"), ("sum",)),
    OptimizerInfo("adadelta", _k.ADADELTA, "Adadelta",
                  {"learning_rate": 1.0, "rho": 0.9, "eps": 1e-6},
                  "s ← ρ s + (1 − ρ) g<sup>2</sup><br>"
                  "Δ ← √(u + ε) / √(s + ε) · g<br>"
                  "u ← ρ u + (1 − ρ) Δ<sup>2</sup><br>w ← w − η Δ",
                  ("learning_rate", "rho", "eps"), ("square_avg", "acc_delta")),
    OptimizerInfo("rmsprop", _k.RMSPROP, "RMSprop",
                  {"learning_rate": 0.01, "alpha": 0.99, "eps": 1e-8},
                  "s ← α s + (1 − α) g<sup>2</sup><br>w ← w − η g / (√s + ε)",
                  ("learning_rate", "alpha", "eps"), ("square_avg",)),
    OptimizerInfo("adam", _k.ADAM, "Adam",
                  {"learning_rate": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
                  "m ← β<sub>1</sub> m + (1 − β<sub>1</sub>) g<br>"
                  "v ← β<sub>2</sub> v + (1 − β<sub>2</sub>) g<sup>2</sup><br>"
                  "m̂ = m / (1 − β<sub>1</sub><sup>t</sup>),  "
                  "v̂ = v / (1 − β<sub>2</sub><sup>t</sup>)<br>w ← w − η m̂ / (√v̂ + ε)",
                  ("learning_rate", "beta1", "beta2", "eps"), ("exp_avg", "exp_avg_sq")),
)

OPTIMIZERS: dict[str, OptimizerInfo] = {r.name: r for r in _RECORDS}
_BY_ID = {r.id: r for r in _RECORDS}

# (low, high, low inclusive, high inclusive) for each hyper-parameter
_RANGES = {
    "learning_rate": (0.0, math.inf, False, False),
    "momentum": (0.0, 1.0, True, False),
    "rho": (0.0, 1.0, True, True),
    "alpha": (0.0, 1.0, True, True),
    "beta1": (0.0, 1.0, True, False),
    "beta2": (0.0, 1.0, True, False),
    "eps": (0.0, math.inf, False, False),
}


def get(name: str) -> OptimizerInfo:
    """The record of optimizer ``name`` (ValueError listing the known names otherwise)."""
    try:
        return OPTIMIZERS[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown optimizer {name!r}; known: {', '.join(OPTIMIZERS)}") from None


def _check_hyper(name: str, value) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    lo, hi, lo_in, hi_in = _RANGES[name]
    ok = (v >= lo if lo_in else v > lo) and (v <= hi if hi_in else v < hi)
    if not ok or math.isnan(v):
        left, right = ("[" if lo_in else "("), ("]" if hi_in else ")")
        raise ValueError(f"{name} must be in {left}{lo:g}, {hi:g}{right}, got {value!r}")
    return v


class Optimizer:
    """A stateful optimizer: ``step(params, grad)`` updates ``params`` in place.

    State vectors (``slots``, float64[n_slots, n_params]) are allocated on the first step to
    the size of ``params`` and reset when that size changes. ``t`` counts the steps taken.
    ``hyper_array``/``slots``/``kind`` are what compiled training loops hand to
    ``core._kernels.optimizers.opt_step``.
    """

    def __init__(self, name: str, learning_rate=None, **hyper):
        info = get(name)
        unknown = sorted(set(hyper) - set(info.hyper_names))
        if unknown:
            raise ValueError(f"{name} has no hyper-parameter {', '.join(unknown)}; "
                             f"it takes {', '.join(info.hyper_names)}")
        values = dict(info.defaults)
        values.update(hyper)
        if learning_rate is not None:
            values["learning_rate"] = learning_rate
        self.info = info
        self.hyper_array = np.zeros(_k.N_HYPER)
        for key, value in values.items():
            self.hyper_array[HYPER_NAMES.index(key)] = _check_hyper(key, value)
        self.slots = np.zeros((len(info.slot_names), 0))
        self.t = 0

    # -- description -------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.info.name

    @property
    def kind(self) -> int:
        return self.info.id

    @property
    def hyper(self) -> dict:
        """The hyper-parameters this optimizer uses (a copy; change them with ``set_hyper``)."""
        return {key: float(self.hyper_array[HYPER_NAMES.index(key)])
                for key in self.info.hyper_names}

    def set_hyper(self, **hyper) -> None:
        """Change hyper-parameters between steps (the state is kept)."""
        for key, value in hyper.items():
            if key not in self.info.hyper_names:
                raise ValueError(f"{self.name} has no hyper-parameter {key!r}; "
                                 f"it takes {', '.join(self.info.hyper_names)}")
            self.hyper_array[HYPER_NAMES.index(key)] = _check_hyper(key, value)

    @property
    def learning_rate(self) -> float:
        return float(self.hyper_array[_k.H_LR])

    @learning_rate.setter
    def learning_rate(self, value) -> None:
        self.hyper_array[_k.H_LR] = _check_hyper("learning_rate", value)

    def __repr__(self) -> str:
        hyper = ", ".join(f"{k}={v:g}" for k, v in self.hyper.items())
        return f"Optimizer({self.name!r}, {hyper}, t={self.t}, n_params={self.slots.shape[1]})"

    # -- state ---------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget the state: the next step is a first step again."""
        self.slots = np.zeros((len(self.info.slot_names), 0))
        self.t = 0

    def ensure_size(self, n_params: int) -> None:
        """Allocate zero state for ``n_params`` parameters unless it already has that size."""
        if self.slots.shape[1] != n_params:
            self.slots = np.zeros((len(self.info.slot_names), n_params))
            self.t = 0

    def state(self, slot_name: str) -> np.ndarray:
        """A read-only view of one state vector, e.g. ``"velocity"`` (empty before a step)."""
        if slot_name not in self.info.slot_names:
            raise ValueError(f"{self.name} has no state {slot_name!r}; "
                             f"it has {', '.join(self.info.slot_names) or 'none'}")
        view = self.slots[self.info.slot_names.index(slot_name)]
        view.flags.writeable = False
        return view

    def step(self, params: np.ndarray, grad) -> None:
        """``params ← params − Δ(grad)`` in place; params: 1-D C-contiguous float64."""
        if not isinstance(params, np.ndarray) or params.dtype != np.float64 or params.ndim != 1:
            raise ValueError("params must be a 1-D float64 numpy array (updated in place)")
        if not params.flags.c_contiguous or not params.flags.writeable:
            raise ValueError("params must be C-contiguous and writeable (updated in place)")
        grad = np.ascontiguousarray(grad, dtype=np.float64)
        if grad.shape != params.shape:
            raise ValueError(f"grad has shape {grad.shape}, params {params.shape}")
        if not np.isfinite(grad).all():
            raise ValueError("grad contains NaN or Inf")
        self.ensure_size(params.shape[0])
        self.t += 1
        _k.opt_step(self.kind, params, grad, self.slots, self.hyper_array, self.t)

    def copy(self) -> Optimizer:
        """An independent deep copy (state included): used to step back in time."""
        other = Optimizer.__new__(Optimizer)
        other.info = self.info
        other.hyper_array = self.hyper_array.copy()
        other.slots = self.slots.copy()
        other.t = self.t
        return other

    def get_state(self) -> dict:
        """A JSON-safe snapshot: name, hyper-parameters, step count, size and state vectors."""
        return {
            "name": self.name,
            "hyper": self.hyper,
            "t": int(self.t),
            "n_params": int(self.slots.shape[1]),
            "slots": {s: self.slots[i].tolist() for i, s in enumerate(self.info.slot_names)},
        }

    def set_state(self, state: dict) -> None:
        """Restore a snapshot made by ``get_state`` (of an optimizer of the same name)."""
        if not isinstance(state, dict):
            raise ValueError("optimizer state must be a dict")
        if state.get("name") != self.name:
            raise ValueError(f"state is for optimizer {state.get('name')!r}, not {self.name!r}")
        hyper = state.get("hyper", {})
        t = state.get("t", 0)
        slots = state.get("slots", {})
        if not isinstance(hyper, dict) or not isinstance(slots, dict):
            raise ValueError("optimizer state: 'hyper' and 'slots' must be dicts")
        if isinstance(t, bool) or not isinstance(t, (int, np.integer)) or t < 0:
            raise ValueError(f"optimizer state: t must be an int >= 0, got {t!r}")
        if set(slots) != set(self.info.slot_names):
            raise ValueError(f"optimizer state: slots must be {self.info.slot_names}, "
                             f"got {tuple(slots)}")
        rows = [np.asarray(slots[s], dtype=np.float64) for s in self.info.slot_names]
        n = state.get("n_params", rows[0].shape[0] if rows else 0)
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
            raise ValueError(f"optimizer state: n_params must be an int >= 0, got {n!r}")
        if any(r.ndim != 1 or r.shape[0] != n or not np.isfinite(r).all() for r in rows):
            raise ValueError("optimizer state: slots must be finite vectors of one length")
        new = Optimizer(self.name, **hyper)
        self.hyper_array = new.hyper_array
        self.slots = np.array(rows, dtype=np.float64).reshape(len(rows), n)
        self.t = int(t)


def create(name: str, learning_rate=None, **hyper) -> Optimizer:
    """A new optimizer ``name`` with torch's defaults, overridden by the arguments given."""
    return Optimizer(name, learning_rate, **hyper)


def warmup() -> None:
    """Compile ``opt_step`` for the dtypes the public API uses."""
    for info in _RECORDS:
        opt = Optimizer(info.name)
        opt.step(np.zeros(2), np.ones(2))


# ---- plain-numpy reference (the tests' oracle) ------------------------------------------
def _reference_step(name: str, params: np.ndarray, grad: np.ndarray, state: dict,
                    hyper: dict, t: int) -> np.ndarray:
    """New params after one step of ``name``, vectorised numpy; updates ``state`` (a dict of
    arrays, empty before the first step). ``t`` is 1 for the first step."""
    h = dict(OPTIMIZERS[name].defaults)
    h.update(hyper)
    lr = h["learning_rate"]
    g = np.asarray(grad, dtype=np.float64)
    w = np.array(params, dtype=np.float64)
    if name == "sgd":
        return w - lr * g
    if name in ("momentum", "nesterov"):
        v = g.copy() if "v" not in state else h["momentum"] * state["v"] + g
        state["v"] = v
        return w - lr * (v if name == "momentum" else g + h["momentum"] * v)
    if name == "adagrad":
        state["s"] = state.get("s", 0.0) + g ** 2
        return w - lr * g / (np.sqrt(state["s"]) + h["eps"])
    if name == "adadelta":
        rho, eps = h["rho"], h["eps"]
        state["s"] = rho * state.get("s", 0.0) + (1 - rho) * g ** 2
        u = state.get("u", np.zeros_like(g))
        d = np.sqrt(u + eps) / np.sqrt(state["s"] + eps) * g
        state["u"] = rho * u + (1 - rho) * d ** 2
        return w - lr * d
    if name == "rmsprop":
        state["s"] = h["alpha"] * state.get("s", 0.0) + (1 - h["alpha"]) * g ** 2
        return w - lr * g / (np.sqrt(state["s"]) + h["eps"])
    if name == "adam":
        b1, b2 = h["beta1"], h["beta2"]
        state["m"] = b1 * state.get("m", 0.0) + (1 - b1) * g
        state["v"] = b2 * state.get("v", 0.0) + (1 - b2) * g ** 2
        m_hat = state["m"] / (1 - b1 ** t)
        v_hat = state["v"] / (1 - b2 ** t)
        return w - lr * m_hat / (np.sqrt(v_hat) + h["eps"])
    raise ValueError(f"unknown optimizer {name!r}")
