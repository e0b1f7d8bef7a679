"""Curves for the activations tab, all computed by ``core`` (no Qt here, so tests need none).

Every function returns plain numpy arrays ready for ``setData``. The maths is core's:
``core.activations.value/derivative/softmax`` and ``core.losses.value/gradient``; this
module only samples them, splits lines at jumps (so a step is drawn as a jump, not as a
steep slope) and combines them by the chain rule where the lecture does so.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core import activations as act
from core import losses

#: the z axis of every activation plot; an odd count puts z = 0 exactly on the grid.
Z_LIMIT = 6.0
N_SAMPLES = 2401
#: two samples further apart than this in y are a discontinuity (all slopes here are < 2,
#: so a continuous curve moves at most ~0.01 between neighbouring samples).
JUMP_TOLERANCE = 0.1


def z_grid(limit: float = Z_LIMIT, n: int = N_SAMPLES) -> np.ndarray:
    """n evenly spaced z in [-limit, limit] with z = 0 exactly in the middle."""
    z = np.linspace(-limit, limit, n)
    z[n // 2] = 0.0
    return z


# --- activations, with PReLU as a tab-side variant of core's leaky ReLU ---------------------

@dataclass(frozen=True)
class Entry:
    """One row of the activation list: a core activation, maybe with its own slope range."""

    key: str          # the tab's name ("prelu" is leaky ReLU whose slope is learned)
    base: str         # core.activations name
    alpha_default: float = 0.0
    alpha_min: float = 0.0
    alpha_max: float = 0.0

    @property
    def has_alpha(self) -> bool:
        return self.alpha_max > self.alpha_min


def entries() -> list[Entry]:
    """Core's activations in registry order, PReLU inserted after leaky ReLU."""
    out = []
    for name, rec in act.ACTIVATIONS.items():
        if name == "leaky_relu":
            out.append(Entry(name, name, rec.default_alpha, 0.0, 0.5))
            # PReLU: the same function, its slope a learned parameter (PyTorch starts at 0.25).
            out.append(Entry("prelu", name, 0.25, 0.0, 1.0))
        elif name == "elu":
            out.append(Entry(name, name, rec.default_alpha, 0.1, 3.0))
        else:
            out.append(Entry(name, name))
    return out


ENTRIES: dict[str, Entry] = {e.key: e for e in entries()}

#: preferred SERIES_COLORS index per activation (the classic trio gets blue/orange/green).
_COLOUR_PREFERENCE = {"sigmoid": 0, "tanh": 1, "relu": 2, "leaky_relu": 3, "elu": 4,
                      "softplus": 5, "gelu": 6, "swish": 7, "prelu": 4, "step": 3, "linear": 7}


def colour_indices(selected: list[str], n_colours: int = 8) -> dict[str, int]:
    """A distinct colour index for each selected activation, stable for common choices."""
    taken: dict[str, int] = {}
    used: set[int] = set()
    for key in selected:
        want = _COLOUR_PREFERENCE.get(key, 0) % n_colours
        if want in used:
            free = [i for i in range(n_colours) if i not in used]
            want = free[0] if free else want
        taken[key] = want
        used.add(want)
    return taken


@dataclass(frozen=True)
class Curve:
    """A sampled curve: ``z``, ``y`` as sampled, and the line to draw with NaN breaks."""

    z: np.ndarray
    y: np.ndarray
    line_x: np.ndarray
    line_y: np.ndarray
    jumps: tuple  # ((z0, value at z0 (closed dot), other one-sided limit (open dot)), ...)


def with_breaks(z: np.ndarray, y: np.ndarray, tol: float = JUMP_TOLERANCE) -> Curve:
    """Split the line where y jumps, so a discontinuity is drawn as a gap with dots.

    At each jump between samples i and i + 1, the sample that sits on the discontinuity
    (the one nearer z = 0 for the functions here) holds the function's value there: a
    closed dot; the neighbour on the other side gives the other one-sided limit: an open dot.
    """
    idx = np.flatnonzero(np.abs(np.diff(y)) > tol)
    if idx.size == 0:
        return Curve(z, y, z, y, ())
    xs = np.insert(z, idx + 1, np.nan)
    ys = np.insert(y, idx + 1, np.nan)
    jumps = []
    for i in idx:
        at, other = (i, i + 1) if abs(z[i]) <= abs(z[i + 1]) else (i + 1, i)
        jumps.append((float(z[at]), float(y[at]), float(y[other])))
    return Curve(z, y, xs, ys, tuple(jumps))


def activation_curves(key: str, alpha: float | None = None, z: np.ndarray | None = None):
    """(value curve, derivative curve) of an activation list entry, from core's kernels."""
    entry = ENTRIES[key]
    z = z_grid() if z is None else z
    a = entry.alpha_default if alpha is None else alpha
    g = np.asarray(act.value(entry.base, z, a), dtype=float)
    dg = np.asarray(act.derivative(entry.base, z, a), dtype=float)
    return with_breaks(z, g), with_breaks(z, dg)


def activation_at(key: str, z: float, alpha: float | None = None) -> tuple[float, float]:
    """(g(z), g'(z)) at one point, from core."""
    entry = ENTRIES[key]
    a = entry.alpha_default if alpha is None else alpha
    return float(act.value(entry.base, z, a)), float(act.derivative(entry.base, z, a))


# --- maxout ---------------------------------------------------------------------------------

def maxout(pieces, z: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """max_k (w_k z + b_k) for pieces [(w, b), ...] -> (values, slopes (the derivative),
    index of the active piece). Ties go to the first piece, as numpy's argmax."""
    w = np.array([p[0] for p in pieces], dtype=float)[:, None]
    b = np.array([p[1] for p in pieces], dtype=float)[:, None]
    lines = w * np.asarray(z, dtype=float)[None, :] + b
    k = np.argmax(lines, axis=0)
    cols = np.arange(lines.shape[1])
    return lines[k, cols], w[k, 0], k


# --- vanishing gradients --------------------------------------------------------------------

VANISHING_ACTIVATIONS = ("sigmoid", "tanh", "relu")
MAX_DEPTH = 20


def layer_preactivations(centre: float, spread: float, n: int = MAX_DEPTH,
                         seed: int = 7) -> np.ndarray:
    """z at each of n layers: centre + spread * e_l with a fixed draw e ~ N(0, 1)."""
    e = np.random.default_rng(seed).standard_normal(n)
    return centre + spread * e


def gradient_products(z_layers: np.ndarray) -> dict[str, np.ndarray]:
    """Running product over layers of g'(z_l) for sigmoid, tanh and ReLU (core's g'),
    plus the sigmoid bound 0.25^n under the key "bound"."""
    out = {name: np.cumprod(act.derivative(name, z_layers)) for name in VANISHING_ACTIVATIONS}
    n = np.arange(1, len(z_layers) + 1)
    out["bound"] = act.get("sigmoid").max_derivative ** n
    return out


# --- losses ---------------------------------------------------------------------------------

LOSS_NAMES = ("mse", "bce", "cross_entropy")
LOGIT_LIMIT = 8.0
N_LOSS_SAMPLES = 401


def logit_grid(n: int = N_LOSS_SAMPLES) -> np.ndarray:
    """z in [-8, 8]; p = sigmoid(z) then samples (0, 1) densely near 0 and 1, where the
    cross-entropy curves are steep."""
    return np.linspace(-LOGIT_LIMIT, LOGIT_LIMIT, n)


def _loss_rows(name: str, p: np.ndarray, t: float) -> tuple[np.ndarray, np.ndarray]:
    """Outputs and targets as core's (N, K) rows: one output for mse/bce, the two-class
    probability vector (p, 1 - p) against (t, 1 - t) for cross_entropy."""
    if name == "cross_entropy":
        return np.column_stack([p, 1.0 - p]), np.column_stack([np.full_like(p, t),
                                                               np.full_like(p, 1.0 - t)])
    return p[:, None].copy(), np.full((p.size, 1), float(t))


def loss_values(name: str, p: np.ndarray, t: float) -> tuple[np.ndarray, np.ndarray]:
    """Per-prediction (L, dL/dp) with core's loss ``name`` for target t.

    core averages over the N rows, so each value is one single-row call and the per-row
    gradient is N times core's batch gradient. For cross_entropy, dL/dp follows p's effect
    on both entries of (p, 1 - p) (chain rule: dL/dp_1 - dL/dp_2).
    """
    p = np.asarray(p, dtype=float)
    o, tt = _loss_rows(name, p, t)
    grad = losses.gradient(name, o, tt) * p.size
    dldp = grad[:, 0] - grad[:, 1] if name == "cross_entropy" else grad[:, 0]
    vals = np.array([losses.value(name, o[i:i + 1], tt[i:i + 1]) for i in range(p.size)])
    return vals, dldp


@dataclass(frozen=True)
class LossCurves:
    """Everything the losses page draws for one target t (all arrays the length of z)."""

    t: float
    z: np.ndarray                  # logits
    p: np.ndarray                  # sigmoid(z): the prediction
    values: dict                   # name -> L(p)
    dldp: dict                     # name -> dL/dp
    dldz: dict                     # "mse", "bce" -> dL/dz through the sigmoid


def loss_curves(t: float, z: np.ndarray | None = None) -> LossCurves:
    """Losses and gradients for target t, the prediction p = sigmoid(z) (all from core).

    dL/dz = dL/dp · sigma'(z): sigmoid + mse keeps the factor sigma'(z), which vanishes when
    the neuron is confidently wrong; sigmoid + bce cancels it (dL/dz = p - t).
    """
    z = logit_grid() if z is None else np.asarray(z, dtype=float)
    p = np.asarray(act.value("sigmoid", z), dtype=float)
    dp = np.asarray(act.derivative("sigmoid", z), dtype=float)
    values, dldp = {}, {}
    for name in LOSS_NAMES:
        values[name], dldp[name] = loss_values(name, p, t)
    dldz = {name: dldp[name] * dp for name in ("mse", "bce")}
    return LossCurves(float(t), z, p, values, dldp, dldz)


def loss_point(t: float, z: float) -> LossCurves:
    """The same quantities at a single logit z (for the read-out)."""
    return loss_curves(t, np.array([float(z)]))


def logit(p: float) -> float:
    """The z with sigmoid(z) = p (p clipped into (0, 1))."""
    p = min(max(p, 1e-9), 1.0 - 1e-9)
    return math.log(p / (1.0 - p))
