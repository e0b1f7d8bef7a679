"""The tab's state as plain JSON-safe data: defaults and validation (no Qt).

``validate(partial)`` checks every key of a full or partial state and returns normalised
values; it raises ``ValueError`` with a clear message on the first problem, before the
model changes anything. Presets are partial states.
"""
from __future__ import annotations

import math

from core.activations import ACTIVATIONS
from desktop.tabs.activations import curves

SECTIONS = ("activations", "softmax", "maxout", "vanishing", "nonlinear", "losses")
NL_DATASETS = ("circle", "xor", "moons", "spiral")
#: hidden activations for the non-linear network: every one that bends and has a gradient.
NL_ACTIVATIONS = tuple(name for name in ACTIVATIONS if name not in ("linear", "step"))

DEFAULTS = {
    "section": "activations",
    # activations page
    "selected": ["sigmoid", "tanh", "relu"],
    "focus": "sigmoid",
    "alphas": {k: e.alpha_default for k, e in curves.ENTRIES.items() if e.has_alpha},
    "probe": 1.0,
    # softmax: the textbook logits (2.0, 1.0, 0.1) -> (0.66, 0.24, 0.10)
    "logits": [2.0, 1.0, 0.1],
    "temperature": 1.0,
    "pointwise": False,
    # maxout: max(-z, 0.2 z + 0.8, z), a convex curve from three pieces
    "pieces": [[-1.0, 0.0], [0.2, 0.8], [1.0, 0.0]],
    # vanishing gradients: every layer at z = 1
    "depth": 10,
    "z_centre": 1.0,
    "z_spread": 0.0,
    # why non-linear
    "dataset": "circle",
    "nl_activation": "tanh",
    # losses: a target of 1, predicted confidently wrong
    "loss_target": 1.0,
    "loss_z": -4.0,
}


def _number(key, v, lo, hi) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise ValueError(f"{key} must be a finite number, got {v!r}")
    if not lo <= v <= hi:
        raise ValueError(f"{key} must lie in [{lo}, {hi}], got {v}")
    return float(v)


def _choice(key, v, options) -> str:
    if v not in options:
        raise ValueError(f"{key} must be one of {', '.join(options)}; got {v!r}")
    return v


def _selected(v) -> list[str]:
    if not isinstance(v, list) or not all(isinstance(k, str) for k in v):
        raise ValueError("selected must be a list of activation names")
    for k in v:
        _choice("selected", k, tuple(curves.ENTRIES))
    if len(set(v)) != len(v):
        raise ValueError("selected lists an activation twice")
    order = list(curves.ENTRIES)
    return sorted(v, key=order.index)


def _alphas(v) -> dict:
    if not isinstance(v, dict):
        raise ValueError("alphas must be an object {activation: value}")
    out = {}
    for k, a in v.items():
        entry = curves.ENTRIES.get(k)
        if entry is None or not entry.has_alpha:
            raise ValueError(f"alphas: {k!r} has no α parameter")
        out[k] = _number(f"alphas[{k}]", a, entry.alpha_min, entry.alpha_max)
    return {**DEFAULTS["alphas"], **out}


def _logits(v) -> list[float]:
    if not isinstance(v, list) or not 2 <= len(v) <= 8:
        raise ValueError("logits must be a list of 2 to 8 numbers")
    return [_number("logits", x, -10.0, 10.0) for x in v]


def _pieces(v) -> list[list[float]]:
    if not isinstance(v, list) or not 1 <= len(v) <= 6:
        raise ValueError("pieces must be a list of 1 to 6 [slope, offset] pairs")
    out = []
    for p in v:
        if not isinstance(p, (list, tuple)) or len(p) != 2:
            raise ValueError("each maxout piece must be a [slope, offset] pair")
        out.append([_number("slope", p[0], -5.0, 5.0), _number("offset", p[1], -5.0, 5.0)])
    return out


def _depth(v) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= curves.MAX_DEPTH:
        raise ValueError(f"depth must be an integer from 1 to {curves.MAX_DEPTH}, got {v!r}")
    return v


def _bool(key, v) -> bool:
    if not isinstance(v, bool):
        raise ValueError(f"{key} must be true or false, got {v!r}")
    return v


_CHECKS = {
    "section": lambda v: _choice("section", v, SECTIONS),
    "selected": _selected,
    "focus": lambda v: _choice("focus", v, tuple(curves.ENTRIES)),
    "alphas": _alphas,
    "probe": lambda v: _number("probe", v, -curves.Z_LIMIT, curves.Z_LIMIT),
    "logits": _logits,
    "temperature": lambda v: _number("temperature", v, 0.1, 10.0),
    "pointwise": lambda v: _bool("pointwise", v),
    "pieces": _pieces,
    "depth": _depth,
    "z_centre": lambda v: _number("z_centre", v, -4.0, 4.0),
    "z_spread": lambda v: _number("z_spread", v, 0.0, 3.0),
    "dataset": lambda v: _choice("dataset", v, NL_DATASETS),
    "nl_activation": lambda v: _choice("nl_activation", v, NL_ACTIVATIONS),
    "loss_target": lambda v: _number("loss_target", v, 0.0, 1.0),
    "loss_z": lambda v: _number("loss_z", v, -curves.LOGIT_LIMIT, curves.LOGIT_LIMIT),
}


def validate(state: dict) -> dict:
    """Normalised copy of a full or partial state; ValueError on anything wrong."""
    if not isinstance(state, dict):
        raise ValueError("the activations tab's state must be a JSON object")
    unknown = sorted(set(state) - set(_CHECKS))
    if unknown:
        raise ValueError(f"unknown keys in the activations tab's state: {', '.join(unknown)}")
    return {k: _CHECKS[k](v) for k, v in state.items()}
